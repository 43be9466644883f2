package io.coincalltrader.paper.trading;

import java.math.BigDecimal;

/**
 * The paper exchange's margin rule (docs/PAPER_EXCHANGE.md). Short options: initial margin per contract is
 * max(15% of index − out-of-the-money amount, 10% of index) + mark; maintenance is 70% of that. Long options need
 * no margin (the premium is paid). Perpetuals and spot-style holdings: 10% initial, 5% maintenance of notional.
 */
final class Margin {
    private static final BigDecimal IM_OPTION = new BigDecimal("0.15");
    private static final BigDecimal IM_OPTION_FLOOR = new BigDecimal("0.10");
    private static final BigDecimal MM_OF_IM = new BigDecimal("0.7");
    private static final BigDecimal IM_FUTURE = new BigDecimal("0.10");
    private static final BigDecimal MM_FUTURE = new BigDecimal("0.05");

    private Margin() {
    }

    /** Initial margin of a short option position of {@code qty} contracts (qty > 0). */
    static BigDecimal shortOptionInitial(BigDecimal qty, BigDecimal index, BigDecimal strike, boolean call, BigDecimal mark) {
        BigDecimal otm = (call ? strike.subtract(index) : index.subtract(strike)).max(BigDecimal.ZERO);
        BigDecimal perContract = index.multiply(IM_OPTION).subtract(otm).max(index.multiply(IM_OPTION_FLOOR)).add(mark);
        return perContract.multiply(qty);
    }

    static BigDecimal maintenanceOfOption(BigDecimal initial) {
        return initial.multiply(MM_OF_IM);
    }

    static BigDecimal futureInitial(BigDecimal qty, BigDecimal price) {
        return qty.abs().multiply(price).multiply(IM_FUTURE);
    }

    static BigDecimal futureMaintenance(BigDecimal qty, BigDecimal price) {
        return qty.abs().multiply(price).multiply(MM_FUTURE);
    }
}
