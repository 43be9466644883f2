package io.coincalltrader.exchange;

import com.google.gson.JsonParser;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import io.coincalltrader.domain.rfq.RfqLeg;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Request shape on the wire: paths, headers, signatures, content types and bodies. */
class CoincallClientRequestTest {
    private MockExchange ex;

    @BeforeEach
    void start() throws Exception {
        ex = new MockExchange();
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    @Test
    void placesAnOptionOrderAsSignedJson() throws Exception {
        ex.ok("1983060031318396928");
        long id = ex.client.orders().place(new OrderRequest(ProductType.OPTION, "BTCUSD-27MAR26-100000-C", Side.SELL,
                OrderType.LIMIT, new BigDecimal("0.5"), new BigDecimal("1250.5"), TimeInForce.GTC, 1767225600001L, false, null));
        assertThat(id).isEqualTo(1983060031318396928L);

        RecordedRequest r = ex.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/open/option/order/create/v1");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        String body = r.getBody().string(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"symbol\":\"BTCUSD-27MAR26-100000-C\",\"tradeSide\":2,\"tradeType\":1,\"qty\":0.5,"
                + "\"price\":1250.5,\"timeInForce\":\"GTC\",\"clientOrderId\":1767225600001}");
        assertSignedOver(r, "POST", "/open/option/order/create/v1", topLevelTexts(body));
    }

    @Test
    void getParametersAreSortedInThePreHashWhateverTheirOrderOnTheWire() throws Exception {
        ex.ok("{\"list\":[],\"pageTotal\":0,\"total\":0}");
        ex.client.orders().openOrders(ProductType.OPTION, "BTC");
        RecordedRequest r = ex.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/open/option/order/pending/v1");
        assertThat(r.getUrl().queryParameter("currency")).isEqualTo("BTC");
        assertThat(r.getUrl().queryParameter("page")).isEqualTo("1");
        Map<String, String> params = new TreeMap<>();
        for (String name : r.getUrl().queryParameterNames()) {
            params.put(name, r.getUrl().queryParameter(name));
        }
        assertSignedOver(r, "GET", "/open/option/order/pending/v1", params);
    }

    @Test
    void acceptsAQuoteFormEncodedAndFallsBackToJsonWhenTheEncodingIsRefused() throws Exception {
        ex.error(10567, "invalid content_type");
        ex.ok(blockTradeJson());
        var trade = ex.client.rfq().accept("1983130719395909632", "1983131007357546497");
        assertThat(trade.legs()).hasSize(2);

        RecordedRequest form = ex.take();
        assertThat(form.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form.getBody().string(StandardCharsets.UTF_8)).isEqualTo("requestId=1983130719395909632&quoteId=1983131007357546497");
        assertSignedOver(form, "POST", "/open/option/blocktrade/request/accept/v1",
                Map.of("requestId", "1983130719395909632", "quoteId", "1983131007357546497"));
        RecordedRequest json = ex.take();
        assertThat(json.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(json.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"requestId\":\"1983130719395909632\",\"quoteId\":\"1983131007357546497\"}");
    }

    @Test
    void acceptIsNotResentWhenTheRefusalIsAboutTheQuote() {
        ex.error(50014, "quote not valid");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ex.client.rfq().accept("1", "2"))
                .isInstanceOf(ExchangeRejectedException.class).hasMessageContaining("no longer valid");
        assertThat(ex.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSingleLegRfqIsSubmittedAsBuyAndSpreadsKeepTheirSides() throws Exception {
        String rfq = "{\"requestId\":\"1983060031318396928\",\"createTime\":1,\"expiryTime\":3600001,\"legs\":[],\"state\":\"ACTIVE\"}";
        ex.ok(rfq);
        ex.ok(rfq);
        ex.client.rfq().create(List.of(new RfqLeg("BTCUSD-27MAR26-100000-C", Side.SELL, new BigDecimal("1"))));
        ex.client.rfq().create(List.of(new RfqLeg("BTCUSD-27MAR26-100000-C", Side.BUY, new BigDecimal("0.5")),
                new RfqLeg("BTCUSD-27MAR26-90000-P", Side.SELL, new BigDecimal("0.5"))));
        assertThat(ex.take().getBody().string(StandardCharsets.UTF_8))
                .isEqualTo("{\"legs\":[{\"instrumentName\":\"BTCUSD-27MAR26-100000-C\",\"side\":\"BUY\",\"qty\":\"1\"}]}");
        RecordedRequest spread = ex.take();
        assertThat(spread.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"legs\":[{\"instrumentName\":\"BTCUSD-27MAR26-100000-C\","
                + "\"side\":\"BUY\",\"qty\":\"0.5\"},{\"instrumentName\":\"BTCUSD-27MAR26-90000-P\",\"side\":\"SELL\",\"qty\":\"0.5\"}]}");
        assertSignedOver(spread, "POST", "/open/option/blocktrade/request/create/v1",
                Map.of("legs", "[{\"instrumentName\":\"BTCUSD-27MAR26-100000-C\",\"side\":\"BUY\",\"qty\":\"0.5\"},"
                        + "{\"instrumentName\":\"BTCUSD-27MAR26-90000-P\",\"side\":\"SELL\",\"qty\":\"0.5\"}]"));
    }

    @Test
    void batchesAreChunkedAtTwenty() throws Exception {
        List<OrderRequest> orders = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            orders.add(OrderRequest.limit(ProductType.OPTION, "BTCUSD-27MAR26-100000-C", Side.BUY, new BigDecimal("0.1"), new BigDecimal("5"), 1000 + i));
        }
        for (int chunk : new int[]{20, 20, 5}) {
            StringBuilder items = new StringBuilder("[");
            for (int i = 0; i < chunk; i++) {
                items.append(i == 0 ? "" : ",").append(i == 1 ? "{\"code\":10558,\"msg\":\"less.than.min.amount\",\"data\":null}"
                        : "{\"code\":0,\"msg\":\"success\",\"data\":" + (5000 + i) + "}");
            }
            ex.ok(items.append("]").toString());
        }
        var results = ex.client.orders().placeBatch(orders);
        assertThat(results).hasSize(45);
        assertThat(results.get(1).ok()).isFalse();
        assertThat(results.get(1).code()).isEqualTo(10558);
        assertThat(results.get(1).clientOrderId()).isEqualTo(1001L);
        assertThat(results.get(44).orderId()).isEqualTo(5004L);
        for (int expected : new int[]{20, 20, 5}) {
            var body = JsonParser.parseString(ex.take().getBody().string(StandardCharsets.UTF_8)).getAsJsonObject();
            assertThat(body.getAsJsonArray("orders")).hasSize(expected);
        }
    }

    @Test
    void reduceOnlyFuturesStopOrderCarriesItsTrigger() throws Exception {
        ex.ok("77");
        ex.client.orders().place(new OrderRequest(ProductType.FUTURE, "BTCUSD", Side.SELL, OrderType.STOP_MARKET,
                new BigDecimal("0.010"), null, null, 42L, true, new BigDecimal("90000")));
        RecordedRequest r = ex.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/open/futures/order/create/v1");
        assertThat(r.getBody().string(StandardCharsets.UTF_8))
                .isEqualTo("{\"symbol\":\"BTCUSD\",\"tradeSide\":2,\"tradeType\":5,\"qty\":0.010,\"clientOrderId\":42,\"reduceOnly\":1,\"triggerPrice\":90000}");
    }

    @Test
    void queryByClientOrderIdThatTheExchangeDoesNotKnowIsEmpty() throws Exception {
        ex.error(10584, "order does not exist");
        assertThat(ex.client.orders().byClientOrderId(ProductType.OPTION, 99L)).isEmpty();
        RecordedRequest r = ex.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/open/option/order/singleQuery/v1");
        assertThat(r.getUrl().queryParameter("clientOrderId")).isEqualTo("99");
    }

    @Test
    void publicCallsAreUnsigned() throws Exception {
        ex.ok("{\"serverTime\":1687250525704}");
        assertThat(ex.client.serverTime().toEpochMilli()).isEqualTo(1687250525704L);
        RecordedRequest r = ex.take();
        assertThat(r.getHeaders().get("sign")).isNull();
        assertThat(r.getHeaders().get("X-CC-APIKEY")).isNull();
    }

    static void assertSignedOver(RecordedRequest r, String method, String path, Map<String, String> params) {
        assertThat(r.getHeaders().get("X-CC-APIKEY")).isEqualTo(MockExchange.KEY);
        assertThat(r.getHeaders().get("ts")).isEqualTo(Long.toString(MockExchange.NOW.toEpochMilli()));
        assertThat(r.getHeaders().get("X-REQ-TS-DIFF")).isEqualTo("5000");
        // Recomputed independently: sorted key=value, raw values, then uuid, ts and the window.
        StringBuilder pre = new StringBuilder(method + path + "?");
        new TreeMap<>(params).forEach((k, v) -> pre.append(k).append('=').append(v).append('&'));
        pre.append("uuid=").append(MockExchange.KEY).append("&ts=").append(MockExchange.NOW.toEpochMilli()).append("&x-req-ts-diff=5000");
        assertThat(r.getHeaders().get("sign")).isEqualTo(hmacHex(MockExchange.SECRET, pre.toString()));
    }

    static String hmacHex(String secret, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Top-level fields of a flat JSON body as the exact text sent. */
    private static Map<String, String> topLevelTexts(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonParser.parseString(body).getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }

    static String blockTradeJson() {
        return "{\"userId\":\"1\",\"blockTradeId\":\"1983131007357546497\",\"requestId\":\"1983130719395909632\","
                + "\"quoteId\":\"1983131007357546497\",\"role\":\"TAKER\",\"legs\":["
                + "{\"instrumentName\":\"BTCUSD-27MAR26-100000-C\",\"side\":\"BUY\",\"price\":\"1200\",\"quantity\":\"0.5\",\"fee\":\"0.3\",\"tradeId\":\"9007199254740993\",\"orderId\":9007199254740995,\"iv\":\"0.55\"},"
                + "{\"instrumentName\":\"BTCUSD-27MAR26-90000-P\",\"side\":\"SELL\",\"price\":\"900\",\"quantity\":\"0.5\",\"fee\":\"0.3\",\"tradeId\":\"9007199254740994\",\"orderId\":9007199254740996}]}";
    }
}
