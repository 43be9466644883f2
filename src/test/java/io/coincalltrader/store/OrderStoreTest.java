package io.coincalltrader.store;

import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStoreTest {
    private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Fixtures.open(dir, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void persistBeforeSendRecordsTheOrderItsFirstEventAndAJournalRow() {
        StoredOrder stored = db.orders().insertPendingSend(Fixtures.order(42), Cause.USER, "ticket");

        assertThat(stored.clientOrderId()).isEqualTo(42L);
        assertThat(stored.state()).isEqualTo(OrderState.PENDING_SEND);
        assertThat(stored.quantity()).isEqualTo(new BigDecimal("0.10")); // scale kept: stored as a plain string
        assertThat(stored.price()).isEqualTo(new BigDecimal("1250.5"));
        assertThat(stored.filledQuantity()).isEqualByComparingTo("0");
        assertThat(stored.external()).isFalse();
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(db.orders().byClientOrderId(42)).contains(stored);
        assertThat(db.orders().events(42)).singleElement().satisfies(e -> {
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(OrderState.PENDING_SEND);
            assertThat(e.cause()).isEqualTo(Cause.USER);
            assertThat(e.detail()).isEqualTo("ticket");
        });
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("ORDER"))).singleElement()
                .satisfies(j -> {
                    assertThat(j.subject()).isEqualTo("order 42");
                    assertThat(j.message()).contains("BUY 0.10 " + Fixtures.OPTION).contains("before sending");
                    assertThat(j.detailJson()).contains("\"clientOrderId\":42");
                });
    }

    @Test
    void aDuplicateClientOrderIdIsATypedErrorAndLeavesTheFirstOrderAlone() {
        db.orders().insertPendingSend(Fixtures.order(7), Cause.USER, null);
        db.orders().update(OrderUpdate.state(7, OrderState.SENT, Cause.SYSTEM, null)).join();

        assertThatThrownBy(() -> db.orders().insertPendingSend(Fixtures.order(7), Cause.USER, null))
                .isInstanceOfSatisfying(DuplicateClientOrderIdException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo(7L));
        assertThat(db.orders().byClientOrderId(7).orElseThrow().state()).isEqualTo(OrderState.SENT);
        assertThat(db.orders().events(7)).hasSize(2);
    }

    @Test
    void updatesMoveTheStateRecordEachStepAndNeverShrinkTheFilledQuantity() throws Exception {
        db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null);
        clock.advance(Duration.ofSeconds(1));
        db.orders().update(OrderUpdate.state(1, OrderState.SENT, Cause.SYSTEM, null));
        db.orders().update(new OrderUpdate(1, OrderState.ACKED, 555L, null, null, Cause.EXCHANGE, "ack"));
        db.orders().update(new OrderUpdate(1, OrderState.PARTIALLY_FILLED, null, new BigDecimal("0.06"),
                new BigDecimal("1250"), Cause.EXCHANGE, "ws fill"));
        // An older REST snapshot arrives late: it must not take the filled quantity back to 0.02.
        StoredOrder last = db.orders().update(new OrderUpdate(1, OrderState.PARTIALLY_FILLED, null,
                new BigDecimal("0.02"), null, Cause.EXCHANGE, "rest snapshot")).get(10, TimeUnit.SECONDS);

        assertThat(last.exchangeOrderId()).isEqualTo(555L);
        assertThat(last.filledQuantity()).isEqualTo(new BigDecimal("0.06"));
        assertThat(last.averagePrice()).isEqualTo(new BigDecimal("1250"));
        assertThat(last.updatedAt()).isEqualTo(clock.instant());
        assertThat(db.orders().events(1)).extracting(OrderEvent::to).containsExactly(OrderState.PENDING_SEND,
                OrderState.SENT, OrderState.ACKED, OrderState.PARTIALLY_FILLED, OrderState.PARTIALLY_FILLED);
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().causes(Cause.EXCHANGE))).hasSize(3);
    }

    @Test
    void filledStructuresNameOnlySymbolsThatAStructuredOrderFilled() throws Exception {
        NewOrder plain = Fixtures.order(1);
        db.orders().insertPendingSend(plain, Cause.USER, null);
        db.orders().insertPendingSend(new NewOrder(Fixtures.order(2).request(), "leg", "condor-1", null), Cause.RULE, null);
        db.orders().insertPendingSend(new NewOrder(Fixtures.order(3).request(), "leg", "condor-2", null), Cause.RULE, null);
        db.orders().update(new OrderUpdate(1, OrderState.FILLED, null, new BigDecimal("0.10"), new BigDecimal("1250"), Cause.EXCHANGE, null));
        db.orders().update(new OrderUpdate(2, OrderState.FILLED, null, new BigDecimal("0.10"), new BigDecimal("1250"), Cause.EXCHANGE, null))
                .get(10, TimeUnit.SECONDS);

        // Order 3 names a structure but has not filled: it does not claim the symbol.
        assertThat(db.orders().filledStructures()).containsExactly(java.util.Map.entry(Fixtures.OPTION, "condor-1"));
        db.orders().update(new OrderUpdate(3, OrderState.PARTIALLY_FILLED, null, new BigDecimal("0.05"), null, Cause.EXCHANGE, null))
                .get(10, TimeUnit.SECONDS);
        assertThat(db.orders().filledStructures()).as("the latest order's structure").containsExactly(java.util.Map.entry(Fixtures.OPTION, "condor-2"));
    }

    @Test
    void updatingAnUnknownOrderFails() {
        assertThatThrownBy(() -> db.orders().update(OrderUpdate.state(99, OrderState.SENT, Cause.SYSTEM, null)).join())
                .hasCauseInstanceOf(StoreWriteException.class).hasMessageContaining("99");
    }

    @Test
    void recoveryListsOrdersThatMayStillChange() {
        for (long id = 1; id <= 5; id++) {
            db.orders().insertPendingSend(Fixtures.order(id), Cause.USER, null);
        }
        db.orders().update(OrderUpdate.state(2, OrderState.FILLED, Cause.EXCHANGE, null));
        db.orders().update(OrderUpdate.state(3, OrderState.IN_DOUBT, Cause.SYSTEM, "timeout"));
        db.orders().update(OrderUpdate.state(4, OrderState.NOT_PLACED, Cause.SYSTEM, null)).join();

        assertThat(db.orders().notTerminal()).extracting(StoredOrder::clientOrderId).containsExactly(1L, 3L, 5L);
        assertThat(db.orders().allByClientOrderId()).containsOnlyKeys(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void anOrderFoundOnTheExchangeIsAdoptedOnce() {
        ExchangeOrder theirs = new ExchangeOrder(777L, null, "BTCUSD", Side.SELL, OrderType.LIMIT, new BigDecimal("2"),
                new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("60000"), new BigDecimal("60000"),
                ExchangeOrderState.PARTIALLY_FILLED, false, BigDecimal.ZERO, Instant.parse("2026-03-01T00:00:00Z"), null);

        assertThat(db.orders().adoptExternal(theirs, ProductType.FUTURE, OrderState.PARTIALLY_FILLED, Cause.EXCHANGE,
                "reconcile").join()).isTrue();
        assertThat(db.orders().adoptExternal(theirs, ProductType.FUTURE, OrderState.PARTIALLY_FILLED, Cause.EXCHANGE,
                "reconcile again").join()).isFalse();

        assertThat(db.orders().all()).singleElement().satisfies(o -> {
            assertThat(o.external()).isTrue();
            assertThat(o.clientOrderId()).isNull();
            assertThat(o.exchangeOrderId()).isEqualTo(777L);
            assertThat(o.filledQuantity()).isEqualTo(new BigDecimal("0.5"));
            assertThat(o.createdAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        });
        assertThat(db.orders().notTerminal()).hasSize(1);
    }
}
