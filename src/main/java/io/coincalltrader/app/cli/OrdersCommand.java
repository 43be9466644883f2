package io.coincalltrader.app.cli;

import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoredOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code orders}: the orders this app recorded, live ones first. */
@Command(name = "orders", mixinStandardHelpOptions = true, description = "Orders recorded by this app (open ones, or --all since a time), from the store.")
final class OrdersCommand extends StoreCommand {
    @Option(names = "--all", description = "every order since --since, not only the open ones")
    boolean all;
    @Option(names = "--since", paramLabel = "WHEN", description = "with --all: 30m, 2h, 7d or a UTC time (default 24h)")
    String since;

    OrdersCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    int execute(Database db, String profile, Output out) {
        Instant from = since(since, Duration.ofHours(24));
        List<StoredOrder> orders = (all ? db.orders().all().stream().filter(o -> !o.updatedAt().isBefore(from)) : db.orders().notTerminal().stream())
                .sorted(Comparator.comparing(StoredOrder::createdAt).reversed()).toList();
        if (out.json()) {
            out.json(orders);
            return 0;
        }
        out.line((all ? "Orders" : "Open orders") + " in store '" + profile + "':");
        if (orders.isEmpty()) {
            out.line(all ? "No orders." : "No open orders.");
            return 0;
        }
        Output.Table t = new Output.Table(">Client id", ">Order id", "Instrument", "Side", "Type", ">Size", ">Filled", ">Price USD",
                ">Avg USD", "State", "Purpose", "Created (UTC)");
        for (StoredOrder o : orders) {
            t.row(o.clientOrderId() == null ? "" : o.clientOrderId(), o.exchangeOrderId() == null ? "" : o.exchangeOrderId(), o.symbol(),
                    o.side(), o.type(), o.quantity().toPlainString(), o.filledQuantity().toPlainString(), Output.num(o.price(), 2),
                    o.averagePrice() == null ? "-" : Output.num(o.averagePrice(), 2), o.state() + (o.external() ? " (external)" : ""),
                    o.purpose() == null ? "" : o.purpose(), Output.time(o.createdAt()));
        }
        t.print(out);
        return 0;
    }
}
