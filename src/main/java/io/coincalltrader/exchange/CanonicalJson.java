package io.coincalltrader.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes request values as compact JSON exactly once, so the body on the wire and the signature's pre-hash carry
 * the same text (docs/API_NOTES.md §Signing). Maps keep their insertion order, null values are dropped at every
 * depth, BigDecimal is written in plain notation (never {@code 1E+3}) and booleans as {@code true}/{@code false}.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /** Compact JSON for a value (map, list, string, number, boolean). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        append(out, value);
        return out.toString();
    }

    /** The text of a top-level parameter in the pre-hash and in a query or form: raw strings, JSON for the rest. */
    public static String paramText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return write(value);
        }
        return scalar(value);
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(out, s);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() == null) {
                        continue;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(out, String.valueOf(e.getKey()));
                    out.append(':');
                    append(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (item == null) {
                        continue;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    append(out, item);
                }
                out.append(']');
            }
            default -> out.append(scalar(value));
        }
    }

    private static String scalar(Object value) {
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case Double d -> BigDecimal.valueOf(d).toPlainString();
            case Float f -> new BigDecimal(Float.toString(f)).toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Enum<?> e -> e.name();
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " into a request");
        };
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
