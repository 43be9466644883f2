package io.coincalltrader.exchange;

import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.MakerQuoteRequest;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;

import java.time.Instant;
import java.util.List;

/** Block trading by request for quote: as taker (create, quotes, accept, cancel) and as maker. */
public interface RfqGateway {

    /** Creates an RFQ. A single leg is sent as BUY (the exchange's rule); the direction is chosen at accept. */
    Rfq create(List<RfqLeg> legs);

    /** Quotes received on one RFQ (or on all when {@code requestId} is null). */
    List<RfqQuote> quotesReceived(String requestId);

    /** Executes a quote: every leg fills at once. Sent once; an unknown outcome is resolved with {@link #list}. */
    BlockTrade accept(String requestId, String quoteId);

    void cancel(String requestId);

    /** Our RFQs in a window, by state OPEN or CLOSED (null for both); role TAKER or MAKER. */
    List<Rfq> list(String requestId, String state, String role, Instant start, Instant end);

    /** Block trade details (ours), newest first; a null id lists the latest. */
    List<BlockTrade> blockTrades(String blockTradeId, int pageSize);

    /** Maker: quote on someone's RFQ. */
    RfqQuote createQuote(MakerQuoteRequest request);

    /** Maker: withdraw a quote. */
    void cancelQuote(String quoteId);

    /** Maker: withdraw every quote. */
    void cancelAllQuotes();

    /** Maker: our quotes, OPEN or CLOSED (null for both). */
    List<RfqQuote> myQuotes(String requestId, String state);
}
