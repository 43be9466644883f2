package io.coincalltrader.engine.execution;

import java.time.Instant;
import java.util.List;

/** A step of a running execution, for the screens: a line in words and each leg's fills so far. */
public record ExecutionProgress(String executionId, String step, List<ExecutionResult.LegFill> legs, Instant at) {
    public ExecutionProgress {
        legs = List.copyOf(legs);
    }
}
