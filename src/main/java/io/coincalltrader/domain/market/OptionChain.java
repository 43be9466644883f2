package io.coincalltrader.domain.market;

import java.util.List;

/** The option chain of one index for one or more expiries, calls and puts by strike. */
public record OptionChain(String index, List<OptionQuote> options) {
    public OptionChain {
        options = List.copyOf(options);
    }
}
