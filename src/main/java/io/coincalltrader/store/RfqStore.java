package io.coincalltrader.store;

import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Our RFQs, every quote received on them, the quote we accepted and the outcome. */
public final class RfqStore {
    static final String KIND = "RFQ";
    /** Request ids per quote query: well under SQLite's limit on bound parameters. */
    private static final int QUOTE_BATCH = 500;

    private final StoreWriter writer;
    private final ReadConnection reader;
    private final Clock clock;

    RfqStore(StoreWriter writer, ReadConnection reader, Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    /** Records a new RFQ or its new state (legs and creation time are kept from the first record). */
    public CompletableFuture<Void> record(Rfq rfq) {
        long now = clock.millis();
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rfqs (request_id, legs, state, created_at,"
                    + " expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO UPDATE SET"
                    + " state = excluded.state, expires_at = COALESCE(excluded.expires_at, expires_at),"
                    + " updated_at = excluded.updated_at")) {
                s.setString(1, rfq.requestId());
                s.setString(2, LegsJson.ofRfqLegs(rfq.legs()));
                s.setString(3, rfq.state().name());
                Columns.time(s, 4, rfq.createTime());
                Columns.time(s, 5, rfq.expiryTime());
                s.setLong(6, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records a quote as received; completes with false when this quote in this state was already recorded. History:
     * committed without its own fsync (see {@link StoreWriter#submitUnsynced}); the accept of a quote is always synced.
     */
    public CompletableFuture<Boolean> recordQuote(RfqQuote q) {
        long receivedAt = clock.millis();
        return writer.submitUnsynced(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rfq_quotes (quote_id, request_id, state, legs,"
                    + " created_at, expires_at, received_at, maker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (quote_id, state) DO NOTHING")) {
                s.setString(1, q.quoteId());
                s.setString(2, q.requestId());
                s.setString(3, q.state().name());
                s.setString(4, LegsJson.ofQuoteLegs(q.legs()));
                Columns.time(s, 5, q.createTime());
                Columns.time(s, 6, q.expiryTime());
                s.setLong(7, receivedAt);
                s.setString(8, q.maker());
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records the package's mark cost in USD when the RFQ was sent, for the structure as requested (positive when it is
     * paid for); call after {@link #record(Rfq)} (the writer keeps the order), as a row that does not exist is not
     * created here.
     */
    public CompletableFuture<Void> recordMark(String requestId, BigDecimal packageMark) {
        long now = clock.millis();
        return writer.submitUnsynced(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rfqs SET package_mark = ?, updated_at = ? WHERE request_id = ?")) {
                Columns.amount(s, 1, packageMark);
                s.setLong(2, now);
                s.setString(3, requestId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records the decision to accept a quote, before the accept is sent. Completes with false (and changes nothing)
     * when another quote was already accepted on this RFQ: the app never accepts a second quote by itself.
     */
    public CompletableFuture<Boolean> recordAcceptIntent(String requestId, String quoteId, Cause cause) {
        Instant at = clock.instant();
        long now = at.toEpochMilli();
        return updateOne(at, "UPDATE rfqs SET accepted_quote_id = ?, accepted_at = ?, updated_at = ? WHERE request_id = ?"
                + " AND accepted_quote_id IS NULL", List.of(quoteId, now, now, requestId), cause, requestId, "Accepting quote " + quoteId);
    }

    /**
     * Records the quote the trader armed for an accept (durably: a confirm of it may then send the accept at once,
     * before the accept intent's own write). Replaces an earlier arm on the RFQ; completes with false (and changes
     * nothing) once a quote was accepted or the RFQ has a result.
     */
    public CompletableFuture<Boolean> recordArm(String requestId, String quoteId, Cause cause) {
        Instant at = clock.instant();
        long now = at.toEpochMilli();
        return updateOne(at, "UPDATE rfqs SET armed_quote_id = ?, updated_at = ? WHERE request_id = ? AND accepted_quote_id IS NULL"
                + " AND result IS NULL", List.of(quoteId, now, requestId), cause, requestId, "Quote " + quoteId + " armed for an accept");
    }

    /**
     * Withdraws an accept intent after the exchange definitely refused the accept (nothing traded), so that another
     * quote may be taken. Only the intent for this quote is cleared.
     */
    public CompletableFuture<Boolean> clearAcceptIntent(String requestId, String quoteId, String reason, Cause cause) {
        Instant at = clock.instant();
        long now = at.toEpochMilli();
        // The quote's arm goes with it: it no longer stands for an accept that may have left.
        return updateOne(at, "UPDATE rfqs SET accepted_quote_id = NULL, accepted_at = NULL, armed_quote_id = CASE WHEN armed_quote_id = ?"
                + " THEN NULL ELSE armed_quote_id END, updated_at = ? WHERE request_id = ? AND accepted_quote_id = ? AND result IS NULL",
                List.of(quoteId, now, requestId, quoteId), cause, requestId,
                "Accept of quote " + quoteId + " refused: " + reason);
    }

    /** Runs an UPDATE of at most one RFQ row; when it changed the row, a journal row says so. Completes with whether it did. */
    private CompletableFuture<Boolean> updateOne(Instant now, String sql, List<Object> args, Cause cause, String requestId, String journal) {
        return writer.submit(c -> {
            int changed;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                changed = s.executeUpdate();
            }
            if (changed == 1) {
                Journal.insert(c, now, KIND, cause, "rfq " + requestId, journal, null);
            }
            return changed == 1;
        });
    }

    /** Records the outcome (state plus the block trade or reason as JSON) with a journal row. */
    public CompletableFuture<Void> recordResult(String requestId, RfqState state, String resultJson, Cause cause) {
        Instant now = clock.instant();
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rfqs SET state = ?, result = ?, updated_at = ?"
                    + " WHERE request_id = ?")) {
                s.setString(1, state.name());
                s.setString(2, resultJson);
                s.setLong(3, now.toEpochMilli());
                s.setString(4, requestId);
                s.executeUpdate();
            }
            Journal.insert(c, now, KIND, cause, "rfq " + requestId, "RFQ " + state, resultJson);
            return null;
        });
    }

    /** One RFQ with its quotes. */
    public Optional<StoredRfq> find(String requestId) {
        return reader.query(c -> {
            List<StoredRfq> found = list(c, "SELECT * FROM rfqs WHERE request_id = ?", requestId);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        });
    }

    /** RFQs still active or with an accept whose outcome is unknown: what restart recovery must check. */
    public List<StoredRfq> unresolved() {
        return reader.query(c -> list(c, "SELECT * FROM rfqs WHERE state = 'ACTIVE' OR ((accepted_quote_id IS NOT NULL"
                + " OR armed_quote_id IS NOT NULL) AND result IS NULL) ORDER BY created_at"));
    }

    /** RFQs created at or after {@code from}, with their quotes. */
    public List<StoredRfq> since(Instant from) {
        return reader.query(c -> list(c, "SELECT * FROM rfqs WHERE created_at >= ? ORDER BY created_at",
                from.toEpochMilli()));
    }

    /**
     * The legs of every filled RFQ by request id, oldest first, without the quotes: what the positions table needs to
     * show a block trade as one structure. One small row per filled RFQ, however many quotes the history holds.
     */
    public Map<String, List<RfqLeg>> filledLegs() {
        return reader.query(c -> {
            Map<String, List<RfqLeg>> legs = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT request_id, legs FROM rfqs WHERE state = 'FILLED'"
                    + " ORDER BY created_at, request_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    legs.put(r.getString("request_id"), LegsJson.rfqLegs(r.getString("legs")));
                }
            }
            return legs;
        });
    }

    /** At most {@code limit} RFQs created at or after {@code from}, newest first, with their quotes: the RFQ history. */
    public List<StoredRfq> recent(Instant from, int limit) {
        return reader.query(c -> list(c, "SELECT * FROM rfqs WHERE created_at >= ? ORDER BY created_at DESC, request_id DESC"
                + " LIMIT ?", from.toEpochMilli(), limit));
    }

    private static List<StoredRfq> list(Connection c, String sql, Object... args) throws SQLException {
        List<StoredRfq> rfqs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString("request_id");
                    Rfq rfq = new Rfq(id, RfqState.valueOf(r.getString("state")), Columns.time(r, "created_at"),
                            Columns.time(r, "expires_at"), LegsJson.rfqLegs(r.getString("legs")));
                    rfqs.add(new StoredRfq(rfq, Columns.amount(r, "package_mark"), r.getString("accepted_quote_id"),
                            Columns.time(r, "accepted_at"), r.getString("result"), List.of(), r.getString("armed_quote_id")));
                }
            }
        }
        Map<String, List<StoredQuote>> quotes = quotes(c, rfqs.stream().map(r -> r.rfq().requestId()).toList());
        List<StoredRfq> withQuotes = new ArrayList<>(rfqs.size());
        for (StoredRfq rfq : rfqs) {
            withQuotes.add(new StoredRfq(rfq.rfq(), rfq.packageMark(), rfq.acceptedQuoteId(), rfq.acceptedAt(), rfq.resultJson(),
                    quotes.getOrDefault(rfq.rfq().requestId(), List.of()), rfq.armedQuoteId()));
        }
        return withQuotes;
    }

    /** The quotes of these RFQs by request id, oldest first; a few queries for many RFQs, not one per RFQ. */
    private static Map<String, List<StoredQuote>> quotes(Connection c, List<String> requestIds) throws SQLException {
        Map<String, List<StoredQuote>> quotes = new HashMap<>();
        for (int from = 0; from < requestIds.size(); from += QUOTE_BATCH) {
            List<String> ids = requestIds.subList(from, Math.min(requestIds.size(), from + QUOTE_BATCH));
            String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM rfq_quotes WHERE request_id IN (" + marks + ")"
                    + " ORDER BY received_at, id")) {
                for (int i = 0; i < ids.size(); i++) {
                    s.setString(i + 1, ids.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String requestId = r.getString("request_id");
                        RfqQuote q = new RfqQuote(r.getString("quote_id"), requestId, QuoteState.valueOf(r.getString("state")),
                                Columns.time(r, "created_at"), Columns.time(r, "expires_at"),
                                LegsJson.quoteLegs(r.getString("legs")), r.getString("maker"));
                        quotes.computeIfAbsent(requestId, k -> new ArrayList<>()).add(new StoredQuote(q, Columns.time(r, "received_at")));
                    }
                }
            }
        }
        return quotes;
    }
}
