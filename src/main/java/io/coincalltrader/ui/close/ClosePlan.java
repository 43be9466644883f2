package io.coincalltrader.ui.close;

import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.engine.execution.ExecutionLeg;
import io.coincalltrader.engine.execution.ExecutionMode;
import io.coincalltrader.engine.execution.ExecutionParams;
import io.coincalltrader.engine.execution.ExecutionPlan;
import io.coincalltrader.engine.portfolio.PositionRisk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What closing some positions sends: each position traded back (opposite side, same size), its expected price
 * (mark) and the P&L realised if filled there; and whether an RFQ is possible (options only, above the exchange's
 * minimum notional).
 */
public record ClosePlan(String label, List<Leg> legs) {
    public ClosePlan {
        legs = List.copyOf(legs);
    }

    /** One leg of the close: what is sent, at about what price, and what it realises. */
    public record Leg(ExecutionLeg order, BigDecimal expectedPrice, BigDecimal pnlIfFilled) {
    }

    public static ClosePlan of(String label, List<PositionRisk> positions) {
        return new ClosePlan(label, positions.stream().map(r -> {
            Position p = r.position();
            return new Leg(ExecutionLeg.of(p.symbol(), p.side().opposite(), p.quantity()), p.markPrice(), r.unrealizedPnl());
        }).toList());
    }

    /** Realised P&L if every leg fills at its mark. */
    public BigDecimal pnlIfFilled() {
        return legs.stream().map(Leg::pnlIfFilled).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Net cash of the close at marks: positive when we receive (selling back longs). */
    public BigDecimal cashAtMark() {
        BigDecimal total = BigDecimal.ZERO;
        for (Leg l : legs) {
            if (l.expectedPrice() == null) {
                continue;
            }
            BigDecimal v = l.expectedPrice().multiply(l.order().quantity());
            total = l.order().side() == io.coincalltrader.domain.order.Side.SELL ? total.add(v) : total.subtract(v);
        }
        return total;
    }

    /** Why an RFQ cannot close this, or empty when it can. */
    public Optional<String> rfqRefusal() {
        if (legs.stream().anyMatch(l -> !(InstrumentName.parse(l.order().symbol()) instanceof InstrumentName.Option))) {
            return Optional.of("RFQ trades options only; this close has futures or spot legs");
        }
        BigDecimal notional = QuoteSelection.strikeNotional(legs.stream()
                .map(l -> new RfqLeg(l.order().symbol(), l.order().side(), l.order().quantity())).toList());
        if (notional.compareTo(QuoteSelection.MINIMUM_NOTIONAL_USD) < 0) {
            return Optional.of("RFQ needs at least 50,000 USD notional (Σ strike × size); this is "
                    + io.coincalltrader.ui.common.Formats.number(notional, 0) + " USD");
        }
        return Optional.empty();
    }

    public ExecutionPlan plan(ExecutionMode mode) {
        return new ExecutionPlan("close " + label, legs.stream().map(Leg::order).toList(), ExecutionParams.of(mode), null);
    }
}
