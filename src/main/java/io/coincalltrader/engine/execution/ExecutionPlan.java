package io.coincalltrader.engine.execution;

import java.util.List;
import java.util.Objects;

/** What to trade and how: a label for the journal, the legs, the settings, and the structure it belongs to (or null). */
public record ExecutionPlan(String label, List<ExecutionLeg> legs, ExecutionParams params, String structureId) {
    public ExecutionPlan {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(params, "params");
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a trade needs at least one leg");
        }
        if (legs.stream().map(ExecutionLeg::symbol).distinct().count() != legs.size()) {
            throw new IllegalArgumentException("each instrument may appear in one leg only");
        }
    }
}
