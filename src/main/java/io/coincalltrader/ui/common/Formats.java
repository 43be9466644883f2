package io.coincalltrader.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Number and time formats for every screen: fixed decimals, thousands separators, explicit signs, units. The
 * grouping and decimal marks follow the trader's choice ({@link #use(Style)}, a display preference set once from
 * the settings, like a default locale; read on the FX thread).
 */
public final class Formats {
    /** How numbers are written: 1,234.56 / 1 234.56 / 1.234,56 / 1234.56. */
    public enum Style {
        COMMA_POINT("1,234.56", ',', '.', true),
        SPACE_POINT("1 234.56", '\u2009', '.', true),
        POINT_COMMA("1.234,56", '.', ',', true),
        PLAIN("1234.56", ',', '.', false);

        private final String example;
        private final char grouping;
        private final char decimal;
        private final boolean grouped;

        Style(String example, char grouping, char decimal, boolean grouped) {
            this.example = example;
            this.grouping = grouping;
            this.decimal = decimal;
            this.grouped = grouped;
        }

        @Override
        public String toString() {
            return example;
        }
    }

    private static volatile Style style = Style.COMMA_POINT;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    public static final String DASH = "–";

    private Formats() {
    }

    /** Sets how numbers are written from now on (the views redraw). */
    public static void use(Style s) {
        style = s;
    }

    public static Style style() {
        return style;
    }

    /**
     * Formats already built, per thread (a DecimalFormat is not thread-safe): building one parses its pattern, and a
     * screen formats thousands of numbers a second. Keyed by style, decimals and sign.
     */
    private static final ThreadLocal<java.util.Map<Integer, DecimalFormat>> BUILT = ThreadLocal.withInitial(java.util.HashMap::new);

    private static DecimalFormat pattern(int decimals, boolean signed) {
        Style st = style;
        return BUILT.get().computeIfAbsent((st.ordinal() * 64 + decimals) * 2 + (signed ? 1 : 0), k -> build(st, decimals, signed));
    }

    private static DecimalFormat build(Style st, int decimals, boolean signed) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(st.grouping);
        symbols.setDecimalSeparator(st.decimal);
        String p = (st.grouped ? "#,##0" : "0") + (decimals > 0 ? "." + "0".repeat(decimals) : "");
        DecimalFormat f = new DecimalFormat(signed ? "+" + p + ";-" + p : p, symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /** 12,345.68 — a dash when absent. */
    public static String number(BigDecimal v, int decimals) {
        return v == null ? DASH : pattern(decimals, false).format(v);
    }

    public static String number(double v, int decimals) {
        return Double.isFinite(v) ? pattern(decimals, false).format(v) : DASH;
    }

    /** +1,234.50 / -1,234.50 / 0.00 for P&L. */
    public static String signed(BigDecimal v, int decimals) {
        if (v == null) {
            return DASH;
        }
        return v.setScale(decimals, RoundingMode.HALF_UP).signum() == 0 ? pattern(decimals, false).format(BigDecimal.ZERO)
                : pattern(decimals, true).format(v);
    }

    public static String signed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        return signed(BigDecimal.valueOf(v), decimals);
    }

    /** The value as shown with these decimals: what a sign colour must follow ("-0.0%" is shown, and coloured, as 0). */
    public static double shown(double v, int decimals) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue() : 0;
    }

    public static BigDecimal shown(BigDecimal v, int decimals) {
        return v == null ? null : v.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** +12.3% from a fraction. */
    public static String percent(double fraction, int decimals) {
        return Double.isFinite(fraction) ? signed(fraction * 100, decimals) + "%" : DASH;
    }

    /** 62.6% from a fraction, unsigned: for levels (IV, margin usage) rather than changes. */
    public static String share(double fraction, int decimals) {
        return Double.isFinite(fraction) ? number(fraction * 100, decimals) + "%" : DASH;
    }

    /** A size without trailing zeros: 0.5, 12, 0.001. */
    public static String size(BigDecimal v) {
        return v == null ? DASH : v.stripTrailingZeros().toPlainString();
    }

    public static String time(Instant t) {
        return t == null ? DASH : TIME.format(t);
    }

    public static String dateTime(Instant t) {
        return t == null ? DASH : DATE_TIME.format(t);
    }

    /** "3 s", "2 min", "1 h 5 min" — for ages. */
    public static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** Days to expiry with one decimal below ten days. */
    public static String daysToExpiry(Instant expiry, Instant now) {
        if (expiry == null) {
            return DASH;
        }
        double days = Duration.between(now, expiry).toMinutes() / 1440.0;
        return days < 10 ? number(Math.max(0, days), 1) : number(Math.floor(days), 0);
    }
}
