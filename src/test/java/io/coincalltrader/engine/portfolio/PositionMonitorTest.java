package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.CoinBalance;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.exchange.AccountGateway;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.ExchangeUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PositionMonitorTest {
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failFirst = new AtomicInteger();

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private final AccountGateway gateway = new AccountGateway() {
        @Override
        public AccountSummary summary() {
            calls.incrementAndGet();
            if (failFirst.getAndDecrement() > 0) {
                throw new ExchangeUnavailableException(-1, "down", null);
            }
            BigDecimal z = BigDecimal.ZERO;
            return new AccountSummary(new BigDecimal("1000"), z, z, z, z, z, z, z, z, List.of());
        }

        @Override
        public List<CoinBalance> wallet() {
            return List.of();
        }

        @Override
        public List<Position> optionPositions() {
            return List.of();
        }

        @Override
        public List<Position> futuresPositions() {
            return List.of();
        }

        @Override
        public List<Position> positions() {
            return List.of();
        }

        @Override
        public ApiKeyInfo apiKeyInfo() {
            return new ApiKeyInfo("1", false, true);
        }
    };

    private PositionMonitor monitor(Duration interval) {
        return new PositionMonitor(gateway, new PortfolioAggregator(s -> null), Map::of, io,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), interval, Duration.ofMillis(400));
    }

    @Test
    void publishesSnapshotsRepeatedly() throws InterruptedException {
        BlockingQueue<PortfolioSnapshot> seen = new LinkedBlockingQueue<>();
        try (PositionMonitor m = monitor(Duration.ofMillis(10))) {
            m.onSnapshot(seen::add);
            m.start();
            assertThat(seen.poll(2, TimeUnit.SECONDS)).isNotNull();
            assertThat(seen.poll(2, TimeUnit.SECONDS)).isNotNull();
            assertThat(m.latest().account().equity()).isEqualByComparingTo("1000");
        }
    }

    @Test
    void failuresArePublishedAndPollingRecovers() throws InterruptedException {
        failFirst.set(2);
        BlockingQueue<ExchangeException> errors = new LinkedBlockingQueue<>();
        BlockingQueue<PortfolioSnapshot> seen = new LinkedBlockingQueue<>();
        try (PositionMonitor m = monitor(Duration.ofMillis(10))) {
            m.onFailure(errors::add);
            m.onSnapshot(seen::add);
            m.start();
            assertThat(errors.poll(2, TimeUnit.SECONDS)).isNotNull();
            assertThat(seen.poll(3, TimeUnit.SECONDS)).as("recovers after the failures").isNotNull();
            assertThat(errors).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Duration ten = Duration.ofSeconds(10);
        Duration cap = Duration.ofSeconds(60);
        assertThat(PositionMonitor.backoff(ten, 0, cap)).isEqualTo(ten);
        assertThat(PositionMonitor.backoff(ten, 1, cap)).isEqualTo(Duration.ofSeconds(20));
        assertThat(PositionMonitor.backoff(ten, 2, cap)).isEqualTo(Duration.ofSeconds(40));
        assertThat(PositionMonitor.backoff(ten, 3, cap)).isEqualTo(cap);
        assertThat(PositionMonitor.backoff(ten, 500, cap)).isEqualTo(cap);
    }
}
