package io.coincalltrader.ui.orders;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.store.Cause;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Orders and fills of this session: one row per order (replaced in place as it changes), open ones by default, and
 * fills newest first. Cancel and amend go to the order service; the rows change when the exchange says so.
 */
public final class OrdersViewModel {
    private final OrderService orders;
    private final ObservableList<TrackedOrder> all = FXCollections.observableArrayList();
    private final FilteredList<TrackedOrder> shown = new FilteredList<>(all);
    private final ObservableList<Fill> fills = FXCollections.observableArrayList();
    private final Map<Long, Integer> index = new HashMap<>();
    private final java.util.Set<String> tradeIds = new java.util.HashSet<>();
    private final BooleanProperty showFinished = new SimpleBooleanProperty(false);

    public OrdersViewModel(OrderService orders) {
        this.orders = orders;
        shown.setPredicate(o -> !o.state().isTerminal());
        showFinished.addListener((o, a, b) -> shown.setPredicate(b ? x -> true : x -> !x.state().isTerminal()));
    }

    /** Order changes, complete and in order (FX thread). */
    public void acceptOrders(List<TrackedOrder> batch) {
        for (TrackedOrder o : batch) {
            Integer i = index.get(o.clientOrderId());
            if (i == null) {
                index.put(o.clientOrderId(), all.size());
                all.add(o);
            } else {
                all.set(i, o);
            }
        }
    }

    /** New fills, in order (FX thread); newest first on screen. */
    public void acceptFills(List<Fill> batch) {
        for (Fill f : batch) {
            if (tradeIds.add(f.tradeId())) {
                fills.addFirst(f);
            }
        }
    }

    public CompletableFuture<TrackedOrder> cancel(TrackedOrder o) {
        return orders.cancel(o.clientOrderId(), Cause.USER);
    }

    public CompletableFuture<TrackedOrder> amend(TrackedOrder o, BigDecimal quantity, BigDecimal price) {
        return orders.amend(o.clientOrderId(), quantity, price, Cause.USER);
    }

    public ObservableList<TrackedOrder> orders() {
        return shown;
    }

    public ObservableList<Fill> fills() {
        return fills;
    }

    public BooleanProperty showFinishedProperty() {
        return showFinished;
    }
}
