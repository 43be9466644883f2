package io.coincalltrader.store;

import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties over many generated inputs, on one database for the whole class. */
class StoreProperties {
    private static Path dir;
    private static Database db;
    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static final AtomicLong TRY = new AtomicLong();

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("store-properties");
        db = Fixtures.open(dir, TestClock.at("2026-03-02T10:00:00Z"));
    }

    @AfterContainer
    static void close() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** However WS and REST interleave and repeat fills, each trade id is recorded once and reported new once. */
    @Property(tries = 60)
    void everyTradeIdIsRecordedExactlyOnce(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 15) Integer> ids) {
        long clientOrderId = NEXT_ID.getAndIncrement();
        String prefix = "try" + TRY.incrementAndGet() + "-";
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            results.add(db.fills().record(Fixtures.fill(prefix + ids.get(i), clientOrderId, Instant.EPOCH),
                    ProductType.OPTION, i % 2 == 0 ? FillSource.WS : FillSource.REST));
        }
        long reportedNew = results.stream().map(CompletableFuture::join).filter(b -> b).count();
        Set<Integer> distinct = new HashSet<>(ids);
        assertThat(reportedNew).isEqualTo(distinct.size());
        assertThat(db.fills().forOrder(clientOrderId)).hasSize(distinct.size());
    }

    /** Amounts come back exactly as given, scale included: no REAL column, no double on the way. */
    @Property(tries = 50)
    void amountsRoundTripExactly(@ForAll("amounts") BigDecimal qty, @ForAll("amounts") BigDecimal price,
                                 @ForAll Side side) {
        long id = NEXT_ID.getAndIncrement();
        OrderRequest request = new OrderRequest(ProductType.OPTION, Fixtures.OPTION, side, OrderType.LIMIT, qty, price,
                TimeInForce.GTC, id, false, null);
        db.orders().insertPendingSend(NewOrder.of(request), Cause.RULE, null);
        StoredOrder stored = db.orders().byClientOrderId(id).orElseThrow();
        // equals: value AND scale. A negative scale (1E+9) comes back as its plain form (1000000000, scale 0).
        assertThat(stored.quantity()).isEqualTo(plain(qty));
        assertThat(stored.price()).isEqualTo(plain(price));
        assertThat(stored.side()).isEqualTo(side);
    }

    private static BigDecimal plain(BigDecimal b) {
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("1000000000"))
                .ofScale(8).map(BigDecimal::stripTrailingZeros)
                .filter(b -> b.signum() > 0);
    }
}
