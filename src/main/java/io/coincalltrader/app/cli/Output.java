package io.coincalltrader.app.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import com.google.gson.internal.LazilyParsedNumber;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints results as aligned tables with units, or as JSON with exact decimals. */
final class Output {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .registerTypeAdapter(BigDecimal.class, (JsonSerializer<BigDecimal>) (v, t, c) ->
                    new JsonPrimitive(new LazilyParsedNumber(v.toPlainString())))
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (v, t, c) -> new JsonPrimitive(v.toString()))
            .create();

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    void json(Object value) {
        out.println(GSON.toJson(value));
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** A UTC time to the second, or a dash when absent. */
    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** A fixed-decimals number, or a dash when absent. */
    static String num(BigDecimal v, int decimals) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v.setScale(decimals, RoundingMode.HALF_EVEN));
    }

    static String num(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        // A value that rounds to zero is shown without a sign ("-0.000" reads like a short).
        return s.matches("-[0.,]+") ? s.substring(1) : s;
    }

    /** A signed amount, e.g. +1,250.50. */
    static String signed(BigDecimal v, int decimals) {
        return v == null ? "-" : (v.signum() > 0 ? "+" : "") + num(v, decimals);
    }

    static String pct(Double fraction) {
        return fraction == null || !Double.isFinite(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A text table: left-aligned text columns, right-aligned numeric ones (marked by a leading '>' in the header). */
    static final class Table {
        private final List<String> headers = new ArrayList<>();
        private final List<Boolean> right = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();

        Table(String... columns) {
            for (String c : columns) {
                boolean r = c.startsWith(">");
                headers.add(r ? c.substring(1) : c);
                right.add(r);
            }
        }

        Table row(Object... cells) {
            String[] r = new String[headers.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
            }
            rows.add(r);
            return this;
        }

        void print(Output o) {
            int[] widths = new int[headers.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = headers.get(i).length();
                for (String[] r : rows) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            o.line(format(headers.toArray(String[]::new), widths));
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
            }
            o.line(rule.toString());
            for (String[] r : rows) {
                o.line(format(r, widths));
            }
        }

        private String format(String[] cells, int[] widths) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                String pad = " ".repeat(widths[i] - cells[i].length());
                sb.append(right.get(i) ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
            }
            return sb.toString();
        }
    }
}
