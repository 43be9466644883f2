package io.coincalltrader.app.cli;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoredFill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

/** {@code fills}: every fill recorded since a time. */
@Command(name = "fills", mixinStandardHelpOptions = true, description = "Fills recorded in the store since a time (default 24h).")
final class FillsCommand extends StoreCommand {
    @Option(names = "--since", paramLabel = "WHEN", description = "30m, 2h, 7d or a UTC time (default 24h)")
    String since;

    FillsCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    int execute(Database db, String profile, Output out) {
        List<StoredFill> fills = db.fills().since(since(since, Duration.ofHours(24)));
        if (out.json()) {
            out.json(fills);
            return 0;
        }
        if (fills.isEmpty()) {
            out.line("No fills in store '" + profile + "' in that time.");
            return 0;
        }
        Output.Table t = new Output.Table("Time (UTC)", "Instrument", "Side", ">Size", ">Price USD", ">Fee", "Role", ">Client id", "Trade id", "Source");
        for (StoredFill s : fills) {
            Fill f = s.fill();
            t.row(Output.time(f.time()), f.symbol(), f.side(), f.quantity().toPlainString(), Output.num(f.price(), 2),
                    f.fee() == null ? "-" : Output.num(f.fee(), 4), f.taker() ? "taker" : "maker",
                    f.clientOrderId() == null ? "" : f.clientOrderId(), f.tradeId(), s.source());
        }
        t.print(out);
        return 0;
    }
}
