package io.coincalltrader.exchange;

import com.google.gson.JsonElement;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.MakerQuoteRequest;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coincall's block-trade RFQ endpoints. Request accept and cancel go form-encoded (what the exchange accepted
 * live); if it refuses the encoding itself (10004/10567 — proof nothing executed) they are sent once more as JSON.
 */
final class CoincallRfq implements RfqGateway {
    private static final Logger log = LoggerFactory.getLogger(CoincallRfq.class);
    private final RestTransport http;

    CoincallRfq(RestTransport http) {
        this.http = http;
    }

    @Override
    public Rfq create(List<RfqLeg> legs) {
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("an RFQ needs at least one leg");
        }
        List<Map<String, Object>> wire = new ArrayList<>();
        for (RfqLeg leg : legs) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("instrumentName", leg.instrumentName());
            // A single-leg RFQ must be submitted as BUY; the direction is picked when accepting a quote.
            l.put("side", legs.size() == 1 ? Side.BUY.name() : leg.side().name());
            l.put("qty", leg.quantity().toPlainString());
            wire.add(l);
        }
        return RfqMapper.rfq(http.write("POST", "/open/option/blocktrade/request/create/v1", Map.of("legs", wire), Encoding.JSON, RateBucket.PLACE));
    }

    @Override
    public List<RfqQuote> quotesReceived(String requestId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("requestId", requestId);
        // RFQ reads share one bucket apart from positions and open orders, which a busy desk keeps full.
        return RfqMapper.quotes(http.read("/open/option/blocktrade/request/getQuotesReceived/v1", q, RateBucket.HISTORY, true));
    }

    @Override
    public BlockTrade accept(String requestId, String quoteId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("requestId", requestId);
        params.put("quoteId", quoteId);
        return RfqMapper.blockTrade(formThenJson("/open/option/blocktrade/request/accept/v1", params, RateBucket.PLACE));
    }

    @Override
    public void cancel(String requestId) {
        formThenJson("/open/option/blocktrade/request/cancel/v1", Map.of("requestId", requestId), RateBucket.CANCEL);
    }

    private JsonElement formThenJson(String path, Map<String, Object> params, RateBucket bucket) {
        try {
            return http.write("POST", path, params, Encoding.FORM, bucket);
        } catch (ExchangeRejectedException e) {
            if (!ErrorCodes.isEncodingRefusal(e.code())) {
                throw e;
            }
            log.info("{} refused the form encoding (code {}); sending it as JSON", path, e.code());
            return http.write("POST", path, params, Encoding.JSON, bucket);
        }
    }

    @Override
    public List<Rfq> list(String requestId, String state, String role, Instant start, Instant end) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("requestId", requestId);
        q.put("state", state);
        q.put("role", role);
        q.put("startTime", start == null ? null : start.toEpochMilli());
        q.put("endTime", end == null ? null : end.toEpochMilli());
        return RfqMapper.rfqList(http.read("/open/option/blocktrade/rfqList/v1", q, RateBucket.HISTORY, true));
    }

    @Override
    public List<BlockTrade> blockTrades(String blockTradeId, int pageSize) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("blocktradeId", blockTradeId);
        q.put("pageSize", Math.min(Math.max(pageSize, 1), 49));
        return RfqMapper.blockTrades(http.read("/open/option/blocktrade/trade-detail/private/v1", q, RateBucket.HISTORY, true));
    }

    @Override
    public RfqQuote createQuote(MakerQuoteRequest request) {
        List<Map<String, Object>> legs = new ArrayList<>();
        for (QuoteLeg leg : request.legs()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("instrumentName", leg.instrumentName());
            l.put("price", leg.price().toPlainString());
            l.put("side", leg.makerSide() == null ? null : leg.makerSide().name());
            l.put("quantity", leg.quantity() == null ? null : leg.quantity().toPlainString());
            legs.add(l);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", request.requestId());
        body.put("quoteSide", request.quoteSide() == null ? null : request.quoteSide().name());
        body.put("legs", legs);
        return RfqMapper.quote(JsonFields.object(http.write("POST", "/open/option/blocktrade/quote/create/v1", body, Encoding.JSON, RateBucket.PLACE), "quote"));
    }

    @Override
    public void cancelQuote(String quoteId) {
        http.write("POST", "/open/option/blocktrade/quote/cancel/v1", Map.of("quoteId", quoteId), Encoding.JSON, RateBucket.CANCEL);
    }

    @Override
    public void cancelAllQuotes() {
        http.write("POST", "/open/option/blocktrade/quote/cancel-all/v1", Map.of(), Encoding.FORM, RateBucket.CANCEL);
    }

    @Override
    public List<RfqQuote> myQuotes(String requestId, String state) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("requestId", requestId);
        q.put("state", state);
        return RfqMapper.quotes(http.read("/open/option/blocktrade/list-quote/v1", q, RateBucket.HISTORY, true));
    }
}
