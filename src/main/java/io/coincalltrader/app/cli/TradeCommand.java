package io.coincalltrader.app.cli;

import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.engine.execution.ExecutionLeg;
import io.coincalltrader.engine.execution.ExecutionMode;
import io.coincalltrader.engine.execution.ExecutionParams;
import io.coincalltrader.engine.execution.ExecutionPlan;
import io.coincalltrader.engine.execution.ExecutionResult;
import io.coincalltrader.engine.execution.ExecutionService;
import io.coincalltrader.engine.execution.LeggingPolicy;
import io.coincalltrader.engine.execution.PriceReference;
import io.coincalltrader.store.Cause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code trade}: one or more legs through the execution engine in limit, aggressive or RFQ mode. */
@Command(name = "trade", mixinStandardHelpOptions = true,
        description = "Trade one or more legs through the engine: limit (with requotes), aggressive (IOC inside a band around mark) or rfq.")
final class TradeCommand extends ExchangeCommand {
    @Option(names = "--leg", required = true, paramLabel = "SIDE:INSTRUMENT:QTY", description = "repeat per leg, e.g. sell:BTCUSD-27MAR26-100000-C:1")
    List<String> legTexts;
    @Option(names = "--mode", defaultValue = "limit", description = "limit, aggressive or rfq (default ${DEFAULT-VALUE})")
    ExecutionMode mode;
    @Option(names = "--price", paramLabel = "REF", description = "limit mode start price: mark or mid (default mid)")
    PriceReference reference;
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up (cancel what is open) after this long")
    Integer timeoutSeconds;
    @Option(names = "--requote-after", paramLabel = "SECONDS", description = "limit mode: move the price after this long without a fill; 0 for never")
    Integer requoteAfter;
    @Option(names = "--requote-ticks", paramLabel = "N", description = "limit mode: ticks per requote step")
    Integer requoteTicks;
    @Option(names = "--band", paramLabel = "FRACTION", description = "band around mark that bounds prices, e.g. 0.05 for ±5%")
    BigDecimal band;
    @Option(names = "--legging", description = "multi-leg: flatten or alert when legs fill unevenly")
    LeggingPolicy legging;
    @Option(names = "--label", defaultValue = "command line trade", description = "what the journal calls this trade")
    String label;
    private ExecutionPlan plan;

    TradeCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    void validate() {
        List<ExecutionLeg> legs = new ArrayList<>();
        for (String text : legTexts) {
            RfqLeg l = RfqCommand.parseLeg(text);
            legs.add(ExecutionLeg.of(l.instrumentName(), l.side(), l.quantity()));
        }
        ExecutionParams p = ExecutionParams.of(mode);
        if (reference != null) {
            p = p.withReference(reference);
        }
        if (timeoutSeconds != null) {
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("--timeout must be at least 1 second");
            }
            p = p.withTimeout(Duration.ofSeconds(timeoutSeconds));
        }
        if (requoteAfter != null || requoteTicks != null) {
            int ticks = requoteTicks != null ? requoteTicks : p.requoteTicks();
            if (ticks < 1) {
                throw new IllegalArgumentException("--requote-ticks must be at least 1");
            }
            p = p.withRequote(requoteAfter == null ? p.requoteAfter() : requoteAfter <= 0 ? null : Duration.ofSeconds(requoteAfter), ticks);
        }
        if (band != null) {
            if (band.signum() <= 0 || band.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("--band is a fraction of mark between 0 and 1, e.g. 0.05");
            }
            p = p.withBand(band, p.minBandUsd());
        }
        if (legging != null) {
            p = p.withLegging(p.legRetries(), legging);
        }
        plan = new ExecutionPlan(label, legs, p, null);
    }

    @Override
    int execute(ExchangeSession session, Output out) throws Exception {
        try (TradingSession trading = sessions().trading(session)) {
            ExecutionService.Execution x = trading.executions().submit(plan, Cause.USER);
            if (!out.json()) {
                out.line(mode.name().toLowerCase() + " " + plan.legs() + " (execution " + x.id() + ", store '" + session.profile() + "')");
                x.onProgress(p -> out.line("  " + Output.time(p.at()) + "  " + p.step()));
            }
            ExecutionResult r = x.result().get(plan.params().timeout().toSeconds() + 120, TimeUnit.SECONDS);
            if (out.json()) {
                out.json(r);
            } else {
                Output.Table t = new Output.Table("Instrument", "Side", ">Size", ">Filled", ">Avg USD", ">Unwound");
                for (ExecutionResult.LegFill l : r.legs()) {
                    t.row(l.leg().symbol(), l.leg().side(), l.leg().quantity().toPlainString(), l.filled().toPlainString(),
                            l.averagePrice() == null ? "-" : Output.num(l.averagePrice(), 2), l.unwound().toPlainString());
                }
                t.print(out);
                out.line(r.status() + ": " + r.message());
            }
            return switch (r.status()) {
                case FILLED, PARTIAL -> 0;
                case IN_DOUBT -> CoincallTraderCommand.EXIT_OUTCOME_UNKNOWN;
                default -> CoincallTraderCommand.EXIT_EXCHANGE_ERROR;
            };
        }
    }
}
