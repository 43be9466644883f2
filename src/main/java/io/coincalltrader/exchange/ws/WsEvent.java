package io.coincalltrader.exchange.ws;

import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.market.LastTrade;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqQuote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A push from Coincall's WebSocket, by data type ({@code dt}). Prices and sizes exact; ids never through double. */
public sealed interface WsEvent {

    /** dt 3: one option's ticker (mark, last, index, IV, Greeks). */
    record Ticker(String symbol, BigDecimal mark, BigDecimal last, BigDecimal index, BigDecimal underlying, Double iv,
                  double delta, double gamma, double vega, double theta, Instant time) implements WsEvent {
    }

    /** dt 4: rows of the streaming option chain. */
    record ChainRows(List<OptionQuote> rows, Instant time) implements WsEvent {
    }

    /** dt 5 (options) and 32 (futures): the best levels of a book. */
    record Book(OrderBook book) implements WsEvent {
    }

    /** dt 6, 24, 33, 43: public trades. */
    record Trades(List<LastTrade> trades) implements WsEvent {
    }

    /** dt 7: account equity and margin. */
    record AccountBalance(BigDecimal equity, BigDecimal available, BigDecimal marginBalance, BigDecimal initialMargin,
                          BigDecimal maintenanceMargin, BigDecimal unrealizedPnl, Instant time) implements WsEvent {
    }

    /** dt 11 (options) and 35 (futures): one of our orders changed. */
    record OrderUpdate(long orderId, Long clientOrderId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                       ExchangeOrderState state, BigDecimal filledQuantity, BigDecimal remainingQuantity,
                       BigDecimal averagePrice, Instant time) implements WsEvent {
    }

    /** dt 15 (options) and 38 (futures): one of our orders traded. */
    record TradeFill(Fill fill) implements WsEvent {
    }

    /** dt 12, 27, 36, 46: a position snapshot. */
    record PositionUpdate(Position position, boolean closed) implements WsEvent {
    }

    /** dt 129 (taker) and 28 (maker): an RFQ changed state. */
    record RfqUpdate(Rfq rfq) implements WsEvent {
    }

    /** dt 131 (quotes we received) and 130 (our own quotes as a maker). */
    record QuoteUpdate(RfqQuote quote) implements WsEvent {
    }

    /** dt 22: a block trade of ours executed. */
    record BlockTradeDetail(BlockTrade trade) implements WsEvent {
    }

    /** dt 30: the futures socket's index, mark and last price of a perpetual. */
    record SpotPrice(String symbol, BigDecimal last, BigDecimal mark, BigDecimal index, Instant time) implements WsEvent {
    }

    /** A data type this client does not read (yet). */
    record Unknown(int dt, String raw) implements WsEvent {
    }
}
