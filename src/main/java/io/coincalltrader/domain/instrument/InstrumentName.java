package io.coincalltrader.domain.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instrument name as Coincall writes it: options {@code BTCUSD-29OCT25-109000-C}, perpetuals {@code BTCUSD},
 * dated futures {@code BTCUSD-27MAR26} (our convention, see docs/API_NOTES.md) and spot pairs {@code BTCUSDT}.
 */
public sealed interface InstrumentName permits InstrumentName.Option, InstrumentName.Future, InstrumentName.Spot {

    /** Options, futures and spot expire and settle at 08:00 UTC. */
    int EXPIRY_HOUR_UTC = 8;

    /** The exact text the exchange uses. */
    String text();

    /** The base coin, e.g. BTC. */
    String base();

    /** The index the instrument settles against, e.g. BTCUSD. */
    default String index() {
        return base() + "USD";
    }

    /** Parses a name, refusing anything Coincall would not write with the reason. */
    static InstrumentName parse(String text) {
        return InstrumentNameParser.parse(text);
    }

    /** An option: base, expiry date, strike (its exchange text kept verbatim) and call/put. */
    record Option(String base, LocalDate expiryDate, String strikeText, OptionType type) implements InstrumentName {
        public Option {
            InstrumentNameParser.requireBase(base);
            InstrumentNameParser.requireStrike(strikeText);
        }

        public static Option of(String base, LocalDate expiry, BigDecimal strike, OptionType type) {
            return new Option(base, expiry, strike.stripTrailingZeros().toPlainString(), type);
        }

        public BigDecimal strike() {
            return new BigDecimal(strikeText);
        }

        /** Expiry instant: the expiry date at 08:00 UTC. */
        public Instant expiry() {
            return InstrumentNameParser.expiryInstant(expiryDate);
        }

        @Override
        public String text() {
            return base + "USD-" + InstrumentNameParser.formatDate(expiryDate) + "-" + strikeText + "-" + type.code();
        }

        /** The coin-only display form Coincall shows, e.g. BTC-29OCT25-109000-C. */
        public String displayName() {
            return base + "-" + InstrumentNameParser.formatDate(expiryDate) + "-" + strikeText + "-" + type.code();
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A perpetual (no delivery date) or a dated future. */
    record Future(String base, LocalDate deliveryDate) implements InstrumentName {
        public Future {
            InstrumentNameParser.requireBase(base);
        }

        public static Future perpetual(String base) {
            return new Future(base, null);
        }

        public boolean isPerpetual() {
            return deliveryDate == null;
        }

        /** Delivery instant (08:00 UTC), or null for a perpetual. */
        public Instant delivery() {
            return deliveryDate == null ? null : InstrumentNameParser.expiryInstant(deliveryDate);
        }

        @Override
        public String text() {
            return deliveryDate == null ? base + "USD" : base + "USD-" + InstrumentNameParser.formatDate(deliveryDate);
        }

        /** BTC-PERP for the perpetual, as Coincall displays it. */
        public String displayName() {
            return deliveryDate == null ? base + "-PERP" : base + "-" + InstrumentNameParser.formatDate(deliveryDate);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A spot pair, e.g. BTCUSDT. */
    record Spot(String base, String quote) implements InstrumentName {
        public Spot {
            InstrumentNameParser.requireBase(base);
            if (quote == null || !quote.equals("USDT")) {
                throw new InvalidInstrumentNameException(base + quote, "spot pairs are quoted in USDT");
            }
        }

        @Override
        public String index() {
            return base + "USD";
        }

        @Override
        public String text() {
            return base + quote;
        }

        public String displayName() {
            return base + "/" + quote;
        }

        @Override
        public String toString() {
            return text();
        }
    }
}

/** Parsing and formatting rules behind {@link InstrumentName}. */
final class InstrumentNameParser {
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final Pattern BASE = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern DATE = Pattern.compile("([1-9]|[12][0-9]|3[01])([A-Z]{3})([0-9]{2})");
    private static final Pattern STRIKE = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private InstrumentNameParser() {
    }

    static InstrumentName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInstrumentNameException(String.valueOf(text), "it is empty");
        }
        if (!text.equals(text.trim())) {
            throw new InvalidInstrumentNameException(text, "it has leading or trailing spaces");
        }
        if (!text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new InvalidInstrumentNameException(text, "Coincall writes names in upper case");
        }
        String[] parts = text.split("-", -1);
        return switch (parts.length) {
            case 1 -> parseSingle(text);
            case 2 -> new InstrumentName.Future(baseOfIndex(text, parts[0]), parseDate(text, parts[1]));
            case 4 -> parseOption(text, parts);
            default -> throw new InvalidInstrumentNameException(text,
                    "expected BASEUSD-DMMMYY-STRIKE-C|P, BASEUSD, BASEUSD-DMMMYY or BASEUSDT");
        };
    }

    private static InstrumentName parseSingle(String text) {
        if (text.endsWith("USDT") && text.length() > 4) {
            String base = text.substring(0, text.length() - 4);
            requireBase(text, base);
            return new InstrumentName.Spot(base, "USDT");
        }
        return InstrumentName.Future.perpetual(baseOfIndex(text, text));
    }

    private static InstrumentName.Option parseOption(String text, String[] parts) {
        String base = baseOfIndex(text, parts[0]);
        LocalDate date = parseDate(text, parts[1]);
        if (!STRIKE.matcher(parts[2]).matches()) {
            throw new InvalidInstrumentNameException(text, "strike '" + parts[2] + "' is not a positive number");
        }
        if (new BigDecimal(parts[2]).signum() <= 0) {
            throw new InvalidInstrumentNameException(text, "strike must be above zero");
        }
        if (parts[3].length() != 1 || (parts[3].charAt(0) != 'C' && parts[3].charAt(0) != 'P')) {
            throw new InvalidInstrumentNameException(text, "the last part must be C (call) or P (put), not '" + parts[3] + "'");
        }
        return new InstrumentName.Option(base, date, parts[2], OptionType.fromCode(parts[3].charAt(0)));
    }

    private static String baseOfIndex(String text, String index) {
        if (!index.endsWith("USD") || index.length() <= 3) {
            throw new InvalidInstrumentNameException(text, "the index part '" + index + "' must be a coin followed by USD, e.g. BTCUSD");
        }
        String base = index.substring(0, index.length() - 3);
        requireBase(text, base);
        return base;
    }

    private static LocalDate parseDate(String text, String token) {
        Matcher m = DATE.matcher(token);
        if (!m.matches()) {
            throw new InvalidInstrumentNameException(text,
                    "expiry '" + token + "' must be day, month, year like 9AUG25 or 29OCT25 (no leading zero)");
        }
        int month = -1;
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(m.group(2))) {
                month = i + 1;
            }
        }
        if (month < 0) {
            throw new InvalidInstrumentNameException(text, "'" + m.group(2) + "' is not a month (JAN…DEC)");
        }
        int day = Integer.parseInt(m.group(1));
        int year = 2000 + Integer.parseInt(m.group(3));
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            throw new InvalidInstrumentNameException(text, "expiry '" + token + "' is not a calendar date");
        }
    }

    static void requireBase(String base) {
        requireBase(base, base);
    }

    private static void requireBase(String text, String base) {
        if (base == null || !BASE.matcher(base).matches()) {
            throw new InvalidInstrumentNameException(String.valueOf(text), "coin '" + base + "' must be 2 to 10 upper-case letters or digits");
        }
    }

    static void requireStrike(String strikeText) {
        if (strikeText == null || !STRIKE.matcher(strikeText).matches() || new BigDecimal(strikeText).signum() <= 0) {
            throw new InvalidInstrumentNameException(String.valueOf(strikeText), "strike must be a positive number");
        }
    }

    static String formatDate(LocalDate date) {
        return date.getDayOfMonth() + MONTHS[date.getMonthValue() - 1] + String.format(Locale.ROOT, "%02d", date.getYear() % 100);
    }

    static Instant expiryInstant(LocalDate date) {
        return ZonedDateTime.of(date.atTime(InstrumentName.EXPIRY_HOUR_UTC, 0), ZoneOffset.UTC).toInstant();
    }
}
