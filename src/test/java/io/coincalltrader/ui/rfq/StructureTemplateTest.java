package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.RfqLeg;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructureTemplateTest {
    private static final LocalDate NEAR = LocalDate.of(2026, 12, 25);
    private static final LocalDate FAR = LocalDate.of(2027, 3, 26);
    private static final List<BigDecimal> STRIKES = IntStream.rangeClosed(80, 120).map(k -> k * 1000).mapToObj(BigDecimal::valueOf).toList();
    private static final BigDecimal SPOT = new BigDecimal("98300");

    private static List<String> describe(List<StructureTemplate.Leg> legs) {
        return legs.stream().map(l -> l.side() + " " + l.ratio() + " " + l.symbol()).toList();
    }

    @Test
    void anIronCondorSellsTheInnerStrikesAndBuysTheWingsAroundTheMoney() {
        List<StructureTemplate.Leg> legs = StructureTemplate.IRON_CONDOR.legs("BTC", NEAR, STRIKES, SPOT, 2, Side.BUY, null, null);
        assertThat(describe(legs)).containsExactly("BUY 1 BTCUSD-25DEC26-94000-P", "SELL 1 BTCUSD-25DEC26-96000-P",
                "SELL 1 BTCUSD-25DEC26-100000-C", "BUY 1 BTCUSD-25DEC26-102000-C");
        BigDecimal notional = QuoteSelection.strikeNotional(legs.stream().map(l -> new RfqLeg(l.symbol(), l.side(), BigDecimal.ONE)).toList());
        assertThat(notional).isGreaterThanOrEqualTo(QuoteSelection.MINIMUM_NOTIONAL_USD);
    }

    @Test
    void eachTemplateHasItsShapeAndSellReversesEveryLeg() {
        assertThat(describe(StructureTemplate.BUTTERFLY.legs("BTC", NEAR, STRIKES, SPOT, 1, Side.BUY, null, null)))
                .containsExactly("BUY 1 BTCUSD-25DEC26-97000-C", "SELL 2 BTCUSD-25DEC26-98000-C", "BUY 1 BTCUSD-25DEC26-99000-C");
        assertThat(describe(StructureTemplate.STRADDLE.legs("BTC", NEAR, STRIKES, SPOT, 1, Side.SELL, null, null)))
                .containsExactly("SELL 1 BTCUSD-25DEC26-98000-C", "SELL 1 BTCUSD-25DEC26-98000-P");
        assertThat(describe(StructureTemplate.RISK_REVERSAL.legs("BTC", NEAR, STRIKES, SPOT, 3, Side.BUY, null, null)))
                .containsExactly("BUY 1 BTCUSD-25DEC26-101000-C", "SELL 1 BTCUSD-25DEC26-95000-P");
        assertThat(describe(StructureTemplate.SINGLE.legs("BTC", NEAR, STRIKES, SPOT, 1, Side.BUY, OptionType.PUT, null)))
                .containsExactly("BUY 1 BTCUSD-25DEC26-98000-P");
        assertThat(describe(StructureTemplate.CALENDAR.legs("BTC", NEAR, STRIKES, SPOT, 1, Side.BUY, null, FAR)))
                .containsExactly("SELL 1 BTCUSD-25DEC26-98000-C", "BUY 1 BTCUSD-26MAR27-98000-C");
        assertThat(StructureTemplate.values()).hasSize(11);
        for (StructureTemplate t : StructureTemplate.values()) {
            assertThat(t.legs("BTC", NEAR, STRIKES, SPOT, 1, Side.BUY, OptionType.CALL, FAR)).isNotEmpty();
        }
    }

    @Test
    void impossibleChoicesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> StructureTemplate.IRON_CONDOR.legs("BTC", NEAR, STRIKES, SPOT, 20, Side.BUY, null, null))
                .hasMessageContaining("smaller width");
        assertThatThrownBy(() -> StructureTemplate.CALENDAR.legs("BTC", NEAR, STRIKES, SPOT, 1, Side.BUY, null, NEAR))
                .hasMessageContaining("far expiry");
    }
}
