package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.store.Database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which structure a position belongs to. Structures the app traded are known from the store (an execution's
 * structure id, or a filled RFQ: its legs are one structure). Options traded elsewhere (or before the app) are
 * grouped by underlying and expiry, which is how a trader reads an unlabelled book; futures and spot stand alone.
 */
public final class StructureBook implements Function<String, String> {
    private final Map<String, String> explicit = new ConcurrentHashMap<>();

    /**
     * Reads the structures recorded in the store; call again after trades. Reads only what names a structure (orders
     * with a structure id, filled RFQs' legs), so its cost does not grow with the quotes and orders of the history.
     */
    public void refresh(Database db) {
        explicit.putAll(db.orders().filledStructures());
        db.rfqs().filledLegs().forEach((id, legs) -> {
            String label = "RFQ " + (id.length() > 6 ? id.substring(id.length() - 6) : id);
            for (RfqLeg leg : legs) {
                explicit.put(leg.instrumentName(), label);
            }
        });
    }

    /** Names a structure for these symbols (a trade just made). */
    public void assign(String structure, Iterable<String> symbols) {
        symbols.forEach(s -> explicit.put(s, structure));
    }

    @Override
    public String apply(String symbol) {
        String known = explicit.get(symbol);
        if (known != null) {
            return known;
        }
        try {
            if (InstrumentName.parse(symbol) instanceof InstrumentName.Option o) {
                return o.base() + " " + o.text().split("-")[1];
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
