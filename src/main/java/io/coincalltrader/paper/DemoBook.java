package io.coincalltrader.paper;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.paper.market.OptionListing;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.trading.PaperLedger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The book a new paper account starts with, so live P&L and Greeks show at once: a short BTC strangle (±10%, about
 * a month out), an ETH iron condor (about a week out), a long BTC call (+5%, the furthest expiry) and a long
 * BTC perpetual as a partial delta hedge. Entered at mark as maker fills.
 */
final class DemoBook {
    private DemoBook() {
    }

    static void enter(PaperMarket market, PaperLedger ledger, Instant now) {
        OptionListing strangleCall = near(market, "BTC", OptionType.CALL, 1.10, Duration.ofDays(25), now);
        OptionListing stranglePut = near(market, "BTC", OptionType.PUT, 0.90, Duration.ofDays(25), now);
        sell(market, ledger, strangleCall, "1", now);
        sell(market, ledger, stranglePut, "1", now);

        sell(market, ledger, near(market, "ETH", OptionType.PUT, 0.95, Duration.ofDays(6), now), "5", now);
        buy(market, ledger, near(market, "ETH", OptionType.PUT, 0.90, Duration.ofDays(6), now), "5", now);
        sell(market, ledger, near(market, "ETH", OptionType.CALL, 1.05, Duration.ofDays(6), now), "5", now);
        buy(market, ledger, near(market, "ETH", OptionType.CALL, 1.10, Duration.ofDays(6), now), "5", now);

        buy(market, ledger, near(market, "BTC", OptionType.CALL, 1.05, Duration.ofDays(3650), now), "0.5", now);
        ledger.fillDirect("BTCUSD", 1, new BigDecimal("0.2"), market.mark("BTCUSD", now), false, now, null);
    }

    private static void sell(PaperMarket market, PaperLedger ledger, OptionListing l, String qty, Instant now) {
        ledger.fillDirect(l.symbol(), 2, new BigDecimal(qty), market.mark(l.symbol(), now), false, now, null);
    }

    private static void buy(PaperMarket market, PaperLedger ledger, OptionListing l, String qty, Instant now) {
        ledger.fillDirect(l.symbol(), 1, new BigDecimal(qty), market.mark(l.symbol(), now), false, now, null);
    }

    /** The listing whose expiry is nearest the target tenor and whose strike is nearest moneyness × index. */
    private static OptionListing near(PaperMarket market, String coin, OptionType type, double moneyness, Duration tenor, Instant now) {
        List<OptionListing> all = market.options(coin).stream().filter(l -> l.name().type() == type).toList();
        Instant target = now.plus(tenor);
        Instant expiry = all.stream().map(l -> l.name().expiry())
                .min(Comparator.comparingLong(e -> Math.abs(Duration.between(e, target).toMinutes()))).orElseThrow();
        double strike = market.index(coin).doubleValue() * moneyness;
        return all.stream().filter(l -> l.name().expiry().equals(expiry))
                .min(Comparator.comparingDouble(l -> Math.abs(l.strike().doubleValue() - strike))).orElseThrow();
    }
}
