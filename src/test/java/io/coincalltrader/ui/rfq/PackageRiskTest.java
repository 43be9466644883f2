package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.engine.portfolio.RiskGreeks;
import io.coincalltrader.pricing.BlackScholes;
import io.coincalltrader.pricing.Greeks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PackageRiskTest {
    private static final Instant EXPIRY = Instant.parse("2026-12-25T08:00:00Z");
    private static final Instant FAR = Instant.parse("2027-03-26T08:00:00Z");
    private static final Instant NOW = EXPIRY.minus(30, ChronoUnit.DAYS);
    private static final double SPOT = 100_000;
    private static final double YEARS = 30 / 365.0;

    /** A leg with a given mark and no book or Greeks: enough for payoffs and margin. */
    private static PricedLeg leg(OptionType type, int strike, Side side, String qty, String mark) {
        return leg(type, strike, EXPIRY, side, qty, mark);
    }

    private static PricedLeg leg(OptionType type, int strike, Instant expiry, Side side, String qty, String mark) {
        String symbol = "BTCUSD-" + (expiry.equals(EXPIRY) ? "25DEC26" : "26MAR27") + "-" + strike + "-" + type.code();
        return new PricedLeg(symbol, type, BigDecimal.valueOf(strike), expiry, side, new BigDecimal(qty), new BigDecimal(mark),
                null, null, Double.NaN, 0, 0, 0, 0);
    }

    /** A leg priced by Black–Scholes at SPOT and {@code vol}, with Greeks in the chain's units. */
    private static PricedLeg priced(OptionType type, int strike, Side side, String qty, double vol) {
        double price = BlackScholes.price(type, SPOT, strike, YEARS, vol, 0);
        Greeks g = BlackScholes.greeks(type, SPOT, strike, YEARS, vol, 0);
        return new PricedLeg("BTCUSD-25DEC26-" + strike + "-" + type.code(), type, BigDecimal.valueOf(strike), EXPIRY, side,
                new BigDecimal(qty), BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP), null, null, vol,
                g.delta(), g.gamma(), g.vega(), g.theta());
    }

    private static List<PricedLeg> ironCondor(String qty) {
        return List.of(leg(OptionType.PUT, 90_000, Side.BUY, qty, "300"), leg(OptionType.PUT, 95_000, Side.SELL, qty, "1000"),
                leg(OptionType.CALL, 105_000, Side.SELL, qty, "1100"), leg(OptionType.CALL, 110_000, Side.BUY, qty, "200"));
    }

    private static PackageRisk.Payoff payoff(List<PricedLeg> legs, String cost) {
        Optional<PackageRisk.Payoff> p = PackageRisk.payoff(legs, new BigDecimal(cost));
        assertThat(p).isPresent();
        return p.orElseThrow();
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void anIronCondorForACreditRisksTheWidthLessTheCredit() {
        PackageRisk.Payoff p = payoff(ironCondor("1"), "-1600");
        assertThat(p.maxProfit()).isEqualByComparingTo("1600");
        assertThat(p.maxLoss()).isEqualByComparingTo("3400"); // 5,000 wide − 1,600 credit
        assertThat(p.breakevens()).hasSize(2);
        assertThat(p.breakevens().get(0)).isEqualByComparingTo("93400");
        assertThat(p.breakevens().get(1)).isEqualByComparingTo("106600");

        PackageRisk.Payoff two = payoff(ironCondor("2"), "-3200");
        assertThat(two.maxProfit()).isEqualByComparingTo("3200");
        assertThat(two.maxLoss()).isEqualByComparingTo("6800");
        assertThat(two.breakevens()).usingElementComparator(BigDecimal::compareTo).containsExactly(bd("93400"), bd("106600"));
    }

    @Test
    void aCallSpreadForADebitRisksTheDebit() {
        List<PricedLeg> legs = List.of(leg(OptionType.CALL, 100_000, Side.BUY, "1", "3000"), leg(OptionType.CALL, 110_000, Side.SELL, "1", "800"));
        PackageRisk.Payoff p = payoff(legs, "2200");
        assertThat(p.maxProfit()).isEqualByComparingTo("7800");
        assertThat(p.maxLoss()).isEqualByComparingTo("2200");
        assertThat(p.breakevens()).usingElementComparator(BigDecimal::compareTo).containsExactly(bd("102200"));
    }

    @Test
    void aLongStraddleHasUnlimitedProfitAndLosesAtMostTheDebit() {
        List<PricedLeg> legs = List.of(leg(OptionType.CALL, 100_000, Side.BUY, "0.5", "4000"), leg(OptionType.PUT, 100_000, Side.BUY, "0.5", "4000"));
        PackageRisk.Payoff p = payoff(legs, "4000");
        assertThat(p.maxProfit()).isNull();
        assertThat(p.maxLoss()).isEqualByComparingTo("4000");
        assertThat(p.breakevens()).usingElementComparator(BigDecimal::compareTo).containsExactly(bd("92000"), bd("108000"));
    }

    @Test
    void aShortCallHasUnlimitedLossAndEarnsAtMostTheCredit() {
        PackageRisk.Payoff p = payoff(List.of(leg(OptionType.CALL, 100_000, Side.SELL, "1", "2500")), "-2500");
        assertThat(p.maxLoss()).isNull();
        assertThat(p.maxProfit()).isEqualByComparingTo("2500");
        assertThat(p.breakevens()).usingElementComparator(BigDecimal::compareTo).containsExactly(bd("102500"));
    }

    @Test
    void aBreakevenOnAStrikeIsFoundOnce() {
        List<PricedLeg> synthetic = List.of(leg(OptionType.CALL, 100_000, Side.BUY, "1", "3000"), leg(OptionType.PUT, 100_000, Side.SELL, "1", "3000"));
        PackageRisk.Payoff p = payoff(synthetic, "0");
        assertThat(p.breakevens()).usingElementComparator(BigDecimal::compareTo).containsExactly(bd("100000"));
        assertThat(p.maxProfit()).isNull();
        assertThat(p.maxLoss()).isEqualByComparingTo("100000"); // the index at zero
    }

    @Test
    void aShortPerpetualHedgeCountsLinearlyFromItsMark() {
        List<PricedLeg> legs = List.of(leg(OptionType.CALL, 100_000, Side.BUY, "1", "3000"),
                PricedLeg.ofPerpetual("BTCUSD", Side.SELL, bd("0.5"), bd("100000")));
        BigDecimal cost = PackageRisk.screen(legs).markCost();
        assertThat(cost).isEqualByComparingTo("-47000");
        PackageRisk.Payoff p = payoff(legs, cost.toPlainString());
        assertThat(p.maxProfit()).isNull(); // +1 call −0.5 perp: still long above the strike
        assertThat(p.maxLoss()).isEqualByComparingTo("3000");
        assertThat(p.breakevens()).usingElementComparator(BigDecimal::compareTo).containsExactly(bd("94000"), bd("106000"));
        assertThat(PackageRisk.pnlAtExpiry(legs, cost, BigDecimal.ZERO)).isEqualByComparingTo("47000");
    }

    @Test
    void calendarsAndPackagesWithoutOptionsHaveNoSingleExpiryPayoff() {
        List<PricedLeg> calendar = List.of(leg(OptionType.CALL, 100_000, EXPIRY, Side.SELL, "1", "3000"),
                leg(OptionType.CALL, 100_000, FAR, Side.BUY, "1", "6000"));
        assertThat(PackageRisk.payoff(calendar, bd("3000"))).isEmpty();
        assertThat(PackageRisk.payoff(List.of(PricedLeg.ofPerpetual("BTCUSD", Side.BUY, BigDecimal.ONE, bd("100000"))), BigDecimal.ZERO)).isEmpty();
        assertThat(PackageRisk.payoff(List.of(), BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void theScreenPricesBuyingAndSellingThePackageOnTheBookAndSumsSignedGreeks() {
        PricedLeg longPut = new PricedLeg("BTCUSD-25DEC26-90000-P", OptionType.PUT, bd("90000"), EXPIRY, Side.BUY, bd("2"),
                bd("300"), bd("280"), bd("320"), 0.6, -0.1, 0.00001, 20, -10);
        PricedLeg shortPut = new PricedLeg("BTCUSD-25DEC26-95000-P", OptionType.PUT, bd("95000"), EXPIRY, Side.SELL, bd("2"),
                bd("1000"), bd("970"), bd("1030"), 0.55, -0.25, 0.00002, 40, -25);
        PackageRisk.Screen s = PackageRisk.screen(List.of(longPut, shortPut));
        assertThat(s.markCost()).isEqualByComparingTo("-1400");     // 2 × (300 − 1000)
        assertThat(s.buyCost()).isEqualByComparingTo("-1300");      // 2 × (320 ask − 970 bid)
        assertThat(s.sellProceeds()).isEqualByComparingTo("-1500"); // 2 × (280 bid − 1030 ask): selling it pays 1,500
        assertThat(s.delta()).isCloseTo(2 * (-0.1 + 0.25), within(1e-12));
        assertThat(s.gamma()).isCloseTo(2 * (0.00001 - 0.00002), within(1e-15));
        assertThat(s.vega()).isCloseTo(-40, within(1e-9));
        assertThat(s.theta()).isCloseTo(30, within(1e-9));

        PricedLeg noBid = new PricedLeg(longPut.symbol(), OptionType.PUT, bd("90000"), EXPIRY, Side.BUY, bd("2"), bd("300"), null,
                bd("320"), 0.6, -0.1, 0, 0, 0);
        PackageRisk.Screen missing = PackageRisk.screen(List.of(noBid, shortPut));
        assertThat(missing.buyCost()).isEqualByComparingTo("-1300");
        assertThat(missing.sellProceeds()).isNull();
        PricedLeg noAskOnSold = new PricedLeg(shortPut.symbol(), OptionType.PUT, bd("95000"), EXPIRY, Side.SELL, bd("2"), bd("1000"),
                bd("970"), null, 0.55, 0, 0, 0, 0);
        assertThat(PackageRisk.screen(List.of(longPut, noAskOnSold)).sellProceeds()).isNull();
        assertThat(PackageRisk.screen(List.of(longPut, noAskOnSold)).buyCost()).isEqualByComparingTo("-1300");
    }

    @Test
    void aChainRowBecomesALegWithItsMarkBookIvAndGreeksPerContract() {
        OptionQuote q = new OptionQuote("BTCUSD-25DEC26-100000-C", bd("100000"), OptionType.CALL, EXPIRY, bd("4500"), bd("4450"),
                bd("3"), bd("4550"), bd("2"), 0.52, 0.51, 0.53, bd("100100"), bd("10"), bd("1"), 0.52, 0.000013, 114.2, -75.5);
        PricedLeg l = PricedLeg.ofOption(q, Side.SELL, bd("3"));
        assertThat(l.iv()).isEqualTo(0.52);
        assertThat(l.bid()).isEqualByComparingTo("4450");
        assertThat(l.vega()).isEqualTo(114.2);
        PackageRisk.Screen s = PackageRisk.screen(List.of(l));
        assertThat(s.vega()).isCloseTo(-342.6, within(1e-9));
        assertThat(s.theta()).isCloseTo(226.5, within(1e-9));
        assertThat(s.delta()).isCloseTo(-1.56, within(1e-12));

        OptionQuote noIv = new OptionQuote(q.symbol(), q.strike(), q.type(), EXPIRY, bd("4500"), null, null, null, null, null, null,
                null, null, null, null, 0, 0, 0, 0);
        assertThat(PricedLeg.ofOption(noIv, Side.BUY, BigDecimal.ONE).iv()).isNaN();
        OptionQuote noMark = new OptionQuote(q.symbol(), q.strike(), q.type(), EXPIRY, null, null, null, null, null, null, null,
                null, null, null, null, 0, 0, 0, 0);
        assertThatThrownBy(() -> PricedLeg.ofOption(noMark, Side.BUY, BigDecimal.ONE)).hasMessageContaining("no mark");
    }

    @Test
    void theChainsVegaAndThetaUnitsAgreeWithTheScenarioMatrices() {
        List<PricedLeg> legs = List.of(priced(OptionType.CALL, 100_000, Side.BUY, "1", 0.5), priced(OptionType.PUT, 95_000, Side.SELL, "2", 0.55));
        PackageRisk.Screen s = PackageRisk.screen(legs);
        double onePoint = PackageRisk.spotVol(legs, SPOT, NOW, new double[]{0}, new double[]{1}).pnl()[0][0];
        assertThat(onePoint).isCloseTo(s.vega(), within(Math.abs(s.vega()) * 0.01));
        double oneDay = PackageRisk.spotDays(legs, SPOT, NOW, new double[]{0}, new double[]{1}).pnl()[0][0];
        assertThat(oneDay).isCloseTo(s.theta(), within(Math.abs(s.theta()) * 0.03));
        double upSmall = PackageRisk.spotVol(legs, SPOT, NOW, new double[]{0.01}, new double[]{0}).pnl()[0][0];
        assertThat(upSmall).isCloseTo(s.delta() * SPOT * 0.0001, within(Math.abs(s.delta() * SPOT * 0.0001) * 0.01));
    }

    @Test
    void noMoveIsNoPnlAndALongStraddleGainsWithVolatility() {
        List<PricedLeg> straddle = List.of(priced(OptionType.CALL, 100_000, Side.BUY, "1", 0.5), priced(OptionType.PUT, 100_000, Side.BUY, "1", 0.5));
        double[] spots = {-10, 0, 10};
        double[] vols = {-10, 0, 10};
        PackageRisk.Matrix m = PackageRisk.spotVol(straddle, SPOT, NOW, spots, vols);
        assertThat(m.rowMoves()).containsExactly(spots);
        assertThat(m.columnMoves()).containsExactly(vols);
        assertThat(m.pnl()[1][1]).isCloseTo(0, within(1e-6));
        assertThat(m.pnl()[1][2]).isGreaterThan(1000);
        assertThat(m.pnl()[1][0]).isLessThan(-1000);
        assertThat(m.pnl()[0][1]).isGreaterThan(0); // long gamma: both big moves pay
        assertThat(m.pnl()[2][1]).isGreaterThan(0);

        // A mark off the model still gives zero at no move; the chain's IV is used, not re-solved.
        PricedLeg off = priced(OptionType.CALL, 100_000, Side.BUY, "1", 0.5);
        PricedLeg rich = new PricedLeg(off.symbol(), off.type(), off.strike(), EXPIRY, Side.BUY, BigDecimal.ONE, off.mark().add(bd("150")),
                null, null, 0.5, off.delta(), off.gamma(), off.vega(), off.theta());
        assertThat(PackageRisk.spotVol(List.of(rich), SPOT, NOW, new double[]{0}, new double[]{0}).pnl()[0][0]).isCloseTo(0, within(1e-9));
        assertThat(PackageRisk.spotVol(List.of(rich), SPOT, NOW, new double[]{0}, new double[]{5}).pnl()[0][0])
                .isCloseTo(PackageRisk.spotVol(List.of(off), SPOT, NOW, new double[]{0}, new double[]{5}).pnl()[0][0], within(1e-6));
    }

    @Test
    void aLegWithoutIvTakesItFromItsMarkAndOneThatCannotBeSolvedIsHeldAtMark() {
        PricedLeg withIv = priced(OptionType.CALL, 105_000, Side.BUY, "1", 0.6);
        PricedLeg solved = new PricedLeg(withIv.symbol(), OptionType.CALL, withIv.strike(), EXPIRY, Side.BUY, BigDecimal.ONE, withIv.mark(),
                null, null, Double.NaN, 0, 0, 0, 0);
        double[] spots = {-5, 0, 5};
        double[] vols = {-5, 5};
        double[][] expected = PackageRisk.spotVol(List.of(withIv), SPOT, NOW, spots, vols).pnl();
        double[][] actual = PackageRisk.spotVol(List.of(solved), SPOT, NOW, spots, vols).pnl();
        for (int r = 0; r < spots.length; r++) {
            for (int c = 0; c < vols.length; c++) {
                assertThat(actual[r][c]).isCloseTo(expected[r][c], within(0.05));
            }
        }
        // 100 USD for a call 20,000 in the money is below intrinsic: no volatility prices it.
        PricedLeg unsolvable = new PricedLeg("BTCUSD-25DEC26-80000-C", OptionType.CALL, bd("80000"), EXPIRY, Side.BUY, BigDecimal.ONE,
                bd("100"), null, null, Double.NaN, 0, 0, 0, 0);
        for (double[] row : PackageRisk.spotVol(List.of(unsolvable), SPOT, NOW, spots, vols).pnl()) {
            assertThat(row).containsOnly(0.0);
        }
    }

    @Test
    void volatilityNeverFallsBelowOnePercent() {
        PricedLeg low = priced(OptionType.CALL, 100_000, Side.BUY, "1", 0.03);
        double[][] pnl = PackageRisk.spotVol(List.of(low), SPOT, NOW, new double[]{0}, new double[]{-2, -5, -50}).pnl();
        assertThat(pnl[0][1]).isCloseTo(pnl[0][0], within(1e-9));
        assertThat(pnl[0][2]).isCloseTo(pnl[0][0], within(1e-9));
        double atOnePercent = BlackScholes.price(OptionType.CALL, SPOT, 100_000, YEARS, 0.01, 0)
                - BlackScholes.price(OptionType.CALL, SPOT, 100_000, YEARS, 0.03, 0);
        assertThat(pnl[0][0]).isCloseTo(atOnePercent, within(1e-6));
    }

    @Test
    void aDayPastExpiryTheMatrixIsThePayoffLessTheMarkCost() {
        List<PricedLeg> spread = List.of(priced(OptionType.CALL, 100_000, Side.BUY, "1", 0.5), priced(OptionType.CALL, 110_000, Side.SELL, "1", 0.5));
        BigDecimal markCost = PackageRisk.screen(spread).markCost();
        double[] spots = {-20, -5, 0, 3, 8, 20};
        PackageRisk.Matrix m = PackageRisk.spotDays(spread, SPOT, NOW, spots, new double[]{0, 10, 31});
        assertThat(m.pnl()[2][0]).isCloseTo(0, within(1e-6));
        for (int r = 0; r < spots.length; r++) {
            double s = SPOT * (1 + spots[r] / 100);
            double payoff = Math.max(s - 100_000, 0) - Math.max(s - 110_000, 0);
            assertThat(m.pnl()[r][2]).isCloseTo(payoff - markCost.doubleValue(), within(1e-6));
            assertThat(m.pnl()[r][2]).isCloseTo(PackageRisk.pnlAtExpiry(spread, markCost, BigDecimal.valueOf(s)).doubleValue(), within(1e-6));
        }
        PackageRisk.Payoff p = payoff(spread, markCost.toPlainString());
        assertThat(m.pnl()[5][2]).isCloseTo(p.maxProfit().doubleValue(), within(1e-6));
        assertThat(m.pnl()[0][2]).isCloseTo(-p.maxLoss().doubleValue(), within(1e-6));
        assertThat(m.pnl()[2][1]).isLessThan(0); // ten days of decay at the money on a debit spread
    }

    @Test
    void perpetualLegsMoveLinearlyWithTheIndex() {
        List<PricedLeg> legs = List.of(PricedLeg.ofPerpetual("BTCUSD", Side.SELL, bd("0.5"), bd("100050")));
        double[][] vol = PackageRisk.spotVol(legs, SPOT, NOW, new double[]{-10, 0, 10}, new double[]{0, 20}).pnl();
        assertThat(vol[0]).containsExactly(new double[]{5000, 5000}, within(1e-6));
        assertThat(vol[1]).containsExactly(new double[]{0, 0}, within(1e-6));
        assertThat(vol[2]).containsExactly(new double[]{-5000, -5000}, within(1e-6));
        assertThat(PackageRisk.spotDays(legs, SPOT, NOW, new double[]{10}, new double[]{400}).pnl()[0][0]).isCloseTo(-5000, within(1e-6));
        assertThat(PackageRisk.screen(legs).delta()).isEqualTo(-0.5);
    }

    @Test
    void theHedgeIsTheDeltaRoundedToTheStepOnTheOtherSide() {
        BigDecimal step = bd("0.01");
        assertThat(PackageRisk.hedgeQuantity(0.237, step, step)).isEqualByComparingTo("0.24");
        assertThat(PackageRisk.hedgeQuantity(-0.235, step, step)).isEqualByComparingTo("0.24");
        assertThat(PackageRisk.hedgeQuantity(-0.234, step, step)).isEqualByComparingTo("0.23");
        assertThat(PackageRisk.hedgeQuantity(1.26, bd("0.5"), step)).isEqualByComparingTo("1.5");
        assertThat(PackageRisk.hedgeQuantity(0.004, step, step)).isEqualByComparingTo("0");
        assertThat(PackageRisk.hedgeQuantity(0.006, bd("0.001"), step)).isEqualByComparingTo("0");
        assertThat(PackageRisk.hedgeQuantity(Double.NaN, step, step)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> PackageRisk.hedgeQuantity(1, BigDecimal.ZERO, step)).hasMessageContaining("step");
        assertThat(PackageRisk.hedgeSide(0.3)).isEqualTo(Side.SELL);
        assertThat(PackageRisk.hedgeSide(-0.3)).isEqualTo(Side.BUY);
    }

    private static PositionRisk position(String symbol, String base, Side side, String qty, String mark, double delta, double vega, double theta) {
        ProductType product = symbol.endsWith("-C") || symbol.endsWith("-P") ? ProductType.OPTION : ProductType.FUTURE;
        Position p = new Position("id-" + symbol, product, symbol, side, bd(qty), bd(mark), bd(mark), bd("100000"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, delta, 0.00002, vega, theta, NOW);
        return new PositionRisk(p, base, product == ProductType.OPTION ? EXPIRY : null, null, BigDecimal.ZERO,
                RiskGreeks.of(delta, 0.00002, vega, theta, 100_000));
    }

    @Test
    void theBookBecomesLegsSignedBySideWithGreeksPerContract() {
        List<PositionRisk> book = List.of(
                position("BTCUSD-25DEC26-97000-P", "BTC", Side.SELL, "2", "1200", 0.6, -160, 90),
                position("BTCUSD-25DEC26-105000-C", "BTC", Side.BUY, "1", "1500", 0.35, 95, -60),
                position("BTCUSD", "BTC", Side.SELL, "0.3", "100020", 0, 0, 0),
                position("ETHUSD-25DEC26-4000-C", "ETH", Side.BUY, "5", "100", 0.5, 3, -2));
        List<PricedLeg> legs = PricedLeg.fromBook(book, "BTC");
        assertThat(legs).extracting(PricedLeg::symbol).containsExactly("BTCUSD-25DEC26-97000-P", "BTCUSD-25DEC26-105000-C", "BTCUSD");
        PricedLeg put = legs.get(0);
        assertThat(put.side()).isEqualTo(Side.SELL);
        assertThat(put.quantity()).isEqualByComparingTo("2");
        assertThat(put.type()).isEqualTo(OptionType.PUT);
        assertThat(put.strike()).isEqualByComparingTo("97000");
        assertThat(put.expiry()).isEqualTo(EXPIRY);
        assertThat(put.delta()).isCloseTo(-0.3, within(1e-12));
        assertThat(put.vega()).isCloseTo(80, within(1e-12));
        assertThat(put.iv()).isNaN();
        assertThat(legs.get(1).side()).isEqualTo(Side.BUY);
        PricedLeg perp = legs.get(2);
        assertThat(perp.side()).isEqualTo(Side.SELL);
        assertThat(perp.isOption()).isFalse();
        assertThat(perp.delta()).isEqualTo(1);
        PackageRisk.Screen s = PackageRisk.screen(legs);
        assertThat(s.delta()).isCloseTo(0.6 + 0.35 - 0.3, within(1e-12)); // the exchange's position figures, back again
        assertThat(s.vega()).isCloseTo(-65, within(1e-9));
    }

    @Test
    void sellingAPutAddsTheRulesMarginAndMovesTheBook() {
        PricedLeg sellPut = leg(OptionType.PUT, 97_000, Side.SELL, "2", "1500");
        List<PositionRisk> book = List.of(position("BTCUSD", "BTC", Side.BUY, "1", "100000", 0, 0, 0));
        PackageRisk.Preview p = PackageRisk.preview(List.of(sellPut), book, "BTC", 100_000, bd("100000"), bd("20000"));
        // Per contract: max(15,000 − 3,000 out of the money, 10,000) + 1,500 mark = 13,500.
        assertThat(p.marginAdded()).isEqualByComparingTo("27000");
        assertThat(p.marginUsageAfter()).isEqualByComparingTo("0.47");
        assertThat(p.positions()).singleElement().satisfies(c -> {
            assertThat(c.symbol()).isEqualTo(sellPut.symbol());
            assertThat(c.now()).isEqualByComparingTo("0");
            assertThat(c.after()).isEqualByComparingTo("-2");
        });
        assertThat(p.now().delta()).isEqualTo(1); // the perpetual, whatever the exchange says its delta is
        assertThat(p.after().delta()).isEqualTo(1);

        PricedLeg deepOtm = leg(OptionType.PUT, 80_000, Side.SELL, "1", "100");
        assertThat(PackageRisk.preview(List.of(deepOtm), List.of(), "BTC", 100_000, bd("100000"), BigDecimal.ZERO).marginAdded())
                .isEqualByComparingTo("10100"); // the 10% floor + mark
        PricedLeg itmCall = leg(OptionType.CALL, 95_000, Side.SELL, "1", "6000");
        assertThat(PackageRisk.preview(List.of(itmCall), List.of(), "BTC", 100_000, bd("100000"), BigDecimal.ZERO).marginAdded())
                .isEqualByComparingTo("21000");
    }

    @Test
    void buyingBackAShortReleasesItsMarginAndBuyingOptionsNeedsNone() {
        List<PositionRisk> book = List.of(position("BTCUSD-25DEC26-97000-P", "BTC", Side.SELL, "2", "1500", 0.6, -160, 90));
        PricedLeg buyOne = new PricedLeg("BTCUSD-25DEC26-97000-P", OptionType.PUT, bd("97000"), EXPIRY, Side.BUY, BigDecimal.ONE, bd("1500"),
                null, null, Double.NaN, -0.3, 0.00001, 80, -45);
        PackageRisk.Preview half = PackageRisk.preview(List.of(buyOne), book, "BTC", 100_000, bd("100000"), bd("27000"));
        assertThat(half.marginAdded()).isEqualByComparingTo("-13500");
        assertThat(half.marginUsageAfter()).isEqualByComparingTo("0.135");
        assertThat(half.positions().getFirst().now()).isEqualByComparingTo("-2");
        assertThat(half.positions().getFirst().after()).isEqualByComparingTo("-1");
        assertThat(half.now().delta()).isCloseTo(0.6, within(1e-12));
        assertThat(half.after().delta()).isCloseTo(0.3, within(1e-12));
        assertThat(half.after().vega()).isCloseTo(-80, within(1e-9));
        assertThat(half.after().theta()).isCloseTo(45, within(1e-9));

        PricedLeg buyThree = leg(OptionType.PUT, 97_000, Side.BUY, "3", "1500");
        PackageRisk.Preview flipped = PackageRisk.preview(List.of(buyThree), book, "BTC", 100_000, bd("100000"), bd("27000"));
        assertThat(flipped.marginAdded()).isEqualByComparingTo("-27000");
        assertThat(flipped.positions().getFirst().after()).isEqualByComparingTo("1");

        PricedLeg otherPut = leg(OptionType.PUT, 95_000, Side.BUY, "1", "900");
        assertThat(PackageRisk.preview(List.of(otherPut), book, "BTC", 100_000, bd("100000"), bd("27000")).marginAdded()).isEqualByComparingTo("0");

        // Legs of one instrument net before margin is counted: sell 1 and buy 1 is no change.
        PricedLeg sellOne = leg(OptionType.PUT, 95_000, Side.SELL, "1", "900");
        assertThat(PackageRisk.preview(List.of(otherPut, sellOne), List.of(), "BTC", 100_000, bd("100000"), BigDecimal.ZERO).marginAdded())
                .isEqualByComparingTo("0");
    }

    @Test
    void perpetualsNeedTenPercentOfNotionalAndUsageNeedsEquity() {
        List<PositionRisk> book = List.of(position("BTCUSD", "BTC", Side.BUY, "1", "100000", 0, 0, 0));
        PricedLeg sell = PricedLeg.ofPerpetual("BTCUSD", Side.SELL, bd("0.4"), bd("100000"));
        PackageRisk.Preview reduce = PackageRisk.preview(List.of(sell), book, "BTC", 100_000, null, bd("10000"));
        assertThat(reduce.marginAdded()).isEqualByComparingTo("-4000");
        assertThat(reduce.marginUsageAfter()).isNull();
        PricedLeg buy = PricedLeg.ofPerpetual("BTCUSD", Side.BUY, bd("0.4"), bd("100000"));
        PackageRisk.Preview grow = PackageRisk.preview(List.of(buy), book, "BTC", 100_000, BigDecimal.ZERO, bd("10000"));
        assertThat(grow.marginAdded()).isEqualByComparingTo("4000");
        assertThat(grow.marginUsageAfter()).isNull();
        assertThat(grow.after().delta()).isCloseTo(1.4, within(1e-12));
    }

    @Test
    void aLegRefusesWhatCannotBePriced() {
        assertThatThrownBy(() -> leg(OptionType.CALL, 100_000, Side.BUY, "0", "100")).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PricedLeg("X", OptionType.CALL, null, EXPIRY, Side.BUY, BigDecimal.ONE, BigDecimal.ONE, null, null,
                Double.NaN, 0, 0, 0, 0)).hasMessageContaining("strike");
        assertThatThrownBy(() -> PricedLeg.ofPerpetual("BTCUSD", Side.BUY, BigDecimal.ONE, null)).hasMessageContaining("mark");
    }
}
