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
 */
public record StoredRfq(Rfq rfq, BigDecimal packageMark, String acceptedQuoteId, Instant acceptedAt, String resultJson, List<StoredQuote> quotes) {
    public StoredRfq {
        quotes = List.copyOf(quotes);
    }

    /** An accept was sent but its outcome is not recorded: restart recovery must ask the exchange. */
    public boolean acceptOutcomeUnknown() {
        return acceptedQuoteId != null && resultJson == null;
    }
}
