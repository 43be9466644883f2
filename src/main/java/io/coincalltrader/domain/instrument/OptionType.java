package io.coincalltrader.domain.instrument;

/** Call or put, with the one-letter code Coincall writes at the end of an option name. */
public enum OptionType {
    CALL('C'),
    PUT('P');

    private final char code;

    OptionType(char code) {
        this.code = code;
    }

    /** The letter in instrument names: C or P. */
    public char code() {
        return code;
    }

    /** Coincall's numeric {@code type} field: 1 call, 2 put. */
    public int wireCode() {
        return this == CALL ? 1 : 2;
    }

    public static OptionType fromCode(char c) {
        return switch (Character.toUpperCase(c)) {
            case 'C' -> CALL;
            case 'P' -> PUT;
            default -> throw new IllegalArgumentException("option type must be C or P, not '" + c + "'");
        };
    }

    public static OptionType fromWireCode(int code) {
        return switch (code) {
            case 1 -> CALL;
            case 2 -> PUT;
            default -> throw new IllegalArgumentException("option type code must be 1 or 2, not " + code);
        };
    }
}
