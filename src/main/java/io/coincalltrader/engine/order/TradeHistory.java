package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.Page;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.exchange.OrderGateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads our trades in a window, every page (newest first, paging back by trade id), with an explicit start time. */
public final class TradeHistory {
    private static final int MAX_PAGES = 200;

    private TradeHistory() {
    }

    public static List<Fill> between(OrderGateway gateway, ProductType product, Instant start, Instant end) {
        List<Fill> all = new ArrayList<>();
        OrderGateway.HistoryQuery query = new OrderGateway.HistoryQuery(start, end, null, 500);
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<Fill> p = gateway.fills(product, query);
            all.addAll(p.items());
            Long oldest = p.items().stream().map(f -> numeric(f.tradeId())).filter(id -> id != null).min(Long::compare).orElse(null);
            if (!p.hasNext() || p.items().isEmpty() || oldest == null) {
                break;
            }
            query = query.after(oldest);
        }
        return all;
    }

    private static Long numeric(String tradeId) {
        try {
            return Long.parseLong(tradeId);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
