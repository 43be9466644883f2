package io.coincalltrader.store;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Fills, each trade id once: the same fill arriving by WS and by REST is normal and the second copy is ignored. */
public final class FillStore {
    private final StoreWriter writer;
    private final ReadConnection reader;
    private final Clock clock;

    FillStore(StoreWriter writer, ReadConnection reader, Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    /** Records the fill; completes with true if it was new, false if its trade id was already recorded. */
    public CompletableFuture<Boolean> record(Fill fill, ProductType product, FillSource source) {
        return writer.submit(recordCommand(fill, product, source));
    }

    /**
     * Records each leg of a block trade as a fill on our side (once per trade id), all legs in one transaction;
     * completes with the number of legs that were new.
     */
    public CompletableFuture<Integer> recordBlockTrade(BlockTrade t) {
        java.time.Instant at = t.createTime() != null ? t.createTime() : clock.instant();
        List<WriteCommand<Boolean>> legs = t.legs().stream().map(leg -> recordCommand(new Fill(leg.tradeId(),
                leg.orderId() == null ? 0L : leg.orderId(), null, leg.instrumentName(), leg.side(), leg.price(), leg.quantity(),
                leg.fee(), true, at), ProductType.of(leg.instrumentName()), FillSource.REST)).toList();
        return writer.submit(c -> {
            int added = 0;
            for (WriteCommand<Boolean> leg : legs) {
                added += leg.apply(c) ? 1 : 0;
            }
            return added;
        });
    }

    /** The insert as a command, to commit with the order update it causes. */
    public WriteCommand<Boolean> recordCommand(Fill f, ProductType product, FillSource source) {
        long recordedAt = clock.millis();
        return c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO fills (trade_id, client_order_id,"
                    + " exchange_order_id, product, symbol, side, price, qty, fee, taker, at, source, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trade_id) DO NOTHING")) {
                s.setString(1, f.tradeId());
                Columns.nullableLong(s, 2, f.clientOrderId());
                s.setLong(3, f.orderId());
                s.setString(4, product == null ? null : product.name());
                s.setString(5, f.symbol());
                s.setString(6, f.side().name());
                Columns.amount(s, 7, f.price());
                Columns.amount(s, 8, f.quantity());
                Columns.amount(s, 9, f.fee());
                s.setInt(10, f.taker() ? 1 : 0);
                Columns.time(s, 11, f.time());
                s.setString(12, source.name());
                s.setLong(13, recordedAt);
                return s.executeUpdate() == 1;
            }
        };
    }

    /** Fills traded at or after {@code from}, oldest first. */
    public List<StoredFill> since(Instant from) {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM fills WHERE at >= ? ORDER BY at, id")) {
                s.setLong(1, from.toEpochMilli());
                return list(s);
            }
        });
    }

    /** The fills of one of our orders, oldest first. */
    public List<StoredFill> forOrder(long clientOrderId) {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM fills WHERE client_order_id = ? ORDER BY at, id")) {
                s.setLong(1, clientOrderId);
                return list(s);
            }
        });
    }

    /** The newest fill of one product line: where trade-history paging resumes after a restart. */
    public Optional<StoredFill> latest(ProductType product) {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM fills WHERE product = ? ORDER BY at DESC, id DESC LIMIT 1")) {
                s.setString(1, product.name());
                List<StoredFill> one = list(s);
                return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
            }
        });
    }

    /** The last trade id seen per product line (absent when none). */
    public Map<ProductType, String> lastTradeIdPerProduct() {
        Map<ProductType, String> last = new EnumMap<>(ProductType.class);
        for (ProductType p : ProductType.values()) {
            latest(p).ifPresent(f -> last.put(p, f.fill().tradeId()));
        }
        return last;
    }

    private static List<StoredFill> list(PreparedStatement s) throws SQLException {
        List<StoredFill> fills = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Fill fill = new Fill(r.getString("trade_id"), r.getLong("exchange_order_id"),
                        Columns.nullableLong(r, "client_order_id"), r.getString("symbol"),
                        Side.valueOf(r.getString("side")), Columns.amount(r, "price"), Columns.amount(r, "qty"),
                        Columns.amount(r, "fee"), r.getInt("taker") == 1, Columns.time(r, "at"));
                fills.add(new StoredFill(fill, Columns.enumOrNull(ProductType.class, r.getString("product")),
                        FillSource.valueOf(r.getString("source")), Columns.time(r, "recorded_at")));
            }
        }
        return fills;
    }
}
