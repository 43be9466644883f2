package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The structures the RFQ ticket builds from a template: strikes chosen around the at-the-money strike of the
 * listed grid, {@code width} listed strikes apart. Each template has its usual form ("iron condor" is the credit
 * one: short the inner strikes, long the wings; "butterfly" and spreads are bought); {@link Side#SELL} reverses every
 * leg. Calendars and diagonals sell the near expiry and buy the far one.
 */
public enum StructureTemplate {
    SINGLE("Single option"),
    CALL_SPREAD("Call spread"),
    PUT_SPREAD("Put spread"),
    STRADDLE("Straddle"),
    STRANGLE("Strangle"),
    RISK_REVERSAL("Risk reversal"),
    BUTTERFLY("Butterfly"),
    CONDOR("Condor"),
    IRON_CONDOR("Iron condor"),
    CALENDAR("Calendar"),
    DIAGONAL("Diagonal");

    private final String label;

    StructureTemplate(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** One leg: an option, our side, and its ratio to the package size. */
    public record Leg(InstrumentName.Option option, Side side, int ratio) {
        public String symbol() {
            return option.text();
        }
    }

    /**
     * The legs of this template.
     *
     * @param strikes   the listed strikes of the expiry, ascending
     * @param spot      the underlying price (the at-the-money strike is the nearest listed one)
     * @param width     strikes apart, at least 1
     * @param direction BUY for the usual form, SELL reverses it
     * @param type      the option type of a single option (ignored otherwise)
     * @param far       the far expiry of calendars and diagonals (ignored otherwise)
     */
    public List<Leg> legs(String base, LocalDate expiry, List<BigDecimal> strikes, BigDecimal spot, int width, Side direction,
                          OptionType type, LocalDate far) {
        if (strikes.isEmpty()) {
            throw new IllegalArgumentException("no strikes listed for " + expiry);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least one strike");
        }
        int atm = 0;
        for (int i = 1; i < strikes.size(); i++) {
            if (strikes.get(i).subtract(spot).abs().compareTo(strikes.get(atm).subtract(spot).abs()) < 0) {
                atm = i;
            }
        }
        Grid g = new Grid(base, expiry, strikes, atm, width);
        List<Leg> legs = switch (this) {
            case SINGLE -> List.of(g.leg(0, type, Side.BUY, 1));
            case CALL_SPREAD -> List.of(g.leg(0, OptionType.CALL, Side.BUY, 1), g.leg(1, OptionType.CALL, Side.SELL, 1));
            case PUT_SPREAD -> List.of(g.leg(0, OptionType.PUT, Side.BUY, 1), g.leg(-1, OptionType.PUT, Side.SELL, 1));
            case STRADDLE -> List.of(g.leg(0, OptionType.CALL, Side.BUY, 1), g.leg(0, OptionType.PUT, Side.BUY, 1));
            case STRANGLE -> List.of(g.leg(1, OptionType.CALL, Side.BUY, 1), g.leg(-1, OptionType.PUT, Side.BUY, 1));
            case RISK_REVERSAL -> List.of(g.leg(1, OptionType.CALL, Side.BUY, 1), g.leg(-1, OptionType.PUT, Side.SELL, 1));
            case BUTTERFLY -> List.of(g.leg(-1, OptionType.CALL, Side.BUY, 1), g.leg(0, OptionType.CALL, Side.SELL, 2),
                    g.leg(1, OptionType.CALL, Side.BUY, 1));
            case CONDOR -> List.of(g.leg(-1, OptionType.CALL, Side.BUY, 1), g.leg(0, OptionType.CALL, Side.SELL, 1),
                    g.leg(1, OptionType.CALL, Side.SELL, 1), g.leg(2, OptionType.CALL, Side.BUY, 1));
            case IRON_CONDOR -> List.of(g.leg(-2, OptionType.PUT, Side.BUY, 1), g.leg(-1, OptionType.PUT, Side.SELL, 1),
                    g.leg(1, OptionType.CALL, Side.SELL, 1), g.leg(2, OptionType.CALL, Side.BUY, 1));
            case CALENDAR -> List.of(g.leg(0, OptionType.CALL, Side.SELL, 1), g.at(far(far, expiry), 0, OptionType.CALL, Side.BUY, 1));
            case DIAGONAL -> List.of(g.leg(1, OptionType.CALL, Side.SELL, 1), g.at(far(far, expiry), 0, OptionType.CALL, Side.BUY, 1));
        };
        if (direction == Side.SELL) {
            List<Leg> reversed = new ArrayList<>(legs.size());
            legs.forEach(l -> reversed.add(new Leg(l.option(), l.side().opposite(), l.ratio())));
            return reversed;
        }
        return legs;
    }

    private static LocalDate far(LocalDate far, LocalDate near) {
        if (far == null || !far.isAfter(near)) {
            throw new IllegalArgumentException("calendars and diagonals need a far expiry after " + near);
        }
        return far;
    }

    /** Strikes by offset from the at-the-money strike, in steps of the width. */
    private record Grid(String base, LocalDate expiry, List<BigDecimal> strikes, int atm, int width) {
        Leg leg(int steps, OptionType type, Side side, int ratio) {
            return at(expiry, steps, type, side, ratio);
        }

        Leg at(LocalDate date, int steps, OptionType type, Side side, int ratio) {
            int i = atm + steps * width;
            if (i < 0 || i >= strikes.size()) {
                throw new IllegalArgumentException("not enough strikes listed for this width: try a smaller width");
            }
            return new Leg(InstrumentName.Option.of(base, date, strikes.get(i), type), side, ratio);
        }
    }
}
