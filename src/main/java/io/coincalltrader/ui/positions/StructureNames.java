package io.coincalltrader.ui.positions;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PositionRisk;

import java.util.List;

/** Names a structure by its shape: "BTC 24DEC26 short strangle", "ETH 4DEC26 iron condor", or the legs count. */
public final class StructureNames {
    private StructureNames() {
    }

    public static String describe(String key, List<PositionRisk> legs) {
        String shape = shape(legs);
        return shape == null ? key + " · " + legs.size() + " legs" : key + " · " + shape;
    }

    static String shape(List<PositionRisk> legs) {
        List<InstrumentName.Option> options = legs.stream().map(l -> InstrumentName.parse(l.position().symbol()))
                .filter(n -> n instanceof InstrumentName.Option).map(n -> (InstrumentName.Option) n).toList();
        if (options.size() != legs.size()) {
            return null;
        }
        long calls = options.stream().filter(o -> o.type() == OptionType.CALL).count();
        long puts = options.size() - calls;
        boolean allShort = legs.stream().allMatch(l -> l.position().side() == Side.SELL);
        boolean allLong = legs.stream().allMatch(l -> l.position().side() == Side.BUY);
        String dir = allShort ? "short " : allLong ? "long " : "";
        if (options.size() == 2 && calls == 1) {
            boolean sameStrike = options.get(0).strike().compareTo(options.get(1).strike()) == 0;
            return dir + (sameStrike ? "straddle" : "strangle");
        }
        if (options.size() == 2) {
            return (dir.isEmpty() ? "" : dir) + (calls == 2 ? "call" : "put") + (dir.isEmpty() ? " spread" : "s");
        }
        if (options.size() == 4 && calls == 2 && puts == 2 && !allShort && !allLong) {
            return "iron condor";
        }
        if (options.size() == 3 && (calls == 3 || puts == 3)) {
            return "butterfly";
        }
        return null;
    }
}
