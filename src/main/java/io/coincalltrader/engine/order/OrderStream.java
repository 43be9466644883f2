package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.exchange.ws.Registration;
import io.coincalltrader.exchange.ws.WsEvent;
import io.coincalltrader.exchange.ws.WsSubscription;
import io.coincalltrader.store.FillSource;

/**
 * Our orders and trades pushed by the exchange's private WebSocket channels, handed to the {@link OrderService}
 * as events. Pushes are fast but not trusted alone: a duplicate carries the same trade id (applied once), an order
 * update that runs ahead of its fill keeps the order live until the fill arrives, and after every reconnect the
 * service polls REST before the socket is declared live, so nothing missed while it was down is lost.
 */
public final class OrderStream implements AutoCloseable {
    private final CoincallWebSocket socket;
    private final OrderService orders;
    private Registration registration;

    public OrderStream(CoincallWebSocket socket, OrderService orders) {
        this.socket = socket;
        this.orders = orders;
    }

    public void start() {
        registration = socket.onEvent(this::on);
        socket.setResyncListener(orders::pollNow);
        socket.subscribe(WsSubscription.privateChannel("order"));
        socket.subscribe(WsSubscription.privateChannel("trade"));
        socket.start();
    }

    void on(WsEvent e) {
        switch (e) {
            case WsEvent.TradeFill t -> orders.onExchangeEvent(new OrderEvent.FillReceived(t.fill()), t.fill().clientOrderId(),
                    t.fill().orderId(), FillSource.WS);
            case WsEvent.OrderUpdate u -> orders.onExchangeEvent(new OrderEvent.ExchangeReport(new ExchangeOrder(u.orderId(), u.clientOrderId(),
                    u.symbol(), u.side(), OrderType.LIMIT, u.quantity(), u.filledQuantity(), u.remainingQuantity(), u.price(), u.averagePrice(),
                    u.state(), false, null, null, u.time())), u.clientOrderId(), u.orderId(), FillSource.WS);
            default -> {
                // market data and RFQ frames are other listeners' business
            }
        }
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
        socket.close();
    }
}
