package io.coincalltrader.domain.instrument;

/** A text that is not an instrument name Coincall would write; the message says why. */
public final class InvalidInstrumentNameException extends IllegalArgumentException {
    private final String text;

    public InvalidInstrumentNameException(String text, String reason) {
        super("'" + text + "' is not a valid instrument name: " + reason);
        this.text = text;
    }

    /** The text that was refused. */
    public String text() {
        return text;
    }
}
