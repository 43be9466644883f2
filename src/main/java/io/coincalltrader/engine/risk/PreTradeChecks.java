package io.coincalltrader.engine.risk;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.domain.order.OrderRequest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks an order against the exchange's rules and the trader's limits before anything is sent. Every refusal
 * names the limit and says by how much it is missed; all failing checks are reported at once.
 */
public final class PreTradeChecks {
    private final RiskLimits limits;

    public PreTradeChecks(RiskLimits limits) {
        this.limits = limits;
    }

    /** All reasons to refuse the order; empty when it may be sent. */
    public List<Refusal> check(OrderContext ctx, Instant now) {
        List<Refusal> out = new ArrayList<>();
        OrderRequest r = ctx.request();
        InstrumentSpec spec = ctx.instrument().spec();
        BigDecimal qty = r.quantity();
        if (!spec.isOnLot(qty)) {
            out.add(new Refusal(Refusal.Check.SIZE_STEP, "Size " + plain(qty) + " is not a multiple of the size step " + plain(spec.lotSize())
                    + "; nearest valid size " + plain(spec.roundDownToLot(qty).max(spec.lotSize()))));
        }
        if (qty.compareTo(spec.minSize()) < 0) {
            out.add(new Refusal(Refusal.Check.MINIMUM_SIZE, "Size " + plain(qty) + " is below the minimum of " + plain(spec.minSize())));
        }
        if (r.price() != null && !spec.isOnTick(r.price())) {
            out.add(new Refusal(Refusal.Check.PRICE_TICK, "Price " + plain(r.price()) + " is not on the tick of " + plain(spec.tickSize())
                    + "; nearest " + plain(spec.roundToTick(r.price(), RoundingMode.HALF_UP).max(spec.tickSize()))));
        }
        if (qty.compareTo(limits.maxOrderQuantity()) > 0) {
            out.add(new Refusal(Refusal.Check.MAXIMUM_SIZE, "Size " + plain(qty) + " is above your per-order limit of "
                    + plain(limits.maxOrderQuantity()) + " by " + plain(qty.subtract(limits.maxOrderQuantity()))));
        }
        BigDecimal notional = notional(ctx);
        if (notional != null && notional.compareTo(limits.maxOrderNotionalUsd()) > 0) {
            out.add(new Refusal(Refusal.Check.MAXIMUM_NOTIONAL, "Notional " + usd(notional) + " is above your per-order limit of "
                    + usd(limits.maxOrderNotionalUsd()) + " by " + usd(notional.subtract(limits.maxOrderNotionalUsd()))));
        }
        checkMark(ctx, now, out);
        if (!r.reduceOnly() && ctx.requiredMargin() != null && ctx.availableMargin() != null
                && ctx.requiredMargin().compareTo(ctx.availableMargin()) > 0) {
            out.add(new Refusal(Refusal.Check.MARGIN, "Needs about " + usd(ctx.requiredMargin()) + " of margin, "
                    + usd(ctx.requiredMargin().subtract(ctx.availableMargin())) + " more than the " + usd(ctx.availableMargin()) + " available"));
        }
        return out;
    }

    private void checkMark(OrderContext ctx, Instant now, List<Refusal> out) {
        OrderRequest r = ctx.request();
        if (ctx.mark() == null || ctx.markTime() == null) {
            out.add(new Refusal(Refusal.Check.STALE_MARK, "No mark price for " + r.symbol() + ": market data unavailable"));
            return;
        }
        Duration age = Duration.between(ctx.markTime(), now);
        if (age.compareTo(limits.maxMarkAge()) > 0) {
            out.add(new Refusal(Refusal.Check.STALE_MARK, "Market data stale: the mark of " + r.symbol() + " is " + age.toSeconds()
                    + " s old (limit " + limits.maxMarkAge().toSeconds() + " s)"));
            return;
        }
        if (r.price() == null) {
            return;
        }
        BigDecimal band = ctx.mark().multiply(limits.priceBandFraction()).max(limits.minPriceBandUsd());
        BigDecimal distance = r.price().subtract(ctx.mark());
        if (distance.abs().compareTo(band) > 0) {
            BigDecimal pct = ctx.mark().signum() == 0 ? null
                    : distance.abs().divide(ctx.mark(), MathContext.DECIMAL64).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
            out.add(new Refusal(Refusal.Check.PRICE_BAND, "Price " + plain(r.price()) + " is " + usd(distance.abs())
                    + (pct == null ? "" : " (" + pct.toPlainString() + "%)") + (distance.signum() > 0 ? " above" : " below")
                    + " the mark " + plain(ctx.mark()) + "; the band is ±" + usd(band)));
        }
    }

    /** Options: size × index (the underlying controlled); futures and spot: size × price (or mark). */
    static BigDecimal notional(OrderContext ctx) {
        BigDecimal qty = ctx.request().quantity();
        if (ctx.instrument() instanceof Instrument.Option) {
            return ctx.indexPrice() == null ? null : qty.multiply(ctx.indexPrice());
        }
        BigDecimal price = ctx.request().price() != null ? ctx.request().price() : ctx.mark();
        return price == null ? null : qty.multiply(price);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String usd(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v) + " USD";
    }
}
