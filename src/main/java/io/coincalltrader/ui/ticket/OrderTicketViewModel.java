package io.coincalltrader.ui.ticket;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import io.coincalltrader.engine.market.InstrumentQuote;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.engine.risk.OrderContext;
import io.coincalltrader.engine.risk.PreTradeChecks;
import io.coincalltrader.engine.risk.Refusal;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.NewOrder;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An order ticket for one instrument: side, type, size, price; each field checked as it is typed (tick, lot,
 * minimum size, per-order limits, price band, margin) with the reason in words; nothing is sent while a field is
 * invalid. Sending goes through the order service (recorded before it leaves).
 */
public final class OrderTicketViewModel {
    private final OrderService orders;
    private final PreTradeChecks checks;
    private final Clock clock;
    private final Supplier<BigDecimal> availableMargin;
    private final StringProperty symbol = new SimpleStringProperty("");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.BUY);
    private final ObjectProperty<OrderType> type = new SimpleObjectProperty<>(OrderType.LIMIT);
    private final StringProperty size = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<InstrumentQuote> quote = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper instrumentProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper sizeProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper priceProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper accountProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper sending = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final BooleanBinding sendable;

    public OrderTicketViewModel(OrderService orders, PreTradeChecks checks, Supplier<BigDecimal> availableMargin, Clock clock) {
        this.orders = orders;
        this.checks = checks;
        this.availableMargin = availableMargin;
        this.clock = clock;
        size.addListener((o, a, b) -> validate());
        price.addListener((o, a, b) -> validate());
        side.addListener((o, a, b) -> validate());
        type.addListener((o, a, b) -> validate());
        quote.addListener((o, a, b) -> validate());
        sendable = Bindings.createBooleanBinding(() -> !sending.get() && quote.get() != null && instrumentProblem.get() == null
                && sizeProblem.get() == null && priceProblem.get() == null && accountProblem.get() == null,
                sending, quote, instrumentProblem, sizeProblem, priceProblem, accountProblem);
    }

    /** Order types the exchange takes for this instrument; options are never sent at market. */
    public static List<OrderType> typesFor(String symbol) {
        try {
            return InstrumentName.parse(symbol) instanceof InstrumentName.Option
                    ? List.of(OrderType.LIMIT, OrderType.POST_ONLY) : List.of(OrderType.LIMIT, OrderType.POST_ONLY, OrderType.MARKET);
        } catch (RuntimeException e) {
            return List.of(OrderType.LIMIT);
        }
    }

    /** The instrument's rules and prices, loaded off the FX thread (or a reason it cannot be traded). */
    public void loaded(Optional<InstrumentQuote> q, String problem) {
        InstrumentQuote before = quote.get();
        quote.set(q.orElse(null));
        instrumentProblem.set(problem != null ? problem : q.isEmpty() ? "Not listed on the exchange: " + symbol.get() : null);
        boolean newInstrument = before == null || q.isEmpty() || !before.instrument().symbol().equals(q.get().instrument().symbol());
        // The mark is offered as the price once, when an instrument is chosen; later refreshes never touch the field.
        if (newInstrument && q.isPresent() && (price.get() == null || price.get().isBlank()) && q.get().mark() != null) {
            price.set(q.get().instrument().spec().roundToTick(q.get().mark(), java.math.RoundingMode.HALF_UP).toPlainString());
        }
    }

    /** Re-checks every field (FX thread). */
    public void validate() {
        InstrumentQuote q = quote.get();
        BigDecimal qty = parse(size.get());
        BigDecimal px = type.get() == OrderType.MARKET ? null : parse(price.get());
        sizeProblem.set(blank(size.get()) ? "Enter a size" : qty == null ? notANumber("Size", size.get(), "0.5")
                : qty.signum() <= 0 ? "Size must be above zero" : null);
        priceProblem.set(type.get() == OrderType.MARKET ? null : blank(price.get()) ? "Enter a price in USD"
                : px == null ? notANumber("Price", price.get(), "1250.5") : px.signum() <= 0 ? "Price must be above zero" : null);
        accountProblem.set(null);
        if (q == null || priceProblem.get() != null && (sizeProblem.get() != null || q.mark() == null)) {
            return;
        }
        // Each field is judged as soon as it can be: the price against tick and band even before a size is typed
        // (checked at the minimum size), the size even before a price; the account checks need both.
        boolean sizeKnown = sizeProblem.get() == null;
        boolean priceKnown = priceProblem.get() == null;
        OrderRequest r = request(1L, sizeKnown ? qty : q.instrument().spec().minSize(), priceKnown ? px : q.mark());
        for (Refusal f : checks.check(context(q, r), clock.instant())) {
            switch (f.check()) {
                case SIZE_STEP, MINIMUM_SIZE, MAXIMUM_SIZE -> {
                    if (sizeKnown) {
                        sizeProblem.set(first(sizeProblem.get(), f.message()));
                    }
                }
                case PRICE_TICK -> {
                    if (priceKnown) {
                        priceProblem.set(first(priceProblem.get(), f.message()));
                    }
                }
                case PRICE_BAND -> {
                    if (priceKnown) {
                        priceProblem.set(f.message()); // far from mark says more than off the tick
                    }
                }
                case STALE_MARK, MARGIN, MAXIMUM_NOTIONAL -> {
                    if (sizeKnown && priceKnown) {
                        accountProblem.set(first(accountProblem.get(), f.message()));
                    }
                }
            }
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private OrderContext context(InstrumentQuote q, OrderRequest r) {
        BigDecimal index = q.index();
        BigDecimal required = null;
        if (r.side() == Side.BUY && q.instrument() instanceof Instrument.Option) {
            required = (r.price() != null ? r.price() : q.mark()).multiply(r.quantity());
        } else if (index != null) {
            // Short options and futures: about 15% of the index per contract, the paper exchange's rule of thumb.
            required = index.multiply(r.quantity()).multiply(new BigDecimal("0.15"));
        }
        return new OrderContext(r, q.instrument(), q.mark(), q.time(), index, required, availableMargin.get());
    }

    private OrderRequest request(long clientOrderId, BigDecimal qty, BigDecimal px) {
        return new OrderRequest(ProductType.of(symbol.get()), quote.get().instrument().symbol(), side.get(), type.get(), qty, px,
                type.get() == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC, clientOrderId, false, null);
    }

    /** Sends the order (only when every field is valid); completes when the exchange has answered or the order is in doubt. */
    public CompletableFuture<TrackedOrder> send() {
        if (sending.get()) {
            // A double click or key repeat: the first order is on its way; this one is not sent.
            return CompletableFuture.failedFuture(new IllegalStateException("An order from this ticket is being sent; wait for its answer"));
        }
        validate();
        if (!sendable.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("The ticket has invalid fields; nothing was sent"));
        }
        sending.set(true);
        long id = orders.nextClientOrderId();
        OrderRequest r = request(id, parse(size.get()), type.get() == OrderType.MARKET ? null : parse(price.get()));
        status.set("Recording and sending " + r.side() + " " + r.quantity().toPlainString() + " " + r.symbol() + "…");
        CompletableFuture<TrackedOrder> answered = orders.place(NewOrder.of(r), Cause.USER, "order ticket")
                .thenCompose(t -> orders.when(id, o -> o.state() != OrderState.PENDING_SEND && o.state() != OrderState.SENT
                        && o.state() != OrderState.NEW));
        answered.whenComplete((o, e) -> javafx.application.Platform.runLater(() -> sending.set(false)));
        return answered;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A number as the trader writes it in the chosen style: "0.5" (or "0,5" in the 1.234,56 style). A decimal mark
     * of the other style is refused rather than guessed, so "0,5" never becomes 5; thousands separators are not read.
     */
    static BigDecimal parse(String s) {
        if (blank(s)) {
            return null;
        }
        String t = s.trim();
        boolean commaDecimal = io.coincalltrader.ui.common.Formats.style() == io.coincalltrader.ui.common.Formats.Style.POINT_COMMA;
        if (commaDecimal ? t.contains(".") : t.contains(",")) {
            return null;
        }
        if (commaDecimal) {
            t = t.replace(',', '.');
        }
        try {
            BigDecimal v = new BigDecimal(t);
            return v.abs().compareTo(new BigDecimal("1e12")) > 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String notANumber(String field, String text, String example) {
        boolean commaDecimal = io.coincalltrader.ui.common.Formats.style() == io.coincalltrader.ui.common.Formats.Style.POINT_COMMA;
        if (!commaDecimal && text.contains(",")) {
            return field + ": use a point for decimals, e.g. " + example + " (commas are not read, so nothing is guessed)";
        }
        if (commaDecimal && text.contains(".")) {
            return field + ": use a comma for decimals, e.g. " + example.replace('.', ',') + " (points are not read)";
        }
        return field + " must be a number, e.g. " + (commaDecimal ? example.replace('.', ',') : example);
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public ObjectProperty<OrderType> typeProperty() {
        return type;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty priceProperty() {
        return price;
    }

    public ReadOnlyObjectProperty<InstrumentQuote> quoteProperty() {
        return quote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instrumentProblemProperty() {
        return instrumentProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProblemProperty() {
        return sizeProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty priceProblemProperty() {
        return priceProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountProblemProperty() {
        return accountProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void setStatus(String s) {
        status.set(s);
    }

    public BooleanBinding sendableProperty() {
        return sendable;
    }
}
