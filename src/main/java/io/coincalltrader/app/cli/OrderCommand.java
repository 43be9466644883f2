package io.coincalltrader.app.cli;

import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.StoredOrder;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code order place|cancel|list|status}. */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Place, cancel, list and query orders.",
        subcommands = {OrderCommand.Place.class, OrderCommand.Cancel.class, OrderCommand.ListOpen.class, OrderCommand.Status.class})
final class OrderCommand {

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

    @Command(name = "place", mixinStandardHelpOptions = true, description = "Place an order through the engine: recorded in the store before it is sent, sent once, an unanswered order looked up by its client order id.")
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
            request = request(clientOrderId != null ? clientOrderId : 1L);
        }

        private OrderRequest request(long clientId) {
            String symbol = instrument.trim();
            return new OrderRequest(ProductType.of(symbol), symbol, side, type, quantity, price,
                    timeInForce == null && type != OrderType.MARKET ? TimeInForce.GTC : timeInForce, clientId, reduceOnly, trigger);
        }

        @Override
        int execute(ExchangeSession session, Output out) throws Exception {
            try (TradingSession trading = sessions().trading(session)) {
                OrderService orders = trading.orders();
                long clientId = clientOrderId != null ? clientOrderId : orders.nextClientOrderId();
                request = request(clientId);
                orders.place(NewOrder.of(request), Cause.USER, "command line").get(15, TimeUnit.SECONDS);
                if (!out.json()) {
                    out.line("Recorded and sent " + side + " " + quantity.toPlainString() + " " + request.symbol() + " (client order id "
                            + clientId + ", store '" + session.profile() + "')");
                }
                TrackedOrder o;
                try {
                    o = orders.when(clientId, t -> t.state().isTerminal() || t.state() == OrderState.ACKED
                            || t.state() == OrderState.PARTIALLY_FILLED).get(15, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    o = orders.when(clientId, t -> true).get(5, TimeUnit.SECONDS);
                }
                printTracked(out, List.of(o));
                if (o.state() == OrderState.IN_DOUBT || o.state() == OrderState.SENT) {
                    err().println("warning: the exchange has not confirmed client order id " + clientId + " yet; it is recorded and"
                            + " 'reconcile' settles it by asking the exchange. Do not send it again.");
                    return CoincallTraderCommand.EXIT_OUTCOME_UNKNOWN;
                }
                if (o.state() == OrderState.REJECTED || o.state() == OrderState.NOT_PLACED) {
                    err().println("error: " + (o.rejectMessage() != null ? o.rejectMessage() : "the order was not placed"));
                    return CoincallTraderCommand.EXIT_EXCHANGE_ERROR;
                }
                return 0;
            }
        }
    }

    static void printTracked(Output out, List<TrackedOrder> orders) {
        if (out.json()) {
            out.json(orders.stream().map(o -> java.util.Map.of("clientOrderId", o.clientOrderId(), "orderId", o.exchangeOrderId() == null ? "" : o.exchangeOrderId(),
                    "symbol", o.request().symbol(), "side", o.request().side(), "quantity", o.request().quantity(),
                    "filled", o.filledQuantity(), "state", o.state())).toList());
            return;
        }
        Output.Table t = new Output.Table(">Client id", ">Order id", "Instrument", "Side", "Type", ">Size", ">Filled", ">Price USD", ">Avg USD", "State");
        for (TrackedOrder o : orders) {
            OrderRequest r = o.request();
            t.row(o.clientOrderId(), o.exchangeOrderId() == null ? "" : o.exchangeOrderId(), r.symbol(), r.side(), r.type(),
                    r.quantity().toPlainString(), o.filledQuantity().toPlainString(), Output.num(r.price(), 2),
                    o.averagePrice() == null ? "-" : Output.num(o.averagePrice(), 2), o.state());
        }
        t.print(out);
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
        int execute(ExchangeSession session, Output out) throws Exception {
            try (TradingSession trading = sessions().trading(session)) {
                Optional<StoredOrder> known = trading.db().orders().notTerminal().stream().filter(o -> ref.clientOrderId != null
                        ? ref.clientOrderId.equals(o.clientOrderId()) : ref.orderId.equals(o.exchangeOrderId()))
                        .filter(o -> o.clientOrderId() != null).findFirst();
                if (known.isEmpty()) {
                    // Not one of ours (or already finished in our records): ask the exchange directly.
                    if (ref.orderId != null) {
                        session.gateway().orders().cancel(ref.product, ref.orderId);
                    } else {
                        session.gateway().orders().cancelByClientOrderId(ref.product, ref.clientOrderId);
                    }
                    out.line(out.json() ? "{\"cancelRequested\":true}" : "Cancel requested (order not recorded by this app).");
                    return 0;
                }
                long cid = known.get().clientOrderId();
                trading.orders().resume(List.of(known.get())).get(5, TimeUnit.SECONDS);
                trading.orders().cancel(cid, Cause.USER).get(10, TimeUnit.SECONDS);
                TrackedOrder o;
                try {
                    o = trading.orders().finished(cid).get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    o = trading.orders().when(cid, t -> true).get(5, TimeUnit.SECONDS);
                }
                printTracked(out, List.of(o));
                return o.state().isTerminal() ? 0 : CoincallTraderCommand.EXIT_OUTCOME_UNKNOWN;
            }
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
