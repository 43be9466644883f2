package io.coincalltrader.store;

import io.coincalltrader.domain.rfq.Rfq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An RFQ as recorded with every quote received for it (oldest first).
 *
 * @param packageMark the package's mark cost in USD when the RFQ was sent, for the structure as requested (positive
 *                    when it is paid for); null when not recorded
 * @param acceptedQuoteId the quote we decided to accept, recorded before the accept was sent; null if none
 * @param resultJson the outcome (block trade or reason), null while unknown
 * @param armedQuoteId the quote last armed for an accept (arm-then-confirm); a confirm of it may send the accept
 *                     without another durable write first, so until the result it counts as possibly accepted
 */
public record StoredRfq(Rfq rfq, BigDecimal packageMark, String acceptedQuoteId, Instant acceptedAt, String resultJson, List<StoredQuote> quotes,
                        String armedQuoteId) {
    public StoredRfq {
        quotes = List.copyOf(quotes);
    }

    /** An accept was sent but its outcome is not recorded: restart recovery must ask the exchange. */
    public boolean acceptOutcomeUnknown() {
        return acceptedQuoteId != null && resultJson == null;
    }

    /**
     * An accept may have been sent and no outcome is recorded: an accept intent, or a quote armed (whose confirm sends
     * at once). Restart recovery asks the exchange about it and never cancels the RFQ under it.
     */
    public boolean mayHaveAccepted() {
        return (acceptedQuoteId != null || armedQuoteId != null) && resultJson == null;
    }
}
