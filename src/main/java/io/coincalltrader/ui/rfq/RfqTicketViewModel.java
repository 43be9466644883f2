package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.rfq.RfqTaker;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The RFQ ticket's state: the structure being built (template or leg by leg), its package figures from the chain
 * (screen price, Greeks, maximum profit and loss, scenarios, hedge), the notional check, the RFQ once sent and its
 * quote ladder with the guards that decide which quote may be hit. FX thread only; market data and RFQ updates are
 * handed in through the frame pump, and every exchange call goes through the {@link RfqTaker} off this thread.
 */
public final class RfqTicketViewModel {
    /** The guards the trader set: a quote older than {@code staleAfter} or beyond the band around mark cannot be hit. */
    public record Guards(Duration staleAfter, BigDecimal bandFraction, BigDecimal minBandPerContract, boolean oneClick) {
        public static Guards defaults() {
            return new Guards(Duration.ofSeconds(30), new BigDecimal("0.05"), new BigDecimal("5"), false);
        }
    }

    /** The market the ticket prices from: listed strikes by expiry, chain rows by symbol, the index and a hedge's mark. */
    public record Market(String base, Map<LocalDate, List<BigDecimal>> strikes, Map<String, OptionQuote> chain, BigDecimal index,
                         Map<String, BigDecimal> hedgeMarks, BigDecimal optionStep, BigDecimal optionMin, BigDecimal hedgeStep, BigDecimal hedgeMin,
                         Instant time) {
    }

    /** One ladder row with what a fill would do to the book. */
    public record LadderRow(QuoteLadder.Row row, PackageRisk.Preview preview, boolean armed, String blocked) {
        public String quoteId() {
            return row.quote().quoteId();
        }

        /** Whether the trader may hit it: the quote's own guards, and marks fresh enough to judge it by. */
        public boolean hittable() {
            return blocked == null && row.hittable();
        }

        /** Why it cannot be hit, in words, or null. */
        public String refusal() {
            return blocked != null ? blocked : row.refusal();
        }
    }

    /** Marks older than this cannot judge a quote against the band. */
    static final Duration MARKS_TOO_OLD = Duration.ofSeconds(10);

    /**
     * One line (slot) of a ladder. A ladder keeps a fixed number of lines and each shows the quote ranked at its place
     * (or nothing): a quote arriving, leaving or moving up changes line values, never the number of lines, so the
     * {@link LadderView} changes the texts of those lines instead of building new ones (cheaper, and a button under
     * the mouse stays the same button).
     */
    public static final class LadderLine {
        private final ObjectProperty<LadderRow> row = new SimpleObjectProperty<>(this, "row");

        /** The quote shown on this line, or null. */
        public String quoteId() {
            return row.get() == null ? null : row.get().quoteId();
        }

        public ObjectProperty<LadderRow> rowProperty() {
            return row;
        }

        /** The row shown, or null for an empty line. */
        public LadderRow row() {
            return row.get();
        }
    }

    /** Lines each ladder always has (more when more quotes are open). */
    static final int LADDER_LINES = 8;

    /** What a click on a ladder row did. */
    public enum Click { ARMED, SENT, REFUSED }

    /** The RFQ as it was sent: its legs (as the exchange got them) and the size. */
    public record Sent(String requestId, List<RfqLeg> legs, BigDecimal size) {
    }

    private final RfqTaker taker;
    private final Supplier<Guards> guards;
    private final StringProperty base = new SimpleStringProperty(this, "base", "BTC");
    private final ObjectProperty<StructureTemplate> template = new SimpleObjectProperty<>(this, "template", StructureTemplate.IRON_CONDOR);
    private final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>(this, "expiry");
    private final ObjectProperty<LocalDate> farExpiry = new SimpleObjectProperty<>(this, "farExpiry");
    private final IntegerProperty width = new SimpleIntegerProperty(this, "width", 1);
    private final ObjectProperty<Side> direction = new SimpleObjectProperty<>(this, "direction", Side.BUY);
    private final ObjectProperty<OptionType> singleType = new SimpleObjectProperty<>(this, "singleType", OptionType.CALL);
    private final ObservableList<TicketLeg> legs = FXCollections.observableArrayList(l -> new javafx.beans.Observable[] {
            l.sideProperty(), l.ratioProperty(), l.expiryProperty(), l.strikeProperty(), l.typeProperty()});
    private final StringProperty size = new SimpleStringProperty(this, "size", "1");
    private final BooleanProperty hedge = new SimpleBooleanProperty(this, "hedge");
    private final BooleanProperty includeBook = new SimpleBooleanProperty(this, "includeBook");
    private final StringProperty hedgeSymbol = new SimpleStringProperty(this, "hedgeSymbol");
    private final ObservableList<String> hedgeChoices = FXCollections.observableArrayList();
    private final ObservableList<LocalDate> expiries = FXCollections.observableArrayList();

    private final StringProperty structureProblem = new SimpleStringProperty(this, "structureProblem");
    private final StringProperty sizeProblem = new SimpleStringProperty(this, "sizeProblem");
    private final StringProperty notional = new SimpleStringProperty(this, "notional", "");
    private final ObjectProperty<PackageRisk.Screen> screen = new SimpleObjectProperty<>(this, "screen");
    private final ObjectProperty<PackageRisk.Payoff> payoff = new SimpleObjectProperty<>(this, "payoff");
    private final ObjectProperty<PackageRisk.Matrix> spotVol = new SimpleObjectProperty<>(this, "spotVol");
    private final ObjectProperty<PackageRisk.Matrix> spotDays = new SimpleObjectProperty<>(this, "spotDays");
    private final StringProperty hedgeText = new SimpleStringProperty(this, "hedgeText", "");
    private final BooleanProperty sendable = new SimpleBooleanProperty(this, "sendable");
    private final BooleanProperty sending = new SimpleBooleanProperty(this, "sending");

    private final ObjectProperty<RfqTaker.Live> live = new SimpleObjectProperty<>(this, "live");
    private final ObservableList<LadderLine> offers = FXCollections.observableArrayList();
    private final ObservableList<LadderLine> bids = FXCollections.observableArrayList();
    private final IntegerProperty offerCount = new SimpleIntegerProperty(this, "offerCount");
    private final IntegerProperty bidCount = new SimpleIntegerProperty(this, "bidCount");
    private final StringProperty rfqState = new SimpleStringProperty(this, "rfqState", "");
    private final StringProperty countdown = new SimpleStringProperty(this, "countdown", "");
    private final StringProperty armedQuote = new SimpleStringProperty(this, "armedQuote");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty ladderSummary = new SimpleStringProperty(this, "ladderSummary", "");
    private final StringProperty ladderEmpty = new SimpleStringProperty(this, "ladderEmpty", "Send the RFQ to see the makers' quotes");

    private Market market;
    private PortfolioSnapshot book;
    private volatile Sent sent;
    private boolean building;
    private Instant now = Instant.EPOCH;
    private long shownSecond;
    /** The fill previews as built [0] and reversed [1], with the market, book and RFQ they were worked out for. */
    private final Previewed[] previews = new Previewed[2];
    private Instant armedAt = Instant.EPOCH;
    private final BooleanProperty accepting = new SimpleBooleanProperty(this, "accepting");
    /**
     * The accept in flight since its confirm click (0: none), a plain field set at the click: it refuses more clicks at
     * once, while {@link #accepting} (what the screen shows) follows only when the intent is durable ({@link #accept}).
     */
    private long inFlight;
    private long accepts;
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final ObjectProperty<Double> hedgedDelta = new SimpleObjectProperty<>(this, "hedgedDelta");
    private final java.time.Clock clock;

    public RfqTicketViewModel(RfqTaker taker, Supplier<Guards> guards, java.time.Clock clock) {
        this.taker = taker;
        this.clock = clock;
        this.guards = guards;
        sync(offers, List.of());
        sync(bids, List.of());
        legs.addListener((javafx.collections.ListChangeListener<TicketLeg>) c -> recompute());
        size.addListener((o, a, b) -> recompute());
        hedge.addListener((o, a, b) -> recompute());
        hedgeSymbol.addListener((o, a, b) -> recompute());
        includeBook.addListener((o, a, b) -> recompute());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {template, expiry, farExpiry, width, direction, singleType}) {
            o.addListener(x -> {
                if (!building) {
                    applyTemplate();
                }
            });
        }
    }

    // ------------------------------------------------------------------ inputs from the market and the book

    /** New market figures (listings, chain, index); the first one fills the expiries and builds the template. */
    public void market(Market m) {
        boolean first = market == null || !market.base().equals(m.base());
        market = m;
        now = m.time();
        if (first || !expiries.equals(new ArrayList<>(m.strikes().keySet()))) {
            building = true;
            expiries.setAll(m.strikes().keySet());
            if (expiry.get() == null || !m.strikes().containsKey(expiry.get())) {
                // A block trade on an option expiring within the day is rare: start at the first expiry a day out.
                expiry.set(expiries.stream().filter(d -> InstrumentName.Option.of(base.get(), d, BigDecimal.ONE, OptionType.CALL).expiry()
                        .isAfter(m.time().plus(Duration.ofDays(1)))).findFirst().orElse(expiries.isEmpty() ? null : expiries.getFirst()));
            }
            if (farExpiry.get() == null || !m.strikes().containsKey(farExpiry.get())) {
                farExpiry.set(expiries.stream().filter(d -> expiry.get() != null && d.isAfter(expiry.get())).findFirst().orElse(null));
            }
            building = false;
            if (first && legs.isEmpty()) {
                applyTemplate();
            }
        }
        for (TicketLeg l : legs) {
            String s = l.symbol(base.get());
            l.quoteProperty().set(s == null ? null : m.chain().get(s));
        }
        String perp = InstrumentName.Future.perpetual(base.get()).text();
        // The perpetual first, then the futures by name (the market's map has no order).
        // Before the first read while hedging, the choice shows the perpetual (the default) rather than nothing.
        List<String> choices = m.hedgeMarks().isEmpty() ? List.of(perp) : m.hedgeMarks().keySet().stream()
                .sorted(java.util.Comparator.comparing((String x) -> !x.equals(perp)).thenComparing(x -> x)).toList();
        if (!hedgeChoices.equals(choices) && (hedgeChoices.isEmpty() || !m.hedgeMarks().isEmpty())) {
            hedgeChoices.setAll(choices);
            if (hedgeSymbol.get() == null || !m.hedgeMarks().containsKey(hedgeSymbol.get())) {
                hedgeSymbol.set(m.hedgeMarks().containsKey(perp) ? perp : hedgeChoices.getFirst());
            }
        }
        recompute();
        refreshLadder();
    }

    public void book(PortfolioSnapshot s) {
        book = s;
        if (includeBook.get()) {
            recompute();
        }
        refreshLadder();
    }

    /**
     * The clock moved: ages, staleness and the RFQ countdown change without any news. The ladder is redrawn once a
     * second (what it shows changes by the second); a click judges its quote at the moment of the click.
     */
    public void tick(Instant t) {
        now = t;
        if (t.getEpochSecond() != shownSecond) {
            shownSecond = t.getEpochSecond();
            refreshLadder();
        }
    }

    /**
     * An RFQ update from the engine; only the RFQ this ticket sent is shown, and an update older than the one shown
     * (an answer that took the slow path) never replaces it. Returns whether it was shown.
     */
    public boolean rfq(RfqTaker.Live l) {
        if (sent == null || !sent.requestId().equals(l.requestId())) {
            return false;
        }
        RfqTaker.Live shown = live.get();
        if (shown != null && shown.requestId().equals(l.requestId()) && l.changedNanos() < shown.changedNanos()) {
            return false;
        }
        live.set(l);
        if (l.message() != null) {
            status.set(l.message());
        }
        if (l.state() == RfqState.FILLED && l.trade() != null) {
            RfqQuote taken = l.quotes().stream().filter(q -> q.quoteId().equals(l.acceptedQuoteId())).findFirst().orElse(null);
            status.set("Filled" + (taken == null ? "" : ": the package " + (QuoteSelection.direction(sent.legs(), taken) == Side.BUY ? "as built" : "reversed")
                    + " at " + money(taken.takerCost().abs()) + " USD " + (taken.takerCost().signum() < 0 ? "received" : "paid")
                    + (taken.maker() == null ? "" : " from maker " + taken.maker())) + " (block trade " + l.trade().blockTradeId()
                    + "). The structure is in the positions table.");
        } else if (l.state() == RfqState.ACTIVE && !l.quotes().isEmpty() && status.get().startsWith("RFQ " + l.requestId() + " sent")) {
            status.set("Quotes are in: Trade arms a quote, Confirm takes it.");
        } else if (l.state() == RfqState.EXPIRED) {
            status.set("The RFQ expired without a trade. Resend to ask again.");
        } else if (l.state() == RfqState.TRADED_AWAY) {
            status.set("Traded away: the RFQ closed with another quote taken.");
        }
        refreshLadder();
        if (l.state() != RfqState.ACTIVE) {
            recheck();
        }
        return true;
    }

    // ------------------------------------------------------------------ building the structure

    /** Rebuilds the legs from the template around the money. */
    public void applyTemplate() {
        if (market == null || expiry.get() == null) {
            return;
        }
        List<BigDecimal> strikes = market.strikes().getOrDefault(expiry.get(), List.of());
        try {
            List<StructureTemplate.Leg> built = template.get().legs(base.get(), expiry.get(), strikes, market.index(), width.get(), direction.get(),
                    singleType.get(), farExpiry.get());
            List<TicketLeg> out = new ArrayList<>();
            built.forEach(l -> out.add(TicketLeg.of(l)));
            out.forEach(l -> l.quoteProperty().set(market.chain().get(l.symbol(base.get()))));
            legs.setAll(out);
            structureProblem.set(null);
        } catch (IllegalArgumentException e) {
            structureProblem.set(e.getMessage());
        }
    }

    public TicketLeg addLeg() {
        TicketLeg last = legs.isEmpty() ? null : legs.getLast();
        LocalDate e = last != null ? last.expiryProperty().get() : expiry.get();
        BigDecimal k = last != null ? last.strikeProperty().get() : atm(e);
        TicketLeg l = new TicketLeg(Side.BUY, 1, e, k, OptionType.CALL);
        if (market != null) {
            l.quoteProperty().set(market.chain().get(l.symbol(base.get())));
        }
        legs.add(l);
        return l;
    }

    public void removeLeg(TicketLeg l) {
        legs.remove(l);
    }

    /** Listed strikes of an expiry, ascending. */
    public List<BigDecimal> strikes(LocalDate e) {
        return market == null || e == null ? List.of() : market.strikes().getOrDefault(e, List.of());
    }

    /** The chain row of one strike for a leg's expiry and type (the strike picker shows its mark, IV and delta). */
    public Optional<OptionQuote> chainRow(LocalDate e, BigDecimal strike, OptionType t) {
        if (market == null || e == null || strike == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(market.chain().get(InstrumentName.Option.of(base.get(), e, strike, t).text()));
    }

    /**
     * Moves a leg to the listed strike whose delta is nearest the target (calls positive, puts negative: 0.25 picks
     * the 25-delta call or put). Returns why not, or null.
     */
    public String strikeByDelta(TicketLeg leg, String target) {
        double d;
        try {
            d = Math.abs(Double.parseDouble(target.trim()));
        } catch (NumberFormatException e) {
            return "A target delta is a number such as 0.25";
        }
        if (d >= 1 || d <= 0) {
            return "A target delta lies between 0 and 1, e.g. 0.25";
        }
        BigDecimal best = null;
        double gap = Double.MAX_VALUE;
        for (BigDecimal k : strikes(leg.expiryProperty().get())) {
            Optional<OptionQuote> q = chainRow(leg.expiryProperty().get(), k, leg.typeProperty().get());
            if (q.isPresent() && Math.abs(Math.abs(q.get().delta()) - d) < gap) {
                gap = Math.abs(Math.abs(q.get().delta()) - d);
                best = k;
            }
        }
        if (best == null) {
            return "No deltas for this expiry yet";
        }
        leg.strikeProperty().set(best);
        leg.quoteProperty().set(chainRow(leg.expiryProperty().get(), best, leg.typeProperty().get()).orElse(null));
        return null;
    }

    /** Re-reads each leg's chain row after an edit. */
    public void repriceLegs() {
        if (market != null) {
            legs.forEach(l -> l.quoteProperty().set(market.chain().get(l.symbol(base.get()))));
        }
        recompute();
    }

    private BigDecimal atm(LocalDate e) {
        List<BigDecimal> ks = strikes(e);
        if (ks.isEmpty() || market == null || market.index() == null) {
            return ks.isEmpty() ? null : ks.get(ks.size() / 2);
        }
        BigDecimal best = ks.getFirst();
        for (BigDecimal k : ks) {
            if (k.subtract(market.index()).abs().compareTo(best.subtract(market.index()).abs()) < 0) {
                best = k;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ package figures

    /** The package size as typed, or null when it is not a positive number. */
    BigDecimal sizeValue() {
        String t = size.get() == null ? "" : size.get().trim();
        if (t.isEmpty() || t.contains(",") || t.length() > 20) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(t);
            return v.signum() > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The legs as the RFQ would request them (ratio × size each), or why they cannot be sent. */
    List<RfqLeg> requestLegs(BigDecimal packageSize) {
        List<RfqLeg> out = new ArrayList<>();
        for (TicketLeg l : legs) {
            String s = l.symbol(base.get());
            if (s == null) {
                return null;
            }
            out.add(new RfqLeg(s, l.sideProperty().get(), packageSize.multiply(BigDecimal.valueOf(l.ratioProperty().get()))));
        }
        return out;
    }

    /** Everything again: the checks, and the package priced (screen, payoff, scenarios, hedge). */
    private void recompute() {
        recompute(true);
    }

    /**
     * The checks only (what may be sent, what is locked), after a change of the RFQ's state: the structure, the size
     * and the market are what they were, so the package keeps its figures and is not priced again (the scenario grids
     * are the heaviest work of the ticket, and an RFQ's answer should reach the screen at once).
     */
    private void recheck() {
        recompute(false);
    }

    private void recompute(boolean reprice) {
        sendable.set(false);
        locked.set(rfqActive() || acceptPending());
        BigDecimal q = sizeValue();
        String problem = null;
        String structure = structureProblem.get() != null && legs.isEmpty() ? structureProblem.get() : null;
        if (legs.isEmpty()) {
            structure = structure == null ? "Add a leg or pick a template" : structure;
        } else if (legs.stream().anyMatch(l -> l.symbol(base.get()) == null)) {
            structure = "Every leg needs an expiry and a strike";
        } else if (legs.stream().map(l -> l.symbol(base.get())).distinct().count() != legs.size()) {
            structure = "Each option may appear in one leg only: merge the legs on " + duplicate();
        } else if (legs.stream().anyMatch(l -> l.ratioProperty().get() < 1)) {
            structure = "Ratios are whole numbers of at least 1";
        } else if (market != null && legs.stream().anyMatch(l -> l.quoteProperty().get() == null)) {
            structure = "Not listed: " + legs.stream().filter(l -> l.quoteProperty().get() == null).map(l -> l.symbol(base.get())).findFirst().orElse("");
        }
        if (q == null) {
            problem = size.get() != null && size.get().contains(",") ? "Use a point for decimals: " + size.get().trim().replace(',', '.')
                    : "The package size is a number above zero, e.g. 1 or 0.5";
        } else if (market != null && market.optionStep() != null) {
            for (TicketLeg l : legs) {
                BigDecimal legQty = q.multiply(BigDecimal.valueOf(l.ratioProperty().get()));
                if (legQty.remainder(market.optionStep()).signum() != 0) {
                    problem = "Leg sizes must be multiples of " + market.optionStep().stripTrailingZeros().toPlainString() + " contracts";
                    break;
                }
                if (market.optionMin() != null && legQty.compareTo(market.optionMin()) < 0) {
                    problem = "Each leg must be at least " + market.optionMin().stripTrailingZeros().toPlainString() + " contracts";
                    break;
                }
            }
        }
        List<RfqLeg> request = structure == null && q != null ? requestLegs(q) : null;
        if (request != null) {
            BigDecimal n = QuoteSelection.strikeNotional(request);
            notional.set("Notional " + money(n) + " USD (Σ strike × size) · RFQ minimum " + money(QuoteSelection.MINIMUM_NOTIONAL_USD) + " USD");
            if (problem == null && n.compareTo(QuoteSelection.MINIMUM_NOTIONAL_USD) < 0) {
                BigDecimal need = QuoteSelection.MINIMUM_NOTIONAL_USD.multiply(q).divide(n, 2, RoundingMode.CEILING);
                problem = "Below the exchange's RFQ minimum: notional " + money(n) + " USD of " + money(QuoteSelection.MINIMUM_NOTIONAL_USD)
                        + " USD. A size of at least " + need.stripTrailingZeros().toPlainString() + " is needed";
            }
        } else {
            notional.set("");
        }
        sizeProblem.set(problem);
        structureProblemShown.set(structure);
        List<PricedLeg> priced = request == null ? null : priced(request, false);
        if (reprice) {
            price(priced);
        }
        String marks = market == null ? null : marksBlock();
        if (structure == null && problem == null && marks != null && priced != null) {
            structureProblemShown.set("Not sendable yet: " + marks.replace("the band cannot be judged", "waiting for fresh market data"));
        }
        sendable.set(structure == null && problem == null && marks == null && priced != null && !sending.get() && !rfqActive() && !acceptPending());
    }

    /** The package's figures from its priced legs (none when null): screen, hedge, payoff and the scenario grids. */
    private void price(List<PricedLeg> priced) {
        if (priced != null) {
            PackageRisk.Screen s = PackageRisk.screen(priced);
            List<PricedLeg> withHedge = new ArrayList<>(priced);
            PricedLeg h = hedgeLeg(s.delta());
            hedgeText.set(!hedge.get() ? "" : h == null ? "No hedge needed: the package delta rounds to nothing"
                    : h.side() + " " + h.quantity().stripTrailingZeros().toPlainString() + " " + h.symbol()
                    + (h.symbol().equals(InstrumentName.Future.perpetual(base.get()).text()) ? " (perpetual)" : " (future)") + " at ≈ "
                    + money(h.mark()) + " — sent after the RFQ fills");
            if (h != null) {
                withHedge.add(h);
            }
            // The package's own price and Greeks; the hedge shows as the delta left after it.
            screen.set(s);
            hedgedDelta.set(hedge.get() && h != null ? PackageRisk.screen(withHedge).delta() : null);
            payoff.set(PackageRisk.payoff(withHedge, PackageRisk.screen(withHedge).markCost()).orElse(null));
            List<PricedLeg> scenario = new ArrayList<>(withHedge);
            if (includeBook.get() && book != null) {
                scenario.addAll(PricedLeg.fromBook(book.positions(), base.get()));
            }
            if (market.index() != null) {
                double spot = market.index().doubleValue();
                spotVol.set(PackageRisk.spotVol(scenario, spot, now, SPOT_MOVES, VOL_MOVES));
                spotDays.set(PackageRisk.spotDays(scenario, spot, now, SPOT_MOVES, daysForward()));
            }
        } else {
            screen.set(null);
            payoff.set(null);
            spotVol.set(null);
            spotDays.set(null);
            hedgeText.set("");
            hedgedDelta.set(null);
        }
    }

    private final StringProperty structureProblemShown = new SimpleStringProperty(this, "structureProblemShown");

    static final double[] SPOT_MOVES = {-20, -10, -5, -2, 0, 2, 5, 10, 20};
    static final double[] VOL_MOVES = {-10, -5, 0, 5, 10};

    /** Today, tomorrow, a week, and the first expiry of the legs. */
    double[] daysForward() {
        double toExpiry = legs.stream().map(l -> l.expiryProperty().get()).filter(java.util.Objects::nonNull)
                .map(d -> InstrumentName.Option.of(base.get(), d, BigDecimal.ONE, OptionType.CALL).expiry())
                .mapToDouble(e -> Duration.between(now, e).toMinutes() / 1440.0).min().orElse(7);
        java.util.TreeSet<Double> days = new java.util.TreeSet<>(List.of(0.0, 1.0, 7.0));
        days.removeIf(d -> d >= toExpiry);
        days.add(Math.max(0, Math.floor(toExpiry * 100) / 100));
        return days.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private String duplicate() {
        Map<String, Integer> seen = new HashMap<>();
        for (TicketLeg l : legs) {
            if (seen.merge(l.symbol(base.get()), 1, Integer::sum) > 1) {
                return l.symbol(base.get());
            }
        }
        return "";
    }

    /** Legs priced from the chain, sides reversed when {@code reversed}. Null when a leg has no chain row. */
    private List<PricedLeg> priced(List<RfqLeg> request, boolean reversed) {
        if (market == null) {
            return null;
        }
        List<PricedLeg> out = new ArrayList<>();
        for (RfqLeg l : request) {
            OptionQuote q = market.chain().get(l.instrumentName());
            if (q == null || q.markPrice() == null) {
                return null;
            }
            out.add(PricedLeg.ofOption(q, reversed ? l.side().opposite() : l.side(), l.quantity()));
        }
        return out;
    }

    private PricedLeg hedgeLeg(double delta) {
        String symbol = hedgeSymbol.get() != null ? hedgeSymbol.get() : InstrumentName.Future.perpetual(base.get()).text();
        BigDecimal mark = market == null ? null : market.hedgeMarks().get(symbol);
        if (!hedge.get() || mark == null || market.hedgeStep() == null) {
            return null;
        }
        BigDecimal qty = PackageRisk.hedgeQuantity(delta, market.hedgeStep(), market.hedgeMin());
        if (qty.signum() == 0) {
            return null;
        }
        // A future moves one for one with the index like the perpetual; its basis is left out of the scenarios.
        return PricedLeg.ofPerpetual(symbol, PackageRisk.hedgeSide(delta), qty, mark);
    }

    /** The hedge to send after the package fills, sized from the filled package's delta; null when none. */
    public PricedLeg hedgeAfterFill(RfqTaker.Live filled) {
        Sent s = sent;
        if (s == null || !hedge.get() || !s.requestId().equals(filled.requestId()) || filled.acceptedQuoteId() == null) {
            return null;
        }
        Optional<Side> direction = filled.quotes().stream().filter(q -> q.quoteId().equals(filled.acceptedQuoteId())).findFirst()
                .flatMap(q -> QuoteSelection.match(s.legs(), q));
        if (direction.isEmpty()) {
            return null;
        }
        List<PricedLeg> p = priced(s.legs(), direction.get() == Side.SELL);
        return p == null ? null : hedgeLeg(PackageRisk.screen(p).delta());
    }

    // ------------------------------------------------------------------ the RFQ

    public boolean rfqActive() {
        return live.get() != null && live.get().state() == RfqState.ACTIVE;
    }

    /** Sends the RFQ for the structure as built. The future completes on the FX thread's terms: call back via runLater. */
    public java.util.concurrent.CompletableFuture<RfqTaker.Live> send() {
        BigDecimal q = sizeValue();
        List<RfqLeg> request = q == null ? null : requestLegs(q);
        if (!sendable.get() || request == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(
                    sizeProblem.get() != null ? sizeProblem.get() : structureProblemShown.get() != null ? structureProblemShown.get() : "Nothing to send"));
        }
        PackageRisk.Screen s = screen.get();
        sending.set(true);
        sendable.set(false);
        armedQuote.set(null);
        status.set("Sending RFQ…");
        return taker.send(request, s == null ? null : s.markCost(), io.coincalltrader.store.Cause.USER).whenComplete((l, e) -> {
            if (l != null) {
                // The legs as the trader built them: a single SELL leg goes out as BUY, and its quotes to sell are then
                // the ones that trade it as built.
                sent = new Sent(l.requestId(), request, q);
            }
        });
    }

    /** Called on the FX thread when a send completed. */
    public void sent(RfqTaker.Live l, Throwable error) {
        sending.set(false);
        if (error != null) {
            Throwable t = error.getCause() != null ? error.getCause() : error;
            status.set("RFQ not sent: " + (t instanceof io.coincalltrader.exchange.ExchangeException x ? x.traderMessage() : t.getMessage()));
        } else {
            RfqTaker.Live shown = live.get();
            if (shown == null || !shown.requestId().equals(l.requestId()) || shown.changedNanos() < l.changedNanos()) {
                live.set(l);
            }
            status.set("RFQ " + l.requestId() + " sent: waiting for quotes");
        }
        recheck();
        refreshLadder();
    }

    /**
     * A click on a ladder row: the first arms it (unless one-click is on), the second on the same row sends the
     * accept. A row that cannot be hit refuses with its reason; a click on another row arms that one instead.
     */
    public Click click(LadderRow clicked) {
        Click c = judge(clicked);
        if (c != Click.SENT) {
            taker.acceptWillNotFollow(); // an accept thread readied at the mouse-down is not needed
        }
        return c;
    }

    /**
     * The mouse button that went down on a quote came up and its click, if it made one, was handled: an accept thread
     * readied at the press and not used by now will not be (the button was released off the quote, for one).
     */
    public void released() {
        taker.acceptWillNotFollow();
    }

    /** The mouse button went down on one quote and came up after another took its place: nothing is done. */
    public void moved() {
        taker.acceptWillNotFollow();
        status.set("The quotes moved under the pointer: nothing was done. Click again");
    }

    private Click judge(LadderRow clicked) {
        if (acceptPending()) {
            status.set("An accept is on its way: wait for its answer");
            return Click.REFUSED;
        }
        // Judge the quote as it is now, not as it was at the last redraw (it may have gone stale since).
        now = clock.instant();
        RfqTaker.Live l = live.get();
        List<RfqQuote> open = l == null ? List.of() : openQuotes(l).stream().filter(q -> q.quoteId().equals(clicked.quoteId())).toList();
        List<QuoteLadder.Row> fresh = open.isEmpty() ? null : ladder(open);
        if (fresh == null || fresh.isEmpty()) {
            status.set("That quote is no longer open");
            refreshLadder();
            return Click.REFUSED;
        }
        LadderRow r = new LadderRow(fresh.getFirst(), clicked.preview(), clicked.armed(), marksBlock());
        if (!r.hittable()) {
            status.set("Cannot hit this quote: " + r.refusal());
            armedQuote.set(null);
            refreshLadder();
            return Click.REFUSED;
        }
        if (!rfqActive()) {
            status.set("The RFQ is " + rfqState.get().toLowerCase());
            return Click.REFUSED;
        }
        if (!guards.get().oneClick() && !r.quoteId().equals(armedQuote.get())) {
            // The arm is written durably now (queued, not waited for), so that the confirm can send the accept at once.
            taker.arm(sent.requestId(), r.quoteId(), io.coincalltrader.store.Cause.USER);
            armedQuote.set(r.quoteId());
            armedAt = clock.instant();
            refreshLadder();
            status.set("Armed: click Confirm to trade the package " + (r.row().ourSide() == Side.BUY ? "as built" : "reversed") + ", "
                    + (r.row().packageCost().signum() >= 0 ? "paying " : "receiving ") + money(r.row().packageCost().abs()) + " USD"
                    + (r.row().quote().maker() == null ? "" : " (maker " + r.row().quote().maker() + ")") + ". Any change disarms.");
            return Click.ARMED;
        }
        if (!guards.get().oneClick() && Duration.between(armedAt, clock.instant()).compareTo(CONFIRM_AFTER) < 0) {
            status.set("Click Confirm again to trade: a double click arms but does not trade");
            return Click.REFUSED;
        }
        return Click.SENT; // the caller accepts at once: accept() hands the quote over, then disarms and redraws
    }

    /**
     * A mouse button went down on this quote. In one-click mode the click that follows sends, so the quote is armed
     * for the engine now (a durable write, nothing shown): by the release, tens of milliseconds later, it is on disk
     * and the accept leaves at once. In arm-then-confirm mode the arming click does this. Whenever the click would
     * send (one-click mode, or the armed quote's Confirm), the engine also keeps an accept thread ready for it.
     */
    public void pressed(LadderRow r) {
        if (sent == null || !rfqActive() || acceptPending() || !r.hittable()) {
            return;
        }
        if (guards.get().oneClick()) {
            taker.arm(sent.requestId(), r.quoteId(), io.coincalltrader.store.Cause.USER);
            taker.acceptMayFollow();
        } else if (r.quoteId().equals(armedQuote.get())) {
            taker.acceptMayFollow();
        }
    }

    /** A confirm this soon after arming is taken for the second half of a double click and ignored. */
    public static final Duration CONFIRM_AFTER = Duration.ofMillis(300);

    public void disarm() {
        if (armedQuote.get() != null) {
            armedQuote.set(null);
            refreshLadder();
        }
    }

    /**
     * Sends the accept of the quote just confirmed; clicks are refused from now until its answer ({@link #acceptAnswered}).
     * At the click only a plain flag is set: the ticket shows the accept (the quote disarmed, the buttons disabled, the
     * status) through {@code fx} once the intent is durable and the accept leaves ({@link #acceptLeaving}), so that the
     * redraw does not take the CPU from the durable write and the send in the milliseconds that decide the fill.
     */
    public java.util.concurrent.CompletableFuture<RfqTaker.Live> accept(LadderRow r, java.util.concurrent.Executor fx) {
        long n = ++accepts;
        inFlight = n;
        String quoteId = r.quoteId();
        try {
            return taker.accept(sent.requestId(), quoteId, io.coincalltrader.store.Cause.USER, () -> fx.execute(() -> acceptLeaving(n, quoteId)));
        } catch (RuntimeException e) {
            // Even if the hand-over threw, the quote is disarmed: a next click must arm again, never send at once.
            inFlight = 0;
            armedQuote.set(null);
            throw e;
        }
    }

    /** The accept {@code n} is leaving (its intent durable): shown now, unless its answer came first. FX thread. */
    void acceptLeaving(long n, String quoteId) {
        if (inFlight != n) {
            return;
        }
        armedQuote.set(null);
        accepting.set(true); // the ladder's buttons turn disabled; the lines are redrawn with the answer
        locked.set(true);
        status.set("Accepting quote " + quoteId + "…");
    }

    /** An accept was confirmed and has no answer yet (shown or not). */
    private boolean acceptPending() {
        return inFlight != 0;
    }

    public java.util.concurrent.CompletableFuture<RfqTaker.Live> cancel() {
        if (sent == null || !rfqActive()) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("No active RFQ to cancel"));
        }
        armedQuote.set(null);
        status.set("Cancelling RFQ " + sent.requestId() + "…");
        return taker.cancel(sent.requestId(), io.coincalltrader.store.Cause.USER);
    }

    /** The accept's answer, on the FX thread: clicks are taken again. */
    public void acceptAnswered(RfqTaker.Live l, Throwable error) {
        inFlight = 0;
        armedQuote.set(null); // also when the answer came before the accept was shown: a next click arms again
        accepting.set(false);
        answered(l, error);
        refreshLadder(); // the lines were left as they were at the click (a refused accept leaves no row armed)
    }

    /** After an engine answer (a cancel, or an accept via {@link #acceptAnswered}) on the FX thread. */
    public void answered(RfqTaker.Live l, Throwable error) {
        if (error != null) {
            Throwable t = error.getCause() != null ? error.getCause() : error;
            status.set("Refused: " + (t instanceof io.coincalltrader.exchange.ExchangeException x ? x.traderMessage() : t.getMessage()));
        } else {
            rfq(l);
            if (l.state() == RfqState.CANCELLED) {
                status.set("RFQ cancelled");
            }
        }
        recheck();
    }

    private void refreshLadder() {
        locked.set(rfqActive() || acceptPending());
        RfqTaker.Live l = live.get();
        if (l == null || sent == null) {
            showLadders(List.of(), List.of());
            rfqState.set("");
            countdown.set("");
            ladderSummary.set("");
            return;
        }
        ladderEmpty.set(switch (l.state()) {
            case ACTIVE -> "No quotes yet: makers usually answer within seconds";
            case FILLED -> "The RFQ is filled";
            case CANCELLED -> "The RFQ was cancelled";
            case EXPIRED -> "The RFQ expired";
            case TRADED_AWAY -> "The RFQ was traded away";
        });
        rfqState.set(switch (l.state()) {
            case ACTIVE -> "Active";
            case FILLED -> "Filled";
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired";
            case TRADED_AWAY -> "Traded away";
        });
        Instant exp = l.rfq().expiryTime();
        if (l.state() == RfqState.ACTIVE && exp != null) {
            long s = Math.max(0, Duration.between(now, exp).toSeconds());
            countdown.set("expires in " + (s >= 3600 ? s / 3600 + ":" + two((s % 3600) / 60) + ":" + two(s % 60) : s / 60 + ":" + two(s % 60)));
        } else {
            countdown.set("");
        }
        List<RfqQuote> open = openQuotes(l);
        long makers = l.quotes().stream().map(RfqQuote::maker).filter(java.util.Objects::nonNull).distinct().count();
        ladderSummary.set(l.quotes().size() + " quote" + (l.quotes().size() == 1 ? "" : "s") + (makers > 0 ? " from " + makers + " maker" + (makers == 1 ? "" : "s") : "")
                + (open.size() != l.quotes().size() ? " · " + open.size() + " open" : ""));
        List<QuoteLadder.Row> ladder = l.state() == RfqState.ACTIVE ? ladder(open) : null;
        if (ladder == null) {
            showLadders(List.of(), List.of());
            if (l.state() != RfqState.ACTIVE) {
                armedQuote.set(null);
            }
            return;
        }
        List<LadderRow> buy = new ArrayList<>();
        List<LadderRow> sell = new ArrayList<>();
        for (QuoteLadder.Row r : ladder) {
            (r.ourSide() == Side.BUY ? buy : sell).add(new LadderRow(r, preview(r.ourSide() == Side.SELL), r.quote().quoteId().equals(armedQuote.get()),
                    marksBlock()));
        }
        showLadders(buy, sell);
        String armed = armedQuote.get();
        if (armed != null && java.util.stream.Stream.concat(buy.stream(), sell.stream()).noneMatch(x -> x.quoteId().equals(armed) && x.hittable())) {
            String why = java.util.stream.Stream.concat(buy.stream(), sell.stream()).filter(x -> x.quoteId().equals(armed)).map(LadderRow::refusal)
                    .findFirst().orElse("the maker withdrew it");
            armedQuote.set(null);
            status.set("Disarmed: " + why);
            refreshLadder();
        }
    }

    /** Why no quote may be hit now because the marks are too old to judge the band, or null. */
    private String marksBlock() {
        if (market == null) {
            return "no marks read yet";
        }
        Duration age = Duration.between(market.time(), now);
        return age.compareTo(MARKS_TOO_OLD) > 0 ? "the marks are " + age.toSeconds() + " s old: the band cannot be judged" : null;
    }

    private List<RfqQuote> openQuotes(RfqTaker.Live l) {
        return l.quotes().stream().filter(q -> q.state() == QuoteState.OPEN).filter(q -> q.expiryTime() == null || q.expiryTime().isAfter(now)).toList();
    }

    /** The ladder rows of these quotes against the sent structure's mark now and the trader's guards; null without a mark. */
    private List<QuoteLadder.Row> ladder(List<RfqQuote> quotes) {
        Basis b = basis();
        if (b == null) {
            return null;
        }
        Guards g = guards.get();
        BigDecimal band = QuoteSelection.band(b.gross(), b.contracts(), g.bandFraction(), g.minBandPerContract());
        return QuoteLadder.rows(quotes, sent.legs(), b.screen().markCost(), b.screen().vega(), now, g.staleAfter(), band);
    }

    /** What quotes are judged against: the sent legs priced at the marks, their package mark and vega, gross premium. */
    private record Basis(Market market, Sent sent, PackageRisk.Screen screen, BigDecimal gross, BigDecimal contracts) {
    }

    private Basis basis;

    /**
     * The sent structure priced at the marks: it depends on the market and the RFQ only, so it is worked out once per
     * new market figures, not at every quote update and click (a click judges its quote against it).
     */
    private Basis basis() {
        Basis b = basis;
        Sent s = sent;
        if (b != null && b.market() == market && b.sent() == s) {
            return b;
        }
        List<PricedLeg> asSent = priced(s.legs(), false);
        if (asSent == null) {
            return null;
        }
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal contracts = BigDecimal.ZERO;
        for (PricedLeg p : asSent) {
            gross = gross.add(p.mark().multiply(p.quantity()));
            contracts = contracts.add(p.quantity());
        }
        basis = new Basis(market, s, PackageRisk.screen(asSent), gross, contracts);
        return basis;
    }

    /**
     * What filling the sent structure (or its reverse) would do to the book. It depends on the structure, the market
     * and the book, not on the quote, so it is computed once per new market or book figures, not per quote and frame.
     */
    private PackageRisk.Preview preview(boolean reversed) {
        int i = reversed ? 1 : 0;
        Previewed known = previews[i];
        if (known != null && known.market() == market && known.book() == book && known.sent() == sent) {
            return known.preview();
        }
        List<PricedLeg> filled = priced(sent.legs(), reversed);
        PackageRisk.Preview p = filled == null || market.index() == null ? null : PackageRisk.preview(filled,
                book == null ? List.of() : book.positions(), base.get(), market.index().doubleValue(),
                book == null ? null : book.account().equity(), book == null ? null : book.account().initialMargin());
        previews[i] = new Previewed(market, book, sent, p);
        return p;
    }

    private record Previewed(Market market, PortfolioSnapshot book, Sent sent, PackageRisk.Preview preview) {
    }

    private void showLadders(List<LadderRow> buy, List<LadderRow> sell) {
        sync(offers, buy);
        sync(bids, sell);
        offerCount.set(buy.size());
        bidCount.set(sell.size());
    }

    /** Shows these rows on the lines, best first; lines are added only when more quotes are open than lines exist. */
    static void sync(ObservableList<LadderLine> lines, List<LadderRow> rows) {
        int want = Math.max(LADDER_LINES, rows.size());
        while (lines.size() < want) {
            lines.add(new LadderLine());
        }
        if (lines.size() > want) {
            lines.remove(want, lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).rowProperty().set(i < rows.size() ? rows.get(i) : null);
        }
    }

    /** The quotes shown in the "as built" ladder, best first. */
    public List<LadderRow> offerRows() {
        return offers.stream().map(LadderLine::row).filter(java.util.Objects::nonNull).toList();
    }

    /** The quotes shown in the "reversed" ladder, best first. */
    public List<LadderRow> bidRows() {
        return bids.stream().map(LadderLine::row).filter(java.util.Objects::nonNull).toList();
    }

    /** How many quotes each ladder shows (the ladders always have their lines). */
    public IntegerProperty offerCountProperty() {
        return offerCount;
    }

    public IntegerProperty bidCountProperty() {
        return bidCount;
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    static String money(BigDecimal v) {
        return io.coincalltrader.ui.common.Formats.number(v, 2);
    }

    /** The structure as it stands, for presets and the recent list. */
    public StructurePresets.Preset preset(String name) {
        return StructurePresets.of(name, base.get(), legs, size.get() == null ? "1" : size.get().trim());
    }

    /** Loads a preset's legs; returns why it was not loaded (an expired or unreadable leg), else null. */
    public String load(StructurePresets.Preset p) {
        if (locked.get()) {
            return "the structure cannot change while its RFQ is active";
        }
        StructurePresets.Loaded l = StructurePresets.load(p, now.equals(Instant.EPOCH) ? clock.instant() : now);
        if (l.expired() > 0 || l.unreadable() > 0 || l.legs().isEmpty()) {
            return "not loaded: " + (l.expired() > 0 ? l.expired() + " of its legs " + (l.expired() == 1 ? "has" : "have") + " expired"
                    : "it has legs that cannot be read") + ", and without them it would be another structure";
        }
        building = true;
        base.set(p.base());
        building = false;
        if (market != null) {
            l.legs().forEach(x -> x.quoteProperty().set(market.chain().get(x.symbol(base.get()))));
        }
        legs.setAll(l.legs());
        size.set(p.size());
        return null;
    }

    /** Sorted expiries of the legs (the chain to read). */
    public java.util.Set<LocalDate> legExpiries() {
        java.util.TreeSet<LocalDate> s = new java.util.TreeSet<>();
        legs.forEach(l -> {
            if (l.expiryProperty().get() != null) {
                s.add(l.expiryProperty().get());
            }
        });
        if (expiry.get() != null) {
            s.add(expiry.get());
        }
        if (farExpiry.get() != null && (template.get() == StructureTemplate.CALENDAR || template.get() == StructureTemplate.DIAGONAL)) {
            s.add(farExpiry.get());
        }
        Sent out = sent;
        if (out != null) {
            // The RFQ's own legs keep being priced whatever the editor shows: its quotes are judged by them.
            out.legs().forEach(l -> {
                if (InstrumentName.parse(l.instrumentName()) instanceof InstrumentName.Option o) {
                    s.add(o.expiryDate());
                }
            });
        }
        return s;
    }

    public Sent sentRfq() {
        return sent;
    }

    // ------------------------------------------------------------------ properties

    public StringProperty baseProperty() {
        return base;
    }

    public ObjectProperty<StructureTemplate> templateProperty() {
        return template;
    }

    public ObjectProperty<LocalDate> expiryProperty() {
        return expiry;
    }

    public ObjectProperty<LocalDate> farExpiryProperty() {
        return farExpiry;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public ObjectProperty<Side> directionProperty() {
        return direction;
    }

    public ObjectProperty<OptionType> singleTypeProperty() {
        return singleType;
    }

    public ObservableList<TicketLeg> legs() {
        return legs;
    }

    public ObservableList<LocalDate> expiries() {
        return expiries;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public BooleanProperty hedgeProperty() {
        return hedge;
    }

    public BooleanProperty includeBookProperty() {
        return includeBook;
    }

    public StringProperty structureProblemProperty() {
        return structureProblemShown;
    }

    public StringProperty sizeProblemProperty() {
        return sizeProblem;
    }

    public StringProperty notionalProperty() {
        return notional;
    }

    public ObjectProperty<PackageRisk.Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<PackageRisk.Payoff> payoffProperty() {
        return payoff;
    }

    public ObjectProperty<PackageRisk.Matrix> spotVolProperty() {
        return spotVol;
    }

    public ObjectProperty<PackageRisk.Matrix> spotDaysProperty() {
        return spotDays;
    }

    public StringProperty hedgeTextProperty() {
        return hedgeText;
    }

    public BooleanProperty sendableProperty() {
        return sendable;
    }

    public ObjectProperty<RfqTaker.Live> liveProperty() {
        return live;
    }

    public ObservableList<LadderLine> offers() {
        return offers;
    }

    public ObservableList<LadderLine> bids() {
        return bids;
    }

    public StringProperty rfqStateProperty() {
        return rfqState;
    }

    public StringProperty countdownProperty() {
        return countdown;
    }

    public StringProperty armedQuoteProperty() {
        return armedQuote;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** True while an accept is on its way: Send, Cancel and Resend wait for its answer. */
    public BooleanProperty acceptingProperty() {
        return accepting;
    }

    /** True while the RFQ is active or an accept is on its way: the structure cannot be edited (only the size, to resend). */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    /** The hedge instrument: the coin's perpetual (the default) or one of its dated futures. */
    public StringProperty hedgeSymbolProperty() {
        return hedgeSymbol;
    }

    /** The perpetual and dated futures the hedge may use, once read. */
    public ObservableList<String> hedgeChoices() {
        return hedgeChoices;
    }

    /** The package delta left after the hedge, or null without a hedge. */
    public ObjectProperty<Double> hedgedDeltaProperty() {
        return hedgedDelta;
    }

    /** What an empty ladder says: waiting for quotes, or how the RFQ ended. */
    public StringProperty ladderEmptyProperty() {
        return ladderEmpty;
    }

    public StringProperty ladderSummaryProperty() {
        return ladderSummary;
    }

}
