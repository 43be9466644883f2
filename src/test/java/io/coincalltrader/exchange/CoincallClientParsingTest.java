package io.coincalltrader.exchange;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.exchange.OrderGateway;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Responses shaped like the documented examples, parsed exactly (64-bit ids, number-or-string decimals). */
class CoincallClientParsingTest {
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
    void optionChainRowsBecomeCallsAndPutsWithIvAsFractions() throws Exception {
        ex.ok("[{\"strike\":100000.0,\"callOption\":{\"optionId\":1,\"symbol\":\"BTCUSD-27MAR26-100000-C\",\"endTime\":1774598400000,"
                + "\"strike\":100000,\"markPrice\":1250.5,\"bid\":1240,\"bidSize\":3,\"ask\":1261.2,\"askSize\":\"2.5\",\"markIv\":0.6292,"
                + "\"bidIv\":0.62,\"askIv\":0.64,\"lastPriceIv\":1.7976931348623157E308,\"type\":1,\"underlyingPrice\":98000,"
                + "\"delta\":0.45,\"gamma\":0.00002,\"vega\":120.5,\"theta\":-80.1,\"openInterest\":12,\"volume\":3},"
                + "\"putOption\":{\"symbol\":\"BTCUSD-27MAR26-100000-P\",\"strike\":100000,\"markPrice\":\"3200\",\"bid\":0,\"ask\":3300,"
                + "\"markIv\":0.65,\"type\":2,\"delta\":-0.55}}]");
        var chain = ex.client.market().optionChain("BTCUSD", Instant.ofEpochMilli(1774598400000L));
        assertThat(ex.take().getUrl().queryParameter("endTime")).isEqualTo("1774598400000");
        assertThat(chain.options()).hasSize(2);
        var call = chain.options().get(0);
        assertThat(call.type()).isEqualTo(OptionType.CALL);
        assertThat(call.markPrice()).isEqualByComparingTo("1250.5");
        assertThat(call.askSize()).isEqualByComparingTo("2.5");
        assertThat(call.markIv()).isEqualTo(0.6292);
        assertThat(call.expiry()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
        var put = chain.options().get(1);
        assertThat(put.type()).isEqualTo(OptionType.PUT);
        assertThat(put.bid()).as("a zero bid means no bid").isNull();
        assertThat(put.delta()).isEqualTo(-0.55);
    }

    @Test
    void ordersKeepSixtyFourBitIdsExact() {
        ex.ok("{\"orderId\":1983060031318396929,\"clientOrderId\":1767225600001,\"symbol\":\"BTCUSD-27MAR26-100000-C\","
                + "\"qty\":1,\"remainQty\":0.4,\"fillQty\":0.6,\"price\":1250.5,\"avgPrice\":1250.5,\"tradeSide\":2,\"tradeType\":1,"
                + "\"createTime\":1767225600000,\"reduceOnly\":0,\"fee\":0.5,\"updateTime\":1767225601000,\"mmp\":false,\"state\":2}");
        var order = ex.client.orders().byId(ProductType.OPTION, 1983060031318396929L).orElseThrow();
        assertThat(order.orderId()).isEqualTo(1983060031318396929L);
        assertThat(order.clientOrderId()).isEqualTo(1767225600001L);
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.state()).isEqualTo(ExchangeOrderState.PARTIALLY_FILLED);
        assertThat(order.filledQuantity()).isEqualByComparingTo("0.6");
        assertThat(order.remainingQuantity()).isEqualByComparingTo("0.4");
    }

    @Test
    void positionsUseProfitAtMarkWhenGiven() {
        ex.ok("[{\"positionId\":\"11\",\"symbol\":\"BTCUSD-27MAR26-100000-C\",\"qty\":2,\"avgPrice\":1000,\"markPrice\":1250.5,"
                + "\"upnl\":400,\"upnlByMarkPrice\":501,\"roi\":0.2,\"roiByMarkPrice\":0.2505,\"tradeSide\":2,\"initMargin\":3000,"
                + "\"maintMargin\":2000,\"delta\":-0.9,\"gamma\":-0.00004,\"vega\":-241,\"theta\":160.2,\"indexPrice\":98000,\"updateTime\":1}]");
        ex.ok("[{\"positionId\":\"12\",\"symbol\":\"BTCUSD\",\"qty\":0.5,\"avgPrice\":97000,\"markPrice\":98000,\"upnl\":500,"
                + "\"roi\":0.01,\"tradeSide\":1,\"initMargin\":4900,\"maintMargin\":2450,\"delta\":0.5}]");
        var positions = ex.client.account().positions();
        assertThat(positions).hasSize(2);
        assertThat(positions.get(0).unrealizedPnl()).isEqualByComparingTo("501");
        assertThat(positions.get(0).signedQuantity()).isEqualByComparingTo("-2");
        assertThat(positions.get(1).product()).isEqualTo(ProductType.FUTURE);
        assertThat(positions.get(1).unrealizedPnl()).isEqualByComparingTo("500");
    }

    @Test
    void accountSummaryReadsTopLevelMarginAndPerCoinBalances() {
        ex.ok("{\"totalBtcValue\":1.1,\"totalDollarValue\":107000.5,\"imAmount\":\"12000.1\",\"mmAmount\":\"8000\","
                + "\"imRatio\":\"0.112\",\"mmRatio\":\"0.075\",\"equity\":\"107000.5\",\"availableMargin\":\"95000.4\","
                + "\"marginBalance\":\"107000.5\",\"unrealizedPnL\":\"-350.25\",\"accounts\":[{\"coin\":\"USDT\","
                + "\"equityAmount\":\"107000.5\",\"availableBalance\":\"95000.4\",\"cashBalanceAmount\":\"107350.75\","
                + "\"imAmount\":\"12000.1\",\"mmAmount\":\"8000\",\"unrealizedAmount\":\"-350.25\",\"dollarValue\":\"107000.5\"}]}");
        var s = ex.client.account().summary();
        assertThat(s.equity()).isEqualByComparingTo("107000.5");
        assertThat(s.initialMarginRatio()).isEqualByComparingTo("0.112");
        assertThat(s.unrealizedPnl()).isEqualByComparingTo("-350.25");
        assertThat(s.coins()).singleElement().satisfies(c -> assertThat(c.cashBalance()).isEqualByComparingTo("107350.75"));
    }

    @Test
    void quotesCarryTheMakersSidesAndPriceThePackageForUs() {
        ex.ok("[{\"quoteId\":\"1983131007357546497\",\"requestId\":\"1983130719395909632\",\"userId\":\"9\",\"state\":\"OPEN\","
                + "\"createTime\":1,\"updateTime\":1,\"expiryTime\":300001,\"legs\":["
                + "{\"instrumentName\":\"BTCUSD-27MAR26-100000-C\",\"side\":\"SELL\",\"price\":\"1200\",\"quantity\":\"0.5\"},"
                + "{\"instrumentName\":\"BTCUSD-27MAR26-90000-P\",\"side\":\"BUY\",\"price\":\"900\",\"quantity\":\"0.5\"}]},"
                + "{\"quoteId\":\"1983131007357546498\",\"requestId\":\"1983130719395909632\",\"state\":\"CANCEL\",\"legs\":[]}]");
        var quotes = ex.client.rfq().quotesReceived("1983130719395909632");
        assertThat(quotes).hasSize(2);
        var q = quotes.get(0);
        assertThat(q.takerDirection()).isEqualTo(Side.BUY);
        assertThat(q.takerCost()).isEqualByComparingTo("150"); // pay 600 for the call, receive 450 for the put
        assertThat(quotes.get(1).state()).isEqualTo(QuoteState.CANCELLED);
    }

    @Test
    void blockTradeLegsCarryOurSidesAndExactIds() {
        ex.ok(CoincallClientRequestTest.blockTradeJson());
        var trade = ex.client.rfq().accept("1983130719395909632", "1983131007357546497");
        assertThat(trade.blockTradeId()).isEqualTo("1983131007357546497");
        assertThat(trade.legs().get(0).side()).isEqualTo(Side.BUY);
        assertThat(trade.legs().get(0).tradeId()).isEqualTo("9007199254740993");
        assertThat(trade.legs().get(0).orderId()).isEqualTo(9007199254740995L);
        assertThat(trade.legs().get(0).iv()).isEqualTo(0.55);
    }

    @Test
    void rfqCreateAnswerIsActiveWithAnHourToLive() {
        ex.ok("{\"requestId\":\"1983060031318396928\",\"createTime\":1767225600000,\"expiryTime\":1767229200000,"
                + "\"legs\":[{\"instrumentName\":\"BTCUSD-27MAR26-100000-C\",\"qty\":\"0.2\",\"side\":\"BUY\"}],\"state\":\"ACTIVE\"}");
        var rfq = ex.client.rfq().create(java.util.List.of(new io.coincalltrader.domain.rfq.RfqLeg("BTCUSD-27MAR26-100000-C", Side.BUY, new BigDecimal("0.2"))));
        assertThat(rfq.requestId()).isEqualTo("1983060031318396928");
        assertThat(rfq.state()).isEqualTo(RfqState.ACTIVE);
        assertThat(rfq.legs().getFirst().quantity()).isEqualByComparingTo("0.2");
    }

    @Test
    void historyPagesReportWhetherMoreExist() throws Exception {
        ex.ok("{\"list\":[{\"id\":1,\"symbol\":\"BTCUSD-27MAR26-100000-C\",\"tradeSide\":1,\"tradeType\":1,\"price\":1250,"
                + "\"qty\":0.1,\"orderId\":1983060031318396929,\"tradeId\":\"1983060031318396931\",\"fee\":0.05,\"time\":1767225600000,"
                + "\"isTaker\":1}],\"hasNext\":true,\"hasPre\":false}");
        var page = ex.client.orders().fills(ProductType.OPTION, OrderGateway.HistoryQuery.since(Instant.EPOCH, Instant.ofEpochMilli(5)));
        assertThat(page.hasNext()).isTrue();
        assertThat(page.items().getFirst().tradeId()).isEqualTo("1983060031318396931");
        assertThat(page.items().getFirst().taker()).isTrue();
        var url = ex.take().getUrl();
        assertThat(url.queryParameter("startTime")).isEqualTo("0");
        assertThat(url.queryParameter("endTime")).isEqualTo("5");
    }

    @Test
    void configGivesTickStepAndFeesPerIndex() {
        ex.ok("{\"optionConfig\":{\"BTCUSD\":{\"symbol\":\"BTCUSD\",\"takerFee\":0.0004,\"makerFee\":0.0003,\"multiplier\":0.01,"
                + "\"tickSize\":0.1,\"qtyDecimal\":2,\"limitMaxQty\":1000,\"marketMaxQty\":100}},\"futuresConfig\":{}}");
        var rules = ex.client.market().optionRules().get("BTCUSD");
        assertThat(rules.quantityStep()).isEqualByComparingTo("0.01");
        assertThat(rules.tickSize()).isEqualByComparingTo("0.1");
        assertThat(rules.takerFee()).isEqualByComparingTo("0.0004");
    }
}
