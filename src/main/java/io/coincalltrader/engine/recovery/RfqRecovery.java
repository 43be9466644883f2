package io.coincalltrader.engine.recovery;

import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.recovery.ReconciliationReport.Finding;
import io.coincalltrader.engine.recovery.ReconciliationReport.Kind;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.FillStore;
import io.coincalltrader.store.RfqStore;
import io.coincalltrader.store.StoredRfq;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles RFQs the app left open or accepted without an answer: the exchange's RFQ state and block trades say whether
 * the accept traded. Never accepts a quote by itself.
 */
public final class RfqRecovery {
    private final RfqGateway gateway;
    private final RfqStore store;
    private final FillStore fills;
    private final Clock clock;

    public RfqRecovery(RfqGateway gateway, Database db, Clock clock) {
        this.gateway = gateway;
        this.store = db.rfqs();
        this.fills = db.fills();
        this.clock = clock;
    }

    public List<Finding> resolve() {
        List<Finding> findings = new ArrayList<>();
        for (StoredRfq s : store.unresolved()) {
            String id = s.rfq().requestId();
            Optional<Rfq> now = gateway.list(id, null, "TAKER", s.rfq().createTime().minus(Duration.ofMinutes(1)),
                    clock.instant().plusSeconds(1)).stream().filter(r -> r.requestId().equals(id)).findFirst();
            Optional<BlockTrade> trade = gateway.blockTrades(null, 100).stream().filter(t -> id.equals(t.requestId())).findFirst();
            RfqState state = trade.isPresent() ? RfqState.FILLED : now.map(Rfq::state).orElse(RfqState.EXPIRED);
            if (state == RfqState.ACTIVE && !s.mayHaveAccepted()) {
                gateway.cancel(id);
                state = RfqState.CANCELLED;
            }
            if (state == RfqState.ACTIVE) {
                // An accept may be out (an intent, or a quote armed whose confirm sends at once) and the exchange shows
                // no trade yet: never cancelled under it; the next start looks again, and the RFQ expires by itself.
                findings.add(new Finding(Kind.RFQ_UNRESOLVED, "rfq " + id, believed(s), "still active, no block trade",
                        "left open (not cancelled: an accept may be on its way); it expires at "
                                + (s.rfq().expiryTime() == null ? "its own time" : s.rfq().expiryTime()) + " and is looked at again at the next start"));
                continue;
            }
            String result = trade.map(t -> "{\"blockTradeId\":\"" + t.blockTradeId() + "\",\"quoteId\":\"" + t.quoteId() + "\"}")
                    .orElse("{\"reason\":\"" + state + " at the exchange\"}");
            trade.ifPresent(t -> fills.recordBlockTrade(t).join());
            store.recordResult(id, state, result, Cause.EXCHANGE).join();
            String believed = believed(s);
            String action = switch (state) {
                case FILLED -> "recorded block trade " + trade.map(BlockTrade::blockTradeId).orElse("?");
                case CANCELLED -> s.mayHaveAccepted() ? "recorded as not traded" : "cancelled (the app stopped while it was open)";
                default -> "recorded as " + state.name().toLowerCase().replace('_', ' ') + "; no quote was accepted by recovery";
            };
            findings.add(new Finding(Kind.RFQ_RESOLVED, "rfq " + id, believed, state.name(), action));
        }
        return findings;
    }

    private static String believed(StoredRfq s) {
        return s.acceptOutcomeUnknown() ? "accept of quote " + s.acceptedQuoteId() + " sent, no answer"
                : s.mayHaveAccepted() ? "quote " + s.armedQuoteId() + " armed (its confirm sends at once: an accept may have left)" : "active";
    }
}
