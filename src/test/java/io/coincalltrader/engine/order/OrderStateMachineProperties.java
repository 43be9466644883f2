package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.OrderState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Random event sequences (duplicates, reorderings, stale reports) against the invariants of the order model. */
class OrderStateMachineProperties {

    @Property(tries = 1000)
    void invariantsHoldForAnySequence(@ForAll("sequences") List<OrderEvent> events) {
        TrackedOrder o = TrackedOrder.of(OrderStateMachineTest.REQUEST, OrderStateMachineTest.T);
        Map<String, BigDecimal> distinctFills = new HashMap<>();
        BigDecimal lastFilled = BigDecimal.ZERO;
        for (OrderEvent e : events) {
            OrderState before = o.state();
            Transition t = OrderStateMachine.apply(o, e, OrderStateMachineTest.T);
            o = t.order();
            if (e instanceof OrderEvent.FillReceived f) {
                distinctFills.putIfAbsent(f.fill().tradeId(), f.fill().quantity());
            }
            // Filled quantity is monotone.
            assertThat(o.filledQuantity()).isGreaterThanOrEqualTo(lastFilled);
            lastFilled = o.filledQuantity();
            // Terminal states are absorbing.
            if (before.isTerminal()) {
                assertThat(o.state()).isEqualTo(before);
            }
            // IN_DOUBT is left only on exchange evidence.
            if (before == OrderState.IN_DOUBT && o.state() != OrderState.IN_DOUBT) {
                assertThat(e).isInstanceOfAny(OrderEvent.Acknowledged.class, OrderEvent.ExchangeReport.class, OrderEvent.FillReceived.class,
                        OrderEvent.NotFoundAtExchange.class, OrderEvent.Rejected.class);
            }
            // A filled order has all its quantity.
            if (o.state() == OrderState.FILLED && o.filledQuantity().compareTo(o.request().quantity()) < 0) {
                throw new AssertionError("FILLED with " + o.filledQuantity());
            }
        }
        // No fill is lost: the sum of distinct fills is counted (reports may add unseen fills on top).
        BigDecimal sum = distinctFills.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(o.filledQuantity()).isGreaterThanOrEqualTo(sum);
        assertThat(o.tradeIds()).containsExactlyInAnyOrderElementsOf(distinctFills.keySet());
    }

    @Provide
    Arbitrary<List<OrderEvent>> sequences() {
        Arbitrary<OrderEvent> fill = Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 5))
                .as((id, tenths) -> new OrderEvent.FillReceived(OrderStateMachineTest.fill("t" + id, "0." + tenths)));
        Arbitrary<OrderEvent> report = Combinators.combine(Arbitraries.of(ExchangeOrderState.values()), Arbitraries.integers().between(0, 10))
                .as((s, tenths) -> new OrderEvent.ExchangeReport(OrderStateMachineTest.report(s, tenths == 10 ? "1" : "0." + tenths)));
        Arbitrary<OrderEvent> other = Arbitraries.of(new OrderEvent.Persisted(), new OrderEvent.SendStarted(), new OrderEvent.Acknowledged(7),
                new OrderEvent.Rejected(10558, "min"), new OrderEvent.OutcomeUnknown("timeout"), new OrderEvent.NotSent("refused"),
                new OrderEvent.CancelRequested(), new OrderEvent.CancelRejected(10540, "not open"),
                new OrderEvent.NotFoundAtExchange(false), new OrderEvent.NotFoundAtExchange(true));
        Arbitrary<OrderEvent> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, fill), net.jqwik.api.Tuple.of(2, report), net.jqwik.api.Tuple.of(5, other));
        // Most sequences start the normal way, so the later states are reached often.
        return any.list().ofMaxSize(14).map(rest -> {
            List<OrderEvent> seq = new ArrayList<>(List.of(new OrderEvent.Persisted(), new OrderEvent.SendStarted()));
            seq.addAll(rest);
            return seq;
        });
    }
}
