package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStateMachineTest {
    static final Instant T = Instant.parse("2026-11-24T12:00:00Z");
    static final OrderRequest REQUEST = OrderRequest.limit(ProductType.OPTION, "BTCUSD-27MAR26-100000-C", Side.BUY, new BigDecimal("1"),
            new BigDecimal("1000"), 42L);

    static TrackedOrder run(OrderEvent... events) {
        TrackedOrder o = TrackedOrder.of(REQUEST, T);
        for (OrderEvent e : events) {
            o = OrderStateMachine.apply(o, e, T).order();
        }
        return o;
    }

    static Fill fill(String tradeId, String qty) {
        return new Fill(tradeId, 7L, 42L, REQUEST.symbol(), Side.BUY, new BigDecimal("1000"), new BigDecimal(qty), BigDecimal.ZERO, false, T);
    }

    static ExchangeOrder report(ExchangeOrderState s, String filled) {
        return new ExchangeOrder(7L, 42L, REQUEST.symbol(), Side.BUY, OrderType.LIMIT, BigDecimal.ONE, new BigDecimal(filled),
                BigDecimal.ONE.subtract(new BigDecimal(filled)), new BigDecimal("1000"), new BigDecimal("1000"), s, false, null, T, T);
    }

    private static final OrderEvent PERSISTED = new OrderEvent.Persisted();
    private static final OrderEvent SENDING = new OrderEvent.SendStarted();

    @Test
    void theHappyPath() {
        TrackedOrder o = run(PERSISTED, SENDING, new OrderEvent.Acknowledged(7), new OrderEvent.FillReceived(fill("t1", "0.4")),
                new OrderEvent.FillReceived(fill("t2", "0.6")));
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.exchangeOrderId()).isEqualTo(7L);
        assertThat(o.filledQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void inDoubtIsLeftOnlyOnEvidence() {
        TrackedOrder doubt = run(PERSISTED, SENDING, new OrderEvent.OutcomeUnknown("timeout"));
        assertThat(doubt.state()).isEqualTo(OrderState.IN_DOUBT);
        assertThat(OrderStateMachine.apply(doubt, new OrderEvent.NotSent("?"), T).order().state()).isEqualTo(OrderState.IN_DOUBT);
        assertThat(OrderStateMachine.apply(doubt, new OrderEvent.NotFoundAtExchange(false), T).order().state()).isEqualTo(OrderState.IN_DOUBT);
        assertThat(OrderStateMachine.apply(doubt, new OrderEvent.NotFoundAtExchange(true), T).order().state()).isEqualTo(OrderState.NOT_PLACED);
        assertThat(OrderStateMachine.apply(doubt, new OrderEvent.ExchangeReport(report(ExchangeOrderState.NEW, "0")), T).order().state())
                .isEqualTo(OrderState.ACKED);
    }

    @Test
    void aFillBeforeTheAckIsApplied() {
        TrackedOrder o = run(PERSISTED, SENDING, new OrderEvent.FillReceived(fill("t1", "0.5")), new OrderEvent.Acknowledged(7));
        assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void duplicateFillsCountOnce() {
        TrackedOrder o = run(PERSISTED, SENDING, new OrderEvent.Acknowledged(7), new OrderEvent.FillReceived(fill("t1", "0.5")));
        Transition again = OrderStateMachine.apply(o, new OrderEvent.FillReceived(fill("t1", "0.5")), T);
        assertThat(again.changed()).isFalse();
        assertThat(again.newFill()).isFalse();
        assertThat(again.order().filledQuantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void anOlderReportNeverReducesTheFilledQuantity() {
        TrackedOrder o = run(PERSISTED, SENDING, new OrderEvent.Acknowledged(7), new OrderEvent.FillReceived(fill("t1", "0.6")));
        Transition stale = OrderStateMachine.apply(o, new OrderEvent.ExchangeReport(report(ExchangeOrderState.PARTIALLY_FILLED, "0.2")), T);
        assertThat(stale.order().filledQuantity()).isEqualByComparingTo("0.6");
        assertThat(stale.anomaly()).contains("older");
    }

    @Test
    void aCancelIsNotAssumedAndARacingFillCompletesTheOrder() {
        TrackedOrder o = run(PERSISTED, SENDING, new OrderEvent.Acknowledged(7), new OrderEvent.CancelRequested());
        assertThat(o.state()).isEqualTo(OrderState.PENDING_CANCEL);
        TrackedOrder filled = OrderStateMachine.apply(o, new OrderEvent.FillReceived(fill("t1", "1")), T).order();
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        TrackedOrder refused = OrderStateMachine.apply(o, new OrderEvent.CancelRejected(10540, "not open"), T).order();
        assertThat(refused.state()).isEqualTo(OrderState.ACKED);
        TrackedOrder cancelled = OrderStateMachine.apply(o, new OrderEvent.ExchangeReport(report(ExchangeOrderState.CANCELED, "0")), T).order();
        assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void terminalStatesAreNeverLeftButLateFillsAreStillCounted() {
        TrackedOrder cancelled = run(PERSISTED, SENDING, new OrderEvent.Acknowledged(7), new OrderEvent.CancelRequested(),
                new OrderEvent.ExchangeReport(report(ExchangeOrderState.CANCELED, "0")));
        Transition late = OrderStateMachine.apply(cancelled, new OrderEvent.FillReceived(fill("t9", "0.3")), T);
        assertThat(late.order().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(late.order().filledQuantity()).isEqualByComparingTo("0.3");
        assertThat(late.anomaly()).contains("believed CANCELLED");
        assertThat(OrderStateMachine.apply(cancelled, new OrderEvent.Acknowledged(7), T).order().state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void aRefusalIsDefinitive() {
        TrackedOrder o = run(PERSISTED, SENDING, new OrderEvent.Rejected(10558, "less.than.min.amount"));
        assertThat(o.state()).isEqualTo(OrderState.REJECTED);
        assertThat(o.rejectCode()).isEqualTo(10558);
    }

    @Test
    void anOrderThatNeverLeftIsNotPlaced() {
        assertThat(run(PERSISTED, SENDING, new OrderEvent.NotSent("connection refused")).state()).isEqualTo(OrderState.NOT_PLACED);
        assertThat(run(PERSISTED, new OrderEvent.NotFoundAtExchange(true)).state()).isEqualTo(OrderState.NOT_PLACED);
    }
}
