package io.coincalltrader.engine.risk;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PreTradeChecksTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instrument OPTION = Instrument.of(InstrumentName.parse("BTCUSD-27MAR26-100000-C"),
            new InstrumentSpec(new BigDecimal("0.1"), new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.ONE));
    private final PreTradeChecks checks = new PreTradeChecks(RiskLimits.defaults());

    private static OrderContext order(String qty, String price, boolean reduceOnly, String required, String available) {
        OrderRequest r = new OrderRequest(ProductType.OPTION, "BTCUSD-27MAR26-100000-C", Side.BUY, OrderType.LIMIT,
                new BigDecimal(qty), new BigDecimal(price), TimeInForce.GTC, 1L, reduceOnly, null);
        return new OrderContext(r, OPTION, new BigDecimal("1250.5"), NOW.minusSeconds(1), new BigDecimal("98000"),
                new BigDecimal(required), new BigDecimal(available));
    }

    @Test
    void aSensibleOrderPasses() {
        assertThat(checks.check(order("0.5", "1250", false, "700", "90000"), NOW)).isEmpty();
    }

    @Test
    void offTickAndOffLotAreRefusedWithTheNearestValidValue() {
        var refusals = checks.check(order("0.015", "1250.55", false, "1", "90000"), NOW);
        assertThat(refusals).extracting(Refusal::check).contains(Refusal.Check.SIZE_STEP, Refusal.Check.PRICE_TICK);
        assertThat(refusals).extracting(Refusal::message)
                .contains("Size 0.015 is not a multiple of the size step 0.01; nearest valid size 0.01",
                        "Price 1250.55 is not on the tick of 0.1; nearest 1250.6");
    }

    @Test
    void sizeAndNotionalLimitsSayByHowMuch() {
        var refusals = checks.check(order("150", "1250", false, "1", "1e9"), NOW);
        assertThat(refusals).extracting(Refusal::message).contains(
                "Size 150 is above your per-order limit of 100 by 50",
                "Notional 14,700,000 USD is above your per-order limit of 2,000,000 USD by 12,700,000 USD");
    }

    @Test
    void priceFarFromMarkIsRefusedWithTheBand() {
        var refusals = checks.check(order("0.5", "1500", false, "1", "90000"), NOW);
        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.check()).isEqualTo(Refusal.Check.PRICE_BAND);
            assertThat(r.message()).isEqualTo("Price 1500 is 249.5 USD (20.0%) above the mark 1250.5; the band is ±187.58 USD");
        });
    }

    @Test
    void staleMarkRefusesInsteadOfTradingBlind() {
        OrderContext ctx = order("0.5", "1250", false, "1", "90000");
        OrderContext stale = new OrderContext(ctx.request(), ctx.instrument(), ctx.mark(), NOW.minusSeconds(30), ctx.indexPrice(),
                ctx.requiredMargin(), ctx.availableMargin());
        assertThat(checks.check(stale, NOW)).extracting(Refusal::message).containsExactly(
                "Market data stale: the mark of BTCUSD-27MAR26-100000-C is 30 s old (limit 5 s)");
    }

    @Test
    void notEnoughMarginUnlessReducing() {
        assertThat(checks.check(order("0.5", "1250", false, "12000", "9000"), NOW)).extracting(Refusal::message)
                .containsExactly("Needs about 12,000 USD of margin, 3,000 USD more than the 9,000 USD available");
        assertThat(checks.check(order("0.5", "1250", true, "12000", "9000"), NOW)).isEmpty();
    }
}
