package io.coincalltrader.exchange;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.LastTrade;
import io.coincalltrader.domain.market.OptionChain;
import io.coincalltrader.domain.market.OptionDetail;
import io.coincalltrader.domain.market.OrderBook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Public market data. */
public interface MarketDataGateway {

    /** Option rules per index (BTCUSD, ETHUSD…). */
    Map<String, ProductRules> optionRules();

    /** Futures rules per symbol. */
    Map<String, ProductRules> futuresRules();

    /** Active options of one base coin (BTC, ETH). */
    List<Instrument.Option> optionInstruments(String base);

    /** The option chain of an index (BTCUSD) for one expiry, or every expiry when {@code expiry} is null. */
    OptionChain optionChain(String index, Instant expiry);

    OptionDetail optionDetail(String symbol);

    /** The order book of any instrument: option, perpetual or spot, chosen by its name. */
    OrderBook orderBook(String symbol);

    /** The last trades of an option or a perpetual. */
    List<LastTrade> lastTrades(String symbol);

    /** Perpetuals with last, mark and index prices. */
    List<FuturesTicker> futuresTickers();

    /** The CoinGecko-style futures ticker list. */
    List<FuturesTicker> futuresInstruments();

    List<Instrument.Spot> spotInstruments();

    /** The index price of BTCUSD, ETHUSD…, from the perpetual's ticker. */
    BigDecimal indexPrice(String index);
}
