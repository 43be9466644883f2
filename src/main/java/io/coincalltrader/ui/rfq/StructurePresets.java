package io.coincalltrader.ui.rfq;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Named structures the trader saved, and the structures recently sent, kept as JSON text in the UI settings. A
 * structure is its legs by exchange name, side and ratio, and the package size. A structure with a leg that has
 * expired since (or cannot be read) is not loaded: dropping a leg would turn, say, a spread into a naked option.
 */
public final class StructurePresets {
    private static final Gson GSON = new Gson();
    private static final int RECENT = 8;

    /** One saved structure. */
    public record Preset(String name, String base, List<Leg> legs, String size) {
        public Preset {
            legs = List.copyOf(legs);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A leg by exchange name. */
    public record Leg(String symbol, Side side, int ratio) {
    }

    /** The legs still listed at {@code now}, how many have expired, and how many could not be read. */
    public record Loaded(List<TicketLeg> legs, int expired, int unreadable) {
    }

    private StructurePresets() {
    }

    public static List<Preset> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Preset> list = GSON.fromJson(json, new TypeToken<List<Preset>>() { }.getType());
            return list == null ? List.of() : list.stream().filter(p -> p != null && p.name() != null && p.legs() != null).toList();
        } catch (JsonParseException e) {
            return List.of();
        }
    }

    public static String write(List<Preset> presets) {
        return GSON.toJson(presets);
    }

    /** Adds or replaces the preset of that name (names compare without case), newest first. */
    public static List<Preset> save(List<Preset> presets, Preset p) {
        List<Preset> out = new ArrayList<>();
        out.add(p);
        presets.stream().filter(x -> !x.name().equalsIgnoreCase(p.name())).forEach(out::add);
        return out;
    }

    /** Puts a structure just sent at the top of the recent list (an identical one moves up), keeping eight. */
    public static List<Preset> remember(List<Preset> recent, Preset p) {
        List<Preset> out = new ArrayList<>();
        out.add(p);
        recent.stream().filter(x -> !(x.legs().equals(p.legs()) && x.size().equals(p.size()))).limit(RECENT - 1).forEach(out::add);
        return out;
    }

    public static Preset of(String name, String base, List<TicketLeg> legs, String size) {
        List<Leg> out = new ArrayList<>();
        for (TicketLeg l : legs) {
            String s = l.symbol(base);
            if (s != null) {
                out.add(new Leg(s, l.sideProperty().get(), l.ratioProperty().get()));
            }
        }
        return new Preset(name, base, out, size);
    }

    public static Loaded load(Preset p, Instant now) {
        List<TicketLeg> legs = new ArrayList<>();
        int expired = 0;
        int unreadable = 0;
        for (Leg l : p.legs()) {
            InstrumentName name;
            try {
                name = l == null || l.symbol() == null || l.side() == null || l.ratio() < 1 ? null : InstrumentName.parse(l.symbol());
            } catch (RuntimeException e) {
                name = null;
            }
            if (!(name instanceof InstrumentName.Option o)) {
                unreadable++;
                continue;
            }
            if (!o.expiry().isAfter(now)) {
                expired++;
                continue;
            }
            legs.add(new TicketLeg(l.side(), l.ratio(), o.expiryDate(), o.strike(), o.type()));
        }
        return new Loaded(legs, expired, unreadable);
    }

    /** A readable name for a structure sent: "Iron condor BTC 27DEC26 × 1". */
    public static String describe(String template, String base, List<TicketLeg> legs, BigDecimal size) {
        String expiry = legs.isEmpty() || legs.getFirst().expiryProperty().get() == null ? ""
                : " " + InstrumentName.Option.of(base, legs.getFirst().expiryProperty().get(), BigDecimal.ONE,
                legs.getFirst().typeProperty().get()).text().split("-")[1];
        return template + " " + base + expiry + " × " + size.stripTrailingZeros().toPlainString();
    }
}
