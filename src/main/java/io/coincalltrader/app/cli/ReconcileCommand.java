package io.coincalltrader.app.cli;

import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.engine.recovery.ReconciliationReport;
import picocli.CommandLine.Command;

/** {@code reconcile}: compares the store with the exchange, settles what is open or in doubt, prints the report. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile the store with the exchange (fills, open and in-doubt orders, external orders and positions, RFQs) and print the report.")
final class ReconcileCommand extends ExchangeCommand {

    ReconcileCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    int execute(ExchangeSession session, Output out) {
        try (TradingSession trading = sessions().trading(session)) {
            ReconciliationReport report = trading.reconcile();
            if (out.json()) {
                out.json(java.util.Map.of("at", report.at(), "tookMs", report.took().toMillis(), "store", report.storeOpen(),
                        "findings", report.findings()));
            } else {
                out.line("Store '" + session.profile() + "' against " + session.label() + ":");
                out.line(report.text());
            }
            return 0;
        }
    }
}
