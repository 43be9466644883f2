package io.coincalltrader.engine.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an execution ended: per leg what filled and at what average price, the exposure left when a multi-leg trade
 * could not be completed, and the RFQ and block trade ids in RFQ mode.
 */
public record ExecutionResult(String executionId, Status status, List<LegFill> legs, List<ExecutionLeg> exposure,
                              String message, String rfqId, String blockTradeId) {
    public ExecutionResult {
        legs = List.copyOf(legs);
        exposure = List.copyOf(exposure);
    }

    public enum Status {
        /** Every leg filled completely. */
        FILLED,
        /** Some whole packages (or part of a single order) filled; nothing unbalanced is left. */
        PARTIAL,
        /** Nothing filled (timeout, no acceptable quote, or refused). */
        NOT_FILLED,
        /** Legs filled unevenly and the exposure remains (policy ALERT, or flattening failed): the trader must act. */
        EXPOSED,
        /** An RFQ accept was sent and the exchange has not said whether it traded; recovery settles it. */
        IN_DOUBT,
        /** Stopped by the trader before it finished. */
        STOPPED,
        /** Could not start: refused by the exchange or the checks, with the reason. */
        FAILED
    }

    /** One leg's outcome: filled size and average price; unwound is what the legging policy sold back (or bought back). */
    public record LegFill(ExecutionLeg leg, BigDecimal filled, BigDecimal averagePrice, BigDecimal unwound, List<Long> clientOrderIds) {
        public LegFill {
            clientOrderIds = List.copyOf(clientOrderIds);
        }

        public BigDecimal net() {
            return filled.subtract(unwound);
        }
    }
}
