package io.coincalltrader.engine.rfq;

import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.common.Crashpoints;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.ExchangeRejectedException;
import io.coincalltrader.exchange.NotSentException;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.FillStore;
import io.coincalltrader.store.RfqStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts one quote on one of our RFQs, the one way the app does it (the ticket and the execution service alike):
 * the decision is recorded before the accept leaves, a definite refusal clears it, and an unknown outcome is looked
 * up in our block trades and the RFQ's state, never sent again. Blocking: call off the FX and engine threads.
 */
public final class RfqAcceptor {
    private static final Logger log = LoggerFactory.getLogger(RfqAcceptor.class);

    /** How an accept ended. */
    public sealed interface Outcome {
        /** Traded: every leg filled at once; the legs are recorded as fills and the RFQ as FILLED. */
        record Filled(BlockTrade trade) implements Outcome {
        }

        /** The exchange refused it (nothing traded); another quote may be taken. */
        record Refused(String reason) implements Outcome {
        }

        /** Another quote was already accepted on this RFQ: the app never accepts a second one by itself. */
        record AlreadyAccepted() implements Outcome {
        }

        /** Sent with no answer and not visible at the exchange yet: checked again at the next start. */
        record InDoubt(String message) implements Outcome {
        }
    }

    private final RfqGateway rfqs;
    private final RfqStore rfqStore;
    private final FillStore fills;
    private final Clock clock;
    private final Duration resolvePause;

    public RfqAcceptor(RfqGateway rfqs, Database db, Clock clock) {
        this(rfqs, db, clock, Duration.ofMillis(500));
    }

    RfqAcceptor(RfqGateway rfqs, Database db, Clock clock, Duration resolvePause) {
        this.rfqs = rfqs;
        this.rfqStore = db.rfqs();
        this.fills = db.fills();
        this.clock = clock;
        this.resolvePause = resolvePause;
    }

    public Outcome accept(String requestId, RfqQuote quote, Cause cause) {
        return accept(requestId, quote, recordIntent(requestId, quote, cause));
    }

    /**
     * Queues the record of the decision to accept (it does not wait): a caller on a thread that must not block queues
     * it at once and hands {@link #accept(String, RfqQuote, CompletableFuture)} to another thread, so the durable write
     * is already under way while that thread starts. Completes with false when another quote was already accepted.
     */
    public CompletableFuture<Boolean> recordIntent(String requestId, RfqQuote quote, Cause cause) {
        return rfqStore.recordAcceptIntent(requestId, quote.quoteId(), cause);
    }

    /** Records the quote armed for an accept (durably): see {@link RfqTaker#arm}. */
    public CompletableFuture<Boolean> recordArm(String requestId, String quoteId, Cause cause) {
        return rfqStore.recordArm(requestId, quoteId, cause);
    }

    /** Withdraws an intent whose accept was never sent (nothing traded), so that recovery does not look for it. */
    public CompletableFuture<Boolean> withdrawIntent(String requestId, String quoteId, String reason) {
        return rfqStore.clearAcceptIntent(requestId, quoteId, reason, Cause.SYSTEM);
    }

    /**
     * Accepts once the intent is durable (blocking): nothing leaves unless {@code intent} completed with true. A failed
     * intent (the store refused it) is thrown as the store's exception, with nothing sent.
     */
    public Outcome accept(String requestId, RfqQuote quote, CompletableFuture<Boolean> intent) {
        boolean recorded;
        try {
            recorded = intent.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (!recorded) {
            return new Outcome.AlreadyAccepted();
        }
        return send(requestId, quote, () -> { });
    }

    /**
     * Accepts a quote whose arm is durable ({@link RfqTaker#arm}): the accept leaves at once, and its intent is queued
     * for the store as soon as the request returned, ahead of the outcome's records (the one writer keeps that order).
     * Until then the arm stands for the intent: restart recovery asks the exchange about an armed quote.
     */
    public Outcome acceptArmed(String requestId, RfqQuote quote, Cause cause) {
        return send(requestId, quote, () -> recordIntent(requestId, quote, cause).whenComplete((ok, e) -> {
            if (e != null || !ok) {
                log.warn("accept intent for armed quote {} on RFQ {} not recorded ({}); the arm stands for it", quote.quoteId(), requestId,
                        e != null ? e.toString() : "another quote already recorded");
            }
        }));
    }

    /** Sends the accept; {@code returned} runs as soon as the request returned, answered or not. */
    private Outcome send(String requestId, RfqQuote quote, Runnable returned) {
        BlockTrade trade;
        try {
            try {
                trade = rfqs.accept(requestId, quote.quoteId());
            } finally {
                returned.run();
            }
            Crashpoints.hit("after-rfq-accept-send");
        } catch (ExchangeRejectedException | NotSentException e) {
            // A definite refusal, or a request that never left: nothing traded.
            String why = ((ExchangeException) e).traderMessage();
            rfqStore.clearAcceptIntent(requestId, quote.quoteId(), why, Cause.EXCHANGE).join();
            return new Outcome.Refused(why);
        } catch (RuntimeException e) {
            // No answer, or one we cannot read (the accept may well have executed): ask, never resend.
            Crashpoints.hit("after-rfq-accept-send");
            log.warn("accept of quote {} on RFQ {} has no readable answer ({}); looking it up", quote.quoteId(), requestId, e.toString());
            trade = resolve(requestId).orElse(null);
            if (trade == null) {
                return new Outcome.InDoubt("accept of quote " + quote.quoteId() + " sent with no answer; the exchange does not show it yet."
                        + " It is checked again at the next start; do not trade it again");
            }
        }
        return record(requestId, quote.quoteId(), trade);
    }

    /**
     * An accept left in doubt, looked up again: the block trade if the exchange shows one now (recorded as fills and
     * the RFQ as FILLED), else empty (still in doubt; restart recovery settles it).
     */
    public Optional<Outcome> lookUp(String requestId, String quoteId) {
        try {
            Optional<BlockTrade> t = rfqs.blockTrades(null, 50).stream().filter(b -> requestId.equals(b.requestId())).findFirst();
            return t.map(trade -> record(requestId, quoteId, trade));
        } catch (ExchangeException e) {
            log.info("RFQ {} not looked up now: {}", requestId, e.traderMessage());
            return Optional.empty();
        }
    }

    private Outcome record(String requestId, String quoteId, BlockTrade trade) {
        try {
            fills.recordBlockTrade(trade).join();
            rfqStore.recordResult(requestId, RfqState.FILLED, "{\"blockTradeId\":\"" + trade.blockTradeId() + "\",\"quoteId\":\""
                    + quoteId + "\"}", Cause.EXCHANGE).join();
        } catch (RuntimeException e) {
            // Traded, but not recorded here: the next start imports the fills from the exchange.
            log.error("block trade {} of RFQ {} not recorded", trade.blockTradeId(), requestId, e);
            return new Outcome.InDoubt("traded as block trade " + trade.blockTradeId() + " but not recorded here (" + e.getMessage()
                    + "); the next start imports it from the exchange. Do not trade it again");
        }
        return new Outcome.Filled(trade);
    }

    /** The block trade of an accept whose answer was lost, if the exchange shows one; empty once the RFQ closed without. */
    private Optional<BlockTrade> resolve(String requestId) {
        for (int i = 0; i < 20; i++) {
            try {
                Optional<BlockTrade> t = rfqs.blockTrades(null, 50).stream().filter(b -> requestId.equals(b.requestId())).findFirst();
                if (t.isPresent()) {
                    return t;
                }
                boolean closed = rfqs.list(requestId, null, "TAKER", clock.instant().minus(Duration.ofHours(2)), clock.instant().plusSeconds(1))
                        .stream().anyMatch(r -> r.requestId().equals(requestId) && r.state().isTerminal() && r.state() != RfqState.FILLED);
                if (closed) {
                    return Optional.empty();
                }
            } catch (RuntimeException e) {
                // Any failure to read is one more reason to ask again, never to resend.
                log.info("RFQ {} not resolved yet: {}", requestId, e instanceof ExchangeException x ? x.traderMessage() : e.toString());
            }
            try {
                Thread.sleep(resolvePause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
