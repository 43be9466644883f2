package io.coincalltrader.store;

import com.google.gson.JsonObject;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Orders and their state history: the persist-before-send insert, updates, adoption, and recovery reads. */
public final class OrderStore {
    static final String KIND = "ORDER";
    private static final String TERMINAL = Arrays.stream(OrderState.values()).filter(OrderState::isTerminal)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final StoreWriter writer;
    private final ReadConnection reader;
    private final Clock clock;
    private final Path database;
    private final Duration durableTimeout;

    OrderStore(StoreWriter writer, ReadConnection reader, Clock clock, Path database, Duration durableTimeout) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
        this.database = database;
        this.durableTimeout = durableTimeout;
    }

    /**
     * Records the order as PENDING_SEND, with its first event and a journal row, and returns only once that is
     * durable. The engine sends the request only after this returns; if it throws, the order must not be sent.
     *
     * @throws DuplicateClientOrderIdException when the client order id is already recorded
     * @throws StoreException for any other reason the order could not be recorded
     */
    public StoredOrder insertPendingSend(NewOrder order, Cause cause, String detail) {
        return writer.submitAndWait(pendingSendCommand(order, cause, detail), durableTimeout);
    }

    /** The persist-before-send insert as a command, to commit with other rows of the same action. */
    public WriteCommand<StoredOrder> pendingSendCommand(NewOrder order, Cause cause, String detail) {
        Instant now = clock.instant(); // the time of the action, not of the commit
        return c -> {
            OrderRequest r = order.request();
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (client_order_id, product, symbol, side,"
                    + " type, qty, price, tif, reduce_only, trigger_price, state, purpose, structure_id, lifecycle_id,"
                    + " external, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                    + " RETURNING id")) {
                s.setLong(1, r.clientOrderId());
                s.setString(2, r.product().name());
                s.setString(3, r.symbol());
                s.setString(4, r.side().name());
                s.setString(5, r.type().name());
                Columns.amount(s, 6, r.quantity());
                Columns.amount(s, 7, r.price());
                s.setString(8, r.timeInForce() == null ? null : r.timeInForce().name());
                s.setInt(9, r.reduceOnly() ? 1 : 0);
                Columns.amount(s, 10, r.triggerPrice());
                s.setString(11, OrderState.PENDING_SEND.name());
                s.setString(12, order.purpose());
                s.setString(13, order.structureId());
                s.setString(14, order.lifecycleId());
                s.setLong(15, now.toEpochMilli());
                s.setLong(16, now.toEpochMilli());
                try (ResultSet keys = s.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new DuplicateClientOrderIdException(database, r.clientOrderId(), e);
                }
                throw e;
            }
            insertEvent(c, id, null, OrderState.PENDING_SEND, cause, detail, now);
            JsonObject json = new JsonObject();
            json.addProperty("clientOrderId", r.clientOrderId());
            json.addProperty("symbol", r.symbol());
            json.addProperty("side", r.side().name());
            json.addProperty("type", r.type().name());
            json.addProperty("qty", r.quantity().toPlainString());
            json.addProperty("price", r.price() == null ? null : r.price().toPlainString());
            Journal.insert(c, now, KIND, cause, subject(r.clientOrderId()), "Recorded " + r.side() + " "
                    + r.quantity().toPlainString() + " " + r.symbol() + " " + r.type()
                    + (r.price() == null ? "" : " @ " + r.price().toPlainString()) + " before sending", json.toString());
            return find(c, r.clientOrderId()).orElseThrow();
        };
    }

    /** Applies a change; completes with the order as now recorded. */
    public CompletableFuture<StoredOrder> update(OrderUpdate update) {
        return writer.submit(updateCommand(update));
    }

    /** The update as a command: the row, an event and a journal row commit together. */
    public WriteCommand<StoredOrder> updateCommand(OrderUpdate u) {
        Instant now = clock.instant();
        return c -> {
            StoredOrder before = find(c, u.clientOrderId()).orElseThrow(() -> new StoreWriteException(database,
                    "No recorded order has client order id " + u.clientOrderId(), null));
            BigDecimal filled = before.filledQuantity();
            if (u.filledQuantity() != null && u.filledQuantity().compareTo(filled) > 0) {
                filled = u.filledQuantity();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE orders SET state = ?, exchange_order_id ="
                    + " COALESCE(?, exchange_order_id), filled_qty = ?, avg_price = COALESCE(?, avg_price), updated_at = ?"
                    + " WHERE id = ?")) {
                s.setString(1, u.state().name());
                Columns.nullableLong(s, 2, u.exchangeOrderId());
                Columns.amount(s, 3, filled);
                Columns.amount(s, 4, u.averagePrice());
                s.setLong(5, now.toEpochMilli());
                s.setLong(6, before.id());
                s.executeUpdate();
            }
            insertEvent(c, before.id(), before.state(), u.state(), u.cause(), u.detail(), now);
            Journal.insert(c, now, KIND, u.cause(), subject(u.clientOrderId()),
                    before.state() + " → " + u.state() + (u.detail() == null ? "" : ": " + u.detail()), null);
            return find(c, u.clientOrderId()).orElseThrow();
        };
    }

    /** Records an amend the exchange accepted: the new size and price, with an event and a journal row. */
    public CompletableFuture<StoredOrder> amended(long clientOrderId, BigDecimal quantity, BigDecimal price, Cause cause,
                                                  String detail) {
        Instant now = clock.instant();
        return writer.submit(c -> {
            StoredOrder before = find(c, clientOrderId).orElseThrow(() -> new StoreWriteException(database,
                    "No recorded order has client order id " + clientOrderId, null));
            try (PreparedStatement s = c.prepareStatement("UPDATE orders SET qty = ?, price = ?, updated_at = ? WHERE id = ?")) {
                Columns.amount(s, 1, quantity);
                Columns.amount(s, 2, price);
                s.setLong(3, now.toEpochMilli());
                s.setLong(4, before.id());
                s.executeUpdate();
            }
            insertEvent(c, before.id(), before.state(), before.state(), cause, detail, now);
            Journal.insert(c, now, KIND, cause, subject(clientOrderId), "Amended from " + before.quantity().toPlainString()
                    + " @ " + plain(before.price()) + " to " + quantity.toPlainString() + " @ " + plain(price), null);
            return find(c, clientOrderId).orElseThrow();
        });
    }

    /** The highest client order id recorded (0 when none): new ids start above it. */
    public long highestClientOrderId() {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(client_order_id), 0) FROM orders");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static String plain(BigDecimal v) {
        return v == null ? "market" : v.toPlainString();
    }

    /** Adopts an order found on the exchange but not recorded here; completes with false if it was already known. */
    public CompletableFuture<Boolean> adoptExternal(ExchangeOrder order, ProductType product, OrderState state,
                                                    Cause cause, String detail) {
        return writer.submit(adoptCommand(order, product, state, cause, detail));
    }

    /** The adoption as a command; a second adoption of the same exchange order is a no-op. */
    public WriteCommand<Boolean> adoptCommand(ExchangeOrder o, ProductType product, OrderState state, Cause cause,
                                              String detail) {
        Instant now = clock.instant();
        return c -> {
            Long id = null;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (client_order_id, product, symbol, side,"
                    + " type, qty, price, reduce_only, state, exchange_order_id, filled_qty, avg_price, external,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
                    + " ON CONFLICT DO NOTHING RETURNING id")) {
                Columns.nullableLong(s, 1, o.clientOrderId());
                s.setString(2, product.name());
                s.setString(3, o.symbol());
                s.setString(4, o.side().name());
                s.setString(5, o.type().name());
                Columns.amount(s, 6, o.quantity());
                Columns.amount(s, 7, o.price());
                s.setInt(8, o.reduceOnly() ? 1 : 0);
                s.setString(9, state.name());
                s.setLong(10, o.orderId());
                Columns.amount(s, 11, o.filledQuantity() == null ? BigDecimal.ZERO : o.filledQuantity());
                Columns.amount(s, 12, o.averagePrice());
                Columns.time(s, 13, o.createTime() == null ? now : o.createTime());
                s.setLong(14, now.toEpochMilli());
                try (ResultSet keys = s.executeQuery()) {
                    if (keys.next()) {
                        id = keys.getLong(1);
                    }
                }
            }
            if (id == null) {
                return false;
            }
            insertEvent(c, id, null, state, cause, detail, now);
            Journal.insert(c, now, KIND, cause, "exchange order " + o.orderId(), "Adopted " + o.side() + " "
                    + o.quantity().toPlainString() + " " + o.symbol() + " from the exchange as " + state, null);
            return true;
        };
    }

    /** The order with this client order id. */
    public Optional<StoredOrder> byClientOrderId(long clientOrderId) {
        return reader.query(c -> find(c, clientOrderId));
    }

    /** Orders that may still change: what restart recovery must reconcile with the exchange. */
    public List<StoredOrder> notTerminal() {
        return reader.query(c -> list(c, "SELECT * FROM orders WHERE state NOT IN " + TERMINAL + " ORDER BY id"));
    }

    /** Every order placed by us, keyed by client order id, oldest first. */
    public Map<Long, StoredOrder> allByClientOrderId() {
        return reader.query(c -> {
            Map<Long, StoredOrder> byId = new LinkedHashMap<>();
            for (StoredOrder o : list(c, "SELECT * FROM orders WHERE client_order_id IS NOT NULL ORDER BY id")) {
                byId.put(o.clientOrderId(), o);
            }
            return byId;
        });
    }

    /**
     * The structure of each symbol that an order with a structure id filled (where several did, the latest order's):
     * only orders that name a structure are read, not the whole order history.
     */
    public Map<String, String> filledStructures() {
        return reader.query(c -> {
            Map<String, String> bySymbol = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT symbol, structure_id, filled_qty FROM orders"
                    + " WHERE structure_id IS NOT NULL ORDER BY id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (new BigDecimal(r.getString("filled_qty")).signum() > 0) {
                        bySymbol.put(r.getString("symbol"), r.getString("structure_id"));
                    }
                }
            }
            return bySymbol;
        });
    }

    /** Every recorded order, including adopted ones without a client order id, oldest first. */
    public List<StoredOrder> all() {
        return reader.query(c -> list(c, "SELECT * FROM orders ORDER BY id"));
    }

    /** The state history of one order, oldest first. */
    public List<OrderEvent> events(long clientOrderId) {
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT e.* FROM order_events e JOIN orders o ON o.id ="
                    + " e.order_id WHERE o.client_order_id = ? ORDER BY e.id")) {
                s.setLong(1, clientOrderId);
                List<OrderEvent> events = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(new OrderEvent(r.getLong("id"), r.getLong("order_id"),
                                Columns.enumOrNull(OrderState.class, r.getString("from_state")),
                                OrderState.valueOf(r.getString("to_state")), Cause.valueOf(r.getString("cause")),
                                r.getString("detail"), Columns.time(r, "at")));
                    }
                }
                return events;
            }
        });
    }

    static String subject(long clientOrderId) {
        return "order " + clientOrderId;
    }

    private static void insertEvent(Connection c, long orderId, OrderState from, OrderState to, Cause cause,
                                    String detail, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO order_events (order_id, from_state, to_state, cause,"
                + " detail, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, orderId);
            s.setString(2, from == null ? null : from.name());
            s.setString(3, to.name());
            s.setString(4, cause.name());
            s.setString(5, detail);
            s.setLong(6, at.toEpochMilli());
            s.executeUpdate();
        }
    }

    private static Optional<StoredOrder> find(Connection c, long clientOrderId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM orders WHERE client_order_id = ?")) {
            s.setLong(1, clientOrderId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static List<StoredOrder> list(Connection c, String sql) throws SQLException {
        List<StoredOrder> orders = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                orders.add(read(r));
            }
        }
        return orders;
    }

    private static StoredOrder read(ResultSet r) throws SQLException {
        return new StoredOrder(r.getLong("id"), Columns.nullableLong(r, "client_order_id"),
                ProductType.valueOf(r.getString("product")), r.getString("symbol"), Side.valueOf(r.getString("side")),
                OrderType.valueOf(r.getString("type")), Columns.amount(r, "qty"), Columns.amount(r, "price"),
                Columns.enumOrNull(TimeInForce.class, r.getString("tif")), r.getInt("reduce_only") == 1,
                Columns.amount(r, "trigger_price"), OrderState.valueOf(r.getString("state")),
                Columns.nullableLong(r, "exchange_order_id"), Columns.amount(r, "filled_qty"),
                Columns.amount(r, "avg_price"), r.getString("purpose"), r.getString("structure_id"),
                r.getString("lifecycle_id"), r.getInt("external") == 1, Columns.time(r, "created_at"),
                Columns.time(r, "updated_at"));
    }
}
