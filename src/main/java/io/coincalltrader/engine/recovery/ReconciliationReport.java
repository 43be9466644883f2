package io.coincalltrader.engine.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What start-up reconciliation found: for each difference, what we believed, what the exchange says and what was
 * done. Kept in the journal and shown to the trader when it is not empty.
 */
public record ReconciliationReport(Instant at, Duration took, String storeOpen, List<Finding> findings) {
    public ReconciliationReport {
        findings = List.copyOf(findings);
    }

    /** One difference between our records and the exchange. */
    public record Finding(Kind kind, String subject, String believed, String exchangeSays, String action) {
    }

    public enum Kind {
        ORDER_RESOLVED,
        ORDER_UNRESOLVED,
        ORDER_ADOPTED,
        FILL_RECOVERED,
        POSITION_EXTERNAL,
        POSITION_MISMATCH,
        RFQ_RESOLVED,
        RFQ_UNRESOLVED,
        STORE_REPAIRED
    }

    /** True when nothing differed: the trader need not be shown anything. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** Plain text, one finding per line. */
    public String text() {
        StringBuilder b = new StringBuilder("Reconciliation at ").append(at).append(" (").append(took.toMillis()).append(" ms)");
        if (storeOpen != null) {
            b.append("\nStore: ").append(storeOpen);
        }
        if (findings.isEmpty()) {
            b.append("\nEverything recorded matches the exchange.");
        }
        for (Finding f : findings) {
            b.append("\n").append(f.kind()).append("  ").append(f.subject()).append(": we believed ").append(f.believed())
                    .append("; the exchange says ").append(f.exchangeSays()).append(" → ").append(f.action());
        }
        return b.toString();
    }
}
