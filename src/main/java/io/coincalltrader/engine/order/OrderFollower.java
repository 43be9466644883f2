package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.exchange.OrderGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asks the exchange about orders we follow (on an I/O thread): fills first, then states, so a report never runs
 * ahead of the fills it counts. An order we have no answer for is looked up by client order id; "not found" counts
 * as "never placed" only after the grace window (single-order queries may lag behind the order book).
 */
final class OrderFollower {
    private final OrderGateway gateway;
    private final OrderServiceConfig config;
    private final Clock clock;

    OrderFollower(OrderGateway gateway, OrderServiceConfig config, Clock clock) {
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
    }

    record Followed(TrackedOrder order, ProductType product, Instant sentAt) {
    }

    record Finding(long clientOrderId, OrderEvent event) {
    }

    List<Finding> check(List<Followed> live) {
        Instant now = clock.instant();
        List<Finding> out = new ArrayList<>();
        Map<ProductType, List<Followed>> byProduct = live.stream().collect(Collectors.groupingBy(Followed::product));
        for (Map.Entry<ProductType, List<Followed>> group : byProduct.entrySet()) {
            fills(group.getKey(), group.getValue(), now, out);
            states(group.getKey(), group.getValue(), now, out);
        }
        return out;
    }

    private void fills(ProductType product, List<Followed> orders, Instant now, List<Finding> out) {
        Map<Long, Long> byExchangeId = new HashMap<>();
        Map<Long, Long> byClientId = new HashMap<>();
        for (Followed f : orders) {
            byClientId.put(f.order().clientOrderId(), f.order().clientOrderId());
            if (f.order().exchangeOrderId() != null) {
                byExchangeId.put(f.order().exchangeOrderId(), f.order().clientOrderId());
            }
        }
        Instant oldest = orders.stream().map(Followed::sentAt).min(Comparator.naturalOrder()).orElse(now);
        List<Fill> trades = TradeHistory.between(gateway, product, oldest.minus(config.fillLookBack()), now.plusSeconds(1));
        trades.stream().sorted(Comparator.comparing(Fill::time)).forEach(fill -> {
            Long cid = fill.clientOrderId() != null ? byClientId.get(fill.clientOrderId()) : null;
            if (cid == null) {
                cid = byExchangeId.get(fill.orderId());
            }
            if (cid != null) {
                out.add(new Finding(cid, new OrderEvent.FillReceived(fill)));
            }
        });
    }

    private void states(ProductType product, List<Followed> orders, Instant now, List<Finding> out) {
        Map<Long, ExchangeOrder> openByClientId = new HashMap<>();
        Map<Long, ExchangeOrder> openById = new HashMap<>();
        for (ExchangeOrder o : gateway.openOrders(product, null)) {
            openById.put(o.orderId(), o);
            if (o.clientOrderId() != null) {
                openByClientId.put(o.clientOrderId(), o);
            }
        }
        for (Followed f : orders) {
            TrackedOrder o = f.order();
            ExchangeOrder open = openByClientId.get(o.clientOrderId());
            if (open == null && o.exchangeOrderId() != null) {
                open = openById.get(o.exchangeOrderId());
            }
            if (open != null) {
                out.add(new Finding(o.clientOrderId(), new OrderEvent.ExchangeReport(open)));
                continue;
            }
            Optional<ExchangeOrder> found = o.exchangeOrderId() != null
                    ? gateway.byId(product, o.exchangeOrderId())
                    : gateway.byClientOrderId(product, o.clientOrderId());
            if (found.isPresent()) {
                out.add(new Finding(o.clientOrderId(), new OrderEvent.ExchangeReport(found.get())));
            } else if (o.state() == OrderState.IN_DOUBT || o.state() == OrderState.PENDING_SEND || o.state() == OrderState.SENT) {
                boolean graceElapsed = Duration.between(f.sentAt(), now).compareTo(config.notFoundGrace()) >= 0;
                out.add(new Finding(o.clientOrderId(), new OrderEvent.NotFoundAtExchange(graceElapsed)));
            }
        }
    }
}
