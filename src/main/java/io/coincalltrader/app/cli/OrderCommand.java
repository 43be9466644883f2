package io.coincalltrader.app.cli;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import io.coincalltrader.exchange.OrderGateway;
import io.coincalltrader.exchange.OutcomeUnknownException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** {@code order place|cancel|list|status}. */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Place, cancel, list and query orders.",
        subcommands = {OrderCommand.Place.class, OrderCommand.Cancel.class, OrderCommand.ListOpen.class, OrderCommand.Status.class})
final class OrderCommand {

    static ProductType productOf(String symbol) {
        return switch (InstrumentName.parse(symbol)) {
            case InstrumentName.Option o -> ProductType.OPTION;
            case InstrumentName.Future f -> ProductType.FUTURE;
            case InstrumentName.Spot s -> ProductType.SPOT;
        };
    }

    /** A fresh client order id: milliseconds × 1000 plus a random tail, unique per key in practice. */
    static long newClientOrderId() {
        return System.currentTimeMillis() * 1000 + ThreadLocalRandom.current().nextInt(1000);
    }

    static void printOrders(Output out, List<ExchangeOrder> orders) {
        if (out.json()) {
            out.json(orders);
            return;
        }
        if (orders.isEmpty()) {
            out.line("No orders.");
            return;
        }
        Output.Table t = new Output.Table(">Order id", ">Client id", "Instrument", "Side", "Type", ">Size", ">Filled", ">Price USD", ">Avg USD", "State");
        for (ExchangeOrder o : orders) {
            t.row(o.orderId(), o.clientOrderId() == null ? "" : o.clientOrderId(), o.symbol(), o.side(), o.type(),
                    o.quantity().toPlainString(), o.filledQuantity().toPlainString(), Output.num(o.price(), 2),
                    o.filledQuantity().signum() == 0 ? "-" : Output.num(o.averagePrice(), 2), o.state());
        }
        t.print(out);
    }

    /** Which order: by exchange id or by client order id, of which product. */
    static final class OrderRef {
        @Option(names = "--product", defaultValue = "OPTION", description = "OPTION, FUTURE or SPOT")
        ProductType product;
        @Option(names = "--id", paramLabel = "ORDER_ID")
        Long orderId;
        @Option(names = "--client-order-id", paramLabel = "ID")
        Long clientOrderId;

        void validate() {
            if ((orderId == null) == (clientOrderId == null)) {
                throw new IllegalArgumentException("give exactly one of --id or --client-order-id");
            }
        }
    }

    @Command(name = "place", mixinStandardHelpOptions = true, description = "Place an order (sent once; an unanswered order is looked up by its client order id).")
    static final class Place extends ExchangeCommand {
        @Option(names = "--instrument", required = true, paramLabel = "NAME")
        String instrument;
        @Option(names = "--side", required = true, description = "buy or sell")
        Side side;
        @Option(names = "--qty", required = true, paramLabel = "SIZE", description = "contracts (coins)")
        BigDecimal quantity;
        @Option(names = "--price", paramLabel = "USD")
        BigDecimal price;
        @Option(names = "--type", defaultValue = "LIMIT", description = "LIMIT, MARKET, POST_ONLY, STOP_LIMIT, STOP_MARKET")
        OrderType type;
        @Option(names = "--tif", description = "GTC, IOC or FOK")
        TimeInForce timeInForce;
        @Option(names = "--trigger", paramLabel = "USD", description = "trigger price of stop orders (futures)")
        BigDecimal trigger;
        @Option(names = "--reduce-only")
        boolean reduceOnly;
        @Option(names = "--client-order-id", paramLabel = "ID")
        Long clientOrderId;
        private OrderRequest request;

        Place(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        void validate() {
            String symbol = instrument.trim();
            long clientId = clientOrderId != null ? clientOrderId : newClientOrderId();
            request = new OrderRequest(productOf(symbol), symbol, side, type, quantity, price,
                    timeInForce == null && type != OrderType.MARKET ? TimeInForce.GTC : timeInForce, clientId, reduceOnly, trigger);
        }

        @Override
        int execute(ExchangeSession session, Output out) throws InterruptedException {
            long clientId = request.clientOrderId();
            String symbol = request.symbol();
            OrderGateway orders = session.gateway().orders();
            if (!out.json()) {
                out.line("Sending " + side + " " + quantity.toPlainString() + " " + symbol + " (client order id " + clientId + ")");
            }
            try {
                long orderId = orders.place(request);
                Optional<ExchangeOrder> state = orders.byId(request.product(), orderId);
                printOrders(out, state.map(List::of).orElse(List.of()));
                return 0;
            } catch (OutcomeUnknownException e) {
                err().println("warning: " + e.traderMessage());
                return resolve(out, orders, request.product(), clientId);
            }
        }

        /** Asks the exchange what became of the order, for up to 10 s; never resends it. */
        private int resolve(Output out, OrderGateway orders, ProductType product, long clientId) throws InterruptedException {
            for (int i = 0; i < 10; i++) {
                try {
                    Optional<ExchangeOrder> found = orders.byClientOrderId(product, clientId);
                    if (found.isPresent()) {
                        printOrders(out, List.of(found.get()));
                        return 0;
                    }
                } catch (RuntimeException e) {
                    err().println("warning: still checking: " + e.getMessage());
                }
                Thread.sleep(1000);
            }
            err().println("error: the exchange does not show client order id " + clientId
                    + " after 10 s; check with 'order status --client-order-id " + clientId + "' before sending again");
            return CoincallTraderCommand.EXIT_OUTCOME_UNKNOWN;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an order by id or client order id.")
    static final class Cancel extends ExchangeCommand {
        @picocli.CommandLine.Mixin
        OrderRef ref;

        Cancel(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        void validate() {
            ref.validate();
        }

        @Override
        int execute(ExchangeSession session, Output out) {
            if (ref.orderId != null) {
                session.gateway().orders().cancel(ref.product, ref.orderId);
            } else {
                session.gateway().orders().cancelByClientOrderId(ref.product, ref.clientOrderId);
            }
            out.line(out.json() ? "{\"cancelRequested\":true}" : "Cancel requested.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Open orders.")
    static final class ListOpen extends ExchangeCommand {
        @Option(names = "--product", description = "OPTION, FUTURE or SPOT (default: options and futures)")
        ProductType product;

        ListOpen(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        int execute(ExchangeSession session, Output out) {
            List<ExchangeOrder> all = new ArrayList<>();
            for (ProductType p : product == null ? List.of(ProductType.OPTION, ProductType.FUTURE) : List.of(product)) {
                all.addAll(session.gateway().orders().openOrders(p, null));
            }
            printOrders(out, all);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "One order by id or client order id.")
    static final class Status extends ExchangeCommand {
        @picocli.CommandLine.Mixin
        OrderRef ref;

        Status(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        void validate() {
            ref.validate();
        }

        @Override
        int execute(ExchangeSession session, Output out) {
            Optional<ExchangeOrder> order = ref.orderId != null
                    ? session.gateway().orders().byId(ref.product, ref.orderId)
                    : session.gateway().orders().byClientOrderId(ref.product, ref.clientOrderId);
            if (order.isEmpty()) {
                err().println("error: the exchange has no such order");
                return CoincallTraderCommand.EXIT_EXCHANGE_ERROR;
            }
            printOrders(out, List.of(order.get()));
            return 0;
        }
    }
}
