package io.coincalltrader.app.cli;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.BlockTradeLeg;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.exchange.ExchangeRejectedException;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.RfqStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code rfq create|quotes|accept|cancel}: block trades by request for quote. */
@Command(name = "rfq", mixinStandardHelpOptions = true, description = "Request quotes for a structure, watch them, accept the best, cancel.",
        subcommands = {RfqCommand.Create.class, RfqCommand.Quotes.class, RfqCommand.Accept.class, RfqCommand.Cancel.class})
final class RfqCommand {

    static RfqLeg parseLeg(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a leg is SIDE:INSTRUMENT:QTY, e.g. buy:BTCUSD-27MAR26-100000-C:0.5 (got '" + text + "')");
        }
        BigDecimal qty;
        try {
            qty = new BigDecimal(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("leg quantity '" + parts[2] + "' is not a number");
        }
        return new RfqLeg(io.coincalltrader.domain.instrument.InstrumentName.parse(parts[1].trim()).text(), Side.parse(parts[0]), qty);
    }

    /**
     * Accepts once, with the decision recorded first; a definite refusal clears the decision, an unknown outcome
     * leaves it for {@code reconcile} to settle from the exchange.
     */
    static BlockTrade acceptRecorded(RfqStore store, RfqGateway rfq, String requestId, String quoteId) {
        if (store.find(requestId).isPresent() && !store.recordAcceptIntent(requestId, quoteId, Cause.USER).join()) {
            throw new IllegalArgumentException("a quote was already accepted on RFQ " + requestId + "; run 'reconcile' to see what it did");
        }
        try {
            BlockTrade trade = rfq.accept(requestId, quoteId);
            store.recordResult(requestId, RfqState.FILLED, "{\"blockTradeId\":\"" + trade.blockTradeId() + "\",\"quoteId\":\"" + quoteId + "\"}",
                    Cause.EXCHANGE).join();
            return trade;
        } catch (ExchangeRejectedException e) {
            store.clearAcceptIntent(requestId, quoteId, e.traderMessage(), Cause.EXCHANGE).join();
            throw e;
        }
    }

    static void printQuotes(Output out, List<RfqQuote> quotes) {
        Output.Table t = new Output.Table("Quote id", "We", ">Package USD", "State", ">Expires in s", "Legs (maker side @ price × qty)");
        Instant now = Instant.now();
        for (RfqQuote q : quotes) {
            StringBuilder legs = new StringBuilder();
            for (QuoteLeg l : q.legs()) {
                legs.append(legs.isEmpty() ? "" : "; ").append(l.makerSide()).append(' ').append(l.instrumentName())
                        .append(" @ ").append(l.price().toPlainString()).append(" × ").append(l.quantity().toPlainString());
            }
            BigDecimal cost = q.takerCost();
            t.row(q.quoteId(), q.takerDirection() == Side.BUY ? "buy" : "sell",
                    (cost.signum() >= 0 ? "pay " : "receive ") + Output.num(cost.abs(), 2), q.state(),
                    q.expiryTime() == null ? "-" : Long.toString(Math.max(0, q.expiryTime().getEpochSecond() - now.getEpochSecond())), legs);
        }
        t.print(out);
    }

    static void printTrade(Output out, BlockTrade trade) {
        if (out.json()) {
            out.json(trade);
            return;
        }
        out.line("Block trade " + trade.blockTradeId() + " filled (RFQ " + trade.requestId() + ", quote " + trade.quoteId() + ")");
        Output.Table t = new Output.Table("Instrument", "Side", ">Qty", ">Price USD", ">Fee USD", "Trade id");
        for (BlockTradeLeg l : trade.legs()) {
            t.row(l.instrumentName(), l.side(), l.quantity().toPlainString(), Output.num(l.price(), 2), Output.num(l.fee(), 4), l.tradeId());
        }
        t.print(out);
    }

    /** The positions the block trade's instruments now hold, so the trader sees the structure landed. */
    static void printLegPositions(Output out, ExchangeSession session, BlockTrade trade) {
        java.util.Set<String> symbols = new java.util.HashSet<>();
        trade.legs().forEach(l -> symbols.add(l.instrumentName()));
        Output.Table t = new Output.Table("Instrument", "Side", ">Size", ">Avg price USD", ">Mark USD");
        session.gateway().account().optionPositions().stream().filter(p -> symbols.contains(p.symbol())).forEach(p ->
                t.row(p.symbol(), p.side() == Side.BUY ? "long" : "short", p.quantity().toPlainString(), Output.num(p.averagePrice(), 2),
                        Output.num(p.markPrice(), 2)));
        out.line("");
        out.line("Positions in the traded instruments:");
        t.print(out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an RFQ; optionally watch quotes and accept the best.")
    static final class Create extends ExchangeCommand {
        @Option(names = "--leg", required = true, paramLabel = "SIDE:INSTRUMENT:QTY", description = "repeat per leg, e.g. buy:BTCUSD-27MAR26-100000-C:0.5")
        List<String> legTexts;
        @Option(names = "--watch", defaultValue = "0", paramLabel = "SECONDS", description = "print quotes as they arrive for this long")
        int watchSeconds;
        @Option(names = "--accept-best", description = "after watching, accept the best quote for the structure as requested")
        boolean acceptBest;
        @Option(names = "--min-quotes", defaultValue = "1", description = "with --accept-best: stop watching once this many usable quotes are in")
        int minQuotes;
        private List<RfqLeg> legs;
        private BigDecimal notional;

        Create(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        void validate() {
            legs = new ArrayList<>();
            for (String text : legTexts) {
                legs.add(parseLeg(text));
            }
            notional = QuoteSelection.strikeNotional(legs);
            if (notional.compareTo(QuoteSelection.MINIMUM_NOTIONAL_USD) < 0) {
                throw new IllegalArgumentException("the package's notional (Σ strike × qty) is " + Output.num(notional, 0)
                        + " USD, below the exchange's RFQ minimum of 50,000 USD; nothing was sent");
            }
            if (acceptBest && watchSeconds <= 0) {
                throw new IllegalArgumentException("--accept-best needs --watch SECONDS to collect quotes first");
            }
        }

        @Override
        int execute(ExchangeSession session, Output out) throws InterruptedException {
            try (TradingSession trading = sessions().trading(session)) {
                RfqStore store = trading.db().rfqs();
                RfqGateway rfq = session.gateway().rfq();
                Rfq created = rfq.create(legs);
                store.record(created).join();
                if (!out.json()) {
                    out.line("RFQ " + created.requestId() + " " + created.state() + ", notional " + Output.num(notional, 0)
                            + " USD, expires " + created.expiryTime());
                }
                Map<String, RfqQuote> seen = watch(out, rfq, created.requestId(), legs);
                seen.values().forEach(store::recordQuote);
                if (!acceptBest) {
                    if (out.json()) {
                        out.json(Map.of("rfq", created, "quotes", List.copyOf(seen.values())));
                    }
                    return 0;
                }
                Optional<RfqQuote> best = QuoteSelection.best(legs, List.copyOf(seen.values()), Instant.now());
                if (best.isEmpty()) {
                    rfq.cancel(created.requestId());
                    store.recordResult(created.requestId(), RfqState.CANCELLED, "{\"reason\":\"no usable quote\"}", Cause.USER).join();
                    err().println("error: no usable quote within " + watchSeconds + " s; RFQ cancelled");
                    return CoincallTraderCommand.EXIT_EXCHANGE_ERROR;
                }
                if (!out.json()) {
                    out.line("Accepting quote " + best.get().quoteId() + " (" + (best.get().takerCost().signum() >= 0 ? "pay " : "receive ")
                            + Output.num(best.get().takerCost().abs(), 2) + " USD)");
                }
                BlockTrade trade = acceptRecorded(store, rfq, created.requestId(), best.get().quoteId());
                printTrade(out, trade);
                if (!out.json()) {
                    printLegPositions(out, session, trade);
                }
                return 0;
            }
        }

        private Map<String, RfqQuote> watch(Output out, RfqGateway rfq, String requestId, List<RfqLeg> legs) throws InterruptedException {
            Map<String, RfqQuote> seen = new LinkedHashMap<>();
            long deadline = System.nanoTime() + watchSeconds * 1_000_000_000L;
            Set<String> printed = new HashSet<>();
            while (watchSeconds > 0 && System.nanoTime() < deadline) {
                for (RfqQuote q : rfq.quotesReceived(requestId)) {
                    seen.put(q.quoteId(), q);
                }
                List<RfqQuote> fresh = seen.values().stream().filter(q -> printed.add(q.quoteId())).toList();
                if (!fresh.isEmpty() && !out.json()) {
                    printQuotes(out, fresh);
                }
                long usable = seen.values().stream().filter(q -> QuoteSelection.tradesAsRequested(legs, q)).count();
                if (acceptBest && usable >= minQuotes) {
                    break;
                }
                Thread.sleep(500);
            }
            return seen;
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true, description = "Quotes received on an RFQ.")
    static final class Quotes extends ExchangeCommand {
        @Parameters(index = "0", paramLabel = "REQUEST_ID")
        String requestId;

        Quotes(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        int execute(ExchangeSession session, Output out) {
            List<RfqQuote> quotes = session.gateway().rfq().quotesReceived(requestId);
            if (out.json()) {
                out.json(quotes);
            } else if (quotes.isEmpty()) {
                out.line("No quotes yet.");
            } else {
                printQuotes(out, quotes);
            }
            return 0;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Execute a quote: every leg fills at once.")
    static final class Accept extends ExchangeCommand {
        @Parameters(index = "0", paramLabel = "REQUEST_ID")
        String requestId;
        @Parameters(index = "1", paramLabel = "QUOTE_ID")
        String quoteId;

        Accept(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        int execute(ExchangeSession session, Output out) {
            try (TradingSession trading = sessions().trading(session)) {
                RfqStore store = trading.db().rfqs();
                if (store.find(requestId).isEmpty()) {
                    session.gateway().rfq().list(requestId, null, "TAKER", Instant.now().minus(java.time.Duration.ofDays(3)), Instant.now())
                            .stream().filter(r -> r.requestId().equals(requestId)).findFirst().ifPresent(r -> store.record(r).join());
                }
                printTrade(out, acceptRecorded(store, session.gateway().rfq(), requestId, quoteId));
                return 0;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an RFQ.")
    static final class Cancel extends ExchangeCommand {
        @Parameters(index = "0", paramLabel = "REQUEST_ID")
        String requestId;

        Cancel(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        int execute(ExchangeSession session, Output out) {
            session.gateway().rfq().cancel(requestId);
            try (TradingSession trading = sessions().trading(session)) {
                if (trading.db().rfqs().find(requestId).isPresent()) {
                    trading.db().rfqs().recordResult(requestId, RfqState.CANCELLED, "{\"reason\":\"cancelled by the trader\"}", Cause.USER).join();
                }
            }
            out.line(out.json() ? "{\"cancelled\":true}" : "RFQ " + requestId + " cancelled.");
            return 0;
        }
    }
}
