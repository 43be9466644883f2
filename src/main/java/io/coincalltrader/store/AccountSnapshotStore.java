package io.coincalltrader.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Account snapshots for the equity curve. */
public final class AccountSnapshotStore {
    private final StoreWriter writer;
    private final ReadConnection reader;

    AccountSnapshotStore(StoreWriter writer, ReadConnection reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** Equity history for the chart: committed without its own fsync (see {@link StoreWriter#submitUnsynced}). */
    public CompletableFuture<Void> record(AccountSnapshot snapshot) {
        return writer.submitUnsynced(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO account_snapshots (at, equity, available, im, mm,"
                    + " upnl) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, snapshot.time().toEpochMilli());
                Columns.amount(s, 2, snapshot.equity());
                Columns.amount(s, 3, snapshot.available());
                Columns.amount(s, 4, snapshot.initialMargin());
                Columns.amount(s, 5, snapshot.maintenanceMargin());
                Columns.amount(s, 6, snapshot.unrealizedPnl());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Snapshots with {@code from <= time < to}, oldest first. */
    public List<AccountSnapshot> between(Instant from, Instant to) {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM account_snapshots WHERE at >= ? AND at < ?"
                    + " ORDER BY at, id")) {
                s.setLong(1, from.toEpochMilli());
                s.setLong(2, to.toEpochMilli());
                return list(s);
            }
        });
    }

    /** The newest snapshot. */
    public Optional<AccountSnapshot> latest() {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM account_snapshots ORDER BY at DESC, id DESC"
                    + " LIMIT 1")) {
                List<AccountSnapshot> one = list(s);
                return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
            }
        });
    }

    private static List<AccountSnapshot> list(PreparedStatement s) throws java.sql.SQLException {
        List<AccountSnapshot> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new AccountSnapshot(Columns.time(r, "at"), Columns.amount(r, "equity"),
                        Columns.amount(r, "available"), Columns.amount(r, "im"), Columns.amount(r, "mm"),
                        Columns.amount(r, "upnl")));
            }
        }
        return rows;
    }
}
