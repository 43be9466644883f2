package io.coincalltrader.domain.instrument;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A tradable instrument on Coincall: an option, a future (perpetual or dated) or a spot pair. */
public sealed interface Instrument permits Instrument.Option, Instrument.Future, Instrument.Spot {

    /** The name as the exchange writes it. */
    InstrumentName name();

    /** Tick, lot, minimum size and multiplier. */
    InstrumentSpec spec();

    /** The exchange's symbol text. */
    default String symbol() {
        return name().text();
    }

    /** Base coin, e.g. BTC. */
    default String base() {
        return name().base();
    }

    /** An option on an index, expiring at 08:00 UTC on its expiry date. */
    record Option(InstrumentName.Option name, InstrumentSpec spec) implements Instrument {
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(spec, "spec");
        }

        public OptionType type() {
            return name.type();
        }

        public BigDecimal strike() {
            return name.strike();
        }

        public Instant expiry() {
            return name.expiry();
        }
    }

    /** A perpetual or dated future on an index. */
    record Future(InstrumentName.Future name, InstrumentSpec spec) implements Instrument {
        public Future {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(spec, "spec");
        }

        public boolean isPerpetual() {
            return name.isPerpetual();
        }
    }

    /** A spot pair against USDT. */
    record Spot(InstrumentName.Spot name, InstrumentSpec spec) implements Instrument {
        public Spot {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** Builds the right kind of instrument for a parsed name. */
    static Instrument of(InstrumentName name, InstrumentSpec spec) {
        return switch (name) {
            case InstrumentName.Option o -> new Option(o, spec);
            case InstrumentName.Future f -> new Future(f, spec);
            case InstrumentName.Spot s -> new Spot(s, spec);
        };
    }
}
