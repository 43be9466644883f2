package io.coincalltrader.paper;

/** A refusal the paper exchange answers with Coincall's envelope: the code and its message. */
public final class PaperError extends RuntimeException {
    private final int code;

    public PaperError(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
