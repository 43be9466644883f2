package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.order.Side;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One editable leg of the RFQ ticket: side, ratio, expiry, strike and call/put, with its chain row once priced. */
public final class TicketLeg {
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.BUY);
    private final IntegerProperty ratio = new SimpleIntegerProperty(this, "ratio", 1);
    private final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>(this, "expiry");
    private final ObjectProperty<BigDecimal> strike = new SimpleObjectProperty<>(this, "strike");
    private final ObjectProperty<OptionType> type = new SimpleObjectProperty<>(this, "type", OptionType.CALL);
    private final ObjectProperty<OptionQuote> quote = new SimpleObjectProperty<>(this, "quote");

    public TicketLeg(Side side, int ratio, LocalDate expiry, BigDecimal strike, OptionType type) {
        this.side.set(side);
        this.ratio.set(ratio);
        this.expiry.set(expiry);
        this.strike.set(strike);
        this.type.set(type);
    }

    public static TicketLeg of(StructureTemplate.Leg l) {
        return new TicketLeg(l.side(), l.ratio(), l.option().expiryDate(), l.option().strike(), l.option().type());
    }

    /** The exchange name of this leg's option, or null while the expiry or strike is not chosen. */
    public String symbol(String base) {
        return expiry.get() == null || strike.get() == null ? null : InstrumentName.Option.of(base, expiry.get(), strike.get(), type.get()).text();
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public IntegerProperty ratioProperty() {
        return ratio;
    }

    public ObjectProperty<LocalDate> expiryProperty() {
        return expiry;
    }

    public ObjectProperty<BigDecimal> strikeProperty() {
        return strike;
    }

    public ObjectProperty<OptionType> typeProperty() {
        return type;
    }

    /** The leg's chain row (mark, book, IV, Greeks); null until the chain of its expiry is read. */
    public ObjectProperty<OptionQuote> quoteProperty() {
        return quote;
    }
}
