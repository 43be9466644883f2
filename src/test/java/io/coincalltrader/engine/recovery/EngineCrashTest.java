package io.coincalltrader.engine.recovery;

import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.paper.trading.PaperTrade;
import io.coincalltrader.store.StoredFill;
import io.coincalltrader.store.StoredOrder;
import io.coincalltrader.testing.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at each point of an order's life (RELIABILITY.md A1, A2, A3, A6): a child JVM runs the engine and halts at
 * a crashpoint; recovery in a new engine must leave no duplicate client order id on the exchange, every fill
 * recorded once, positions equal to the exchange's, and nothing in doubt.
 */
class EngineCrashTest {
    private static PaperExchange paper;
    @TempDir
    Path dir;

    @BeforeAll
    static void startExchange() {
        paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(false));
    }

    @AfterAll
    static void stopExchange() {
        paper.close();
    }

    @ParameterizedTest(name = "{0} killed at {1}")
    @CsvSource({
            "resting, before-send, NOT_PLACED",
            "resting, after-send-before-ack, CANCELLED",
            "resting, after-ack, CANCELLED",
            "resting, after-cancel-send, CANCELLED",
            "marketable, after-send-before-ack, FILLED",
            "sweep, after-fill-recorded, FILLED",
            "resting, none, CANCELLED",
    })
    void recoveryFindsExactlyWhatHappened(String scenario, String crashAt, OrderState expected) throws Exception {
        String symbol;
        try (EngineFixture probe = new EngineFixture(paper, dir.resolve("probe"), OrderServiceConfig.defaults())) {
            symbol = probe.someOption();
        }
        Map<String, BigDecimal> positionsBefore = new HashMap<>(paper.oracle().positions());
        List<String> out = runChild(scenario, crashAt, symbol);
        long clientId = Long.parseLong(out.stream().filter(l -> l.startsWith("CLIENT_ORDER_ID ")).findFirst().orElseThrow().substring(16));
        assertThat(out).as("the child stopped where it was told").contains(crashAt.equals("none") ? "DONE" : "crashpoint " + crashAt + ": halting");

        try (EngineFixture f = new EngineFixture(paper, dir, new OrderServiceConfig(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)))) {
            Reconciler reconciler = new Reconciler(f.client.orders(), f.client.account(), new RfqRecovery(f.client.rfq(), f.db,
                    Clock.systemUTC()), f.db, f.orders, Clock.systemUTC(), Duration.ofSeconds(8));
            ReconciliationReport report = reconciler.run();
            if (expected == OrderState.CANCELLED && (crashAt.equals("after-send-before-ack") || crashAt.equals("after-ack"))) {
                // Adopted back and still resting: the trader (here, the test) cancels it by its client order id.
                f.orders.cancel(clientId, io.coincalltrader.store.Cause.USER).get(5, TimeUnit.SECONDS);
                f.orders.finished(clientId).get(10, TimeUnit.SECONDS);
                io.coincalltrader.testing.Await.until("the cancel's outcome stored", Duration.ofSeconds(5),
                        () -> f.db.orders().byClientOrderId(clientId).orElseThrow().state().isTerminal());
            }
            StoredOrder order = f.db.orders().byClientOrderId(clientId).orElseThrow();
            assertThat(order.state()).as(report.text()).isEqualTo(expected);
            // I1: never two orders with one client order id.
            assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(clientId))).isEqualTo(crashAt.equals("before-send") ? 0 : 1);
            // I2: every exchange trade of this order is recorded exactly once.
            List<String> exchangeTrades = paper.oracle().trades().stream().filter(t -> order.exchangeOrderId() != null
                    && t.orderId() == order.exchangeOrderId().longValue()).map(t -> Long.toString(t.tradeId())).sorted().toList();
            List<String> recorded = f.db.fills().forOrder(clientId).stream().map(s -> s.fill().tradeId()).sorted().toList();
            assertThat(recorded).isEqualTo(exchangeTrades);
            // I3: the position is what the recorded fills say.
            BigDecimal filled = f.db.fills().forOrder(clientId).stream().map(StoredFill::fill).map(x -> x.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(order.filledQuantity()).isEqualByComparingTo(filled);
            BigDecimal moved = paper.oracle().positions().getOrDefault(symbol, BigDecimal.ZERO)
                    .subtract(positionsBefore.getOrDefault(symbol, BigDecimal.ZERO));
            assertThat(moved).isEqualByComparingTo(filled);
            // I4: nothing left in doubt.
            assertThat(f.db.orders().notTerminal()).noneMatch(o -> o.state() == OrderState.IN_DOUBT || o.state() == OrderState.PENDING_SEND
                    || o.state() == OrderState.SENT);
            assertThat(f.db.journal().since(java.time.Instant.EPOCH, io.coincalltrader.store.JournalFilter.all().kinds("RECONCILE"))).hasSize(1);
        }
    }

    /** RELIABILITY.md A5: killed right after the RFQ accept left; recovery finds the block trade and records it once. */
    @Test
    void rfqAcceptInterruptedIsSettledFromTheExchange() throws Exception {
        String symbol;
        try (EngineFixture probe = new EngineFixture(paper, dir.resolve("probe"), OrderServiceConfig.defaults())) {
            symbol = probe.client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol)
                    .filter(s -> s.endsWith("-C")).findFirst().orElseThrow();
        }
        Map<String, BigDecimal> before = new HashMap<>(paper.oracle().positions());
        List<String> out = runChild("rfq", "after-rfq-accept-send", symbol);
        assertThat(out).contains("crashpoint after-rfq-accept-send: halting");
        String rfqId = out.stream().filter(l -> l.startsWith("RFQ_ID ")).findFirst().orElseThrow().substring(7);
        String other = out.stream().filter(l -> l.startsWith("OTHER ")).findFirst().orElseThrow().substring(6);

        try (EngineFixture f = new EngineFixture(paper, dir, new OrderServiceConfig(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)))) {
            assertThat(f.db.rfqs().unresolved()).extracting(r -> r.rfq().requestId()).containsExactly(rfqId);
            ReconciliationReport report = new Reconciler(f.client.orders(), f.client.account(), new RfqRecovery(f.client.rfq(), f.db,
                    Clock.systemUTC()), f.db, f.orders, Clock.systemUTC(), Duration.ofSeconds(8)).run();
            assertThat(report.text()).contains(rfqId);
            assertThat(f.db.rfqs().find(rfqId).orElseThrow().rfq().state()).isEqualTo(RfqState.FILLED);
            assertThat(f.db.rfqs().unresolved()).isEmpty();
            // Each leg of the block trade recorded once as a fill.
            List<String> legTrades = paper.oracle().blockTrades().stream().filter(b -> b.requestId().equals(rfqId))
                    .flatMap(b -> b.legs().stream()).map(t -> Long.toString(t.tradeId())).sorted().toList();
            assertThat(f.db.fills().since(java.time.Instant.EPOCH).stream().map(x -> x.fill().tradeId()).filter(legTrades::contains).sorted().toList())
                    .isEqualTo(legTrades).hasSize(2);
            assertThat(paper.oracle().blockTrades()).filteredOn(b -> b.requestId().equals(rfqId)).hasSize(1);
            assertThat(paper.oracle().positions().get(symbol).subtract(before.getOrDefault(symbol, BigDecimal.ZERO))).isEqualByComparingTo("1");
            assertThat(paper.oracle().positions().get(other).subtract(before.getOrDefault(other, BigDecimal.ZERO))).isEqualByComparingTo("-1");
        }
    }

    private List<String> runChild(String scenario, String crashAt, String symbol) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcct.crashAt=" + crashAt, "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                EngineCrashChild.class.getName(), paper.baseUrl(), dir.toString(), scenario, symbol));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CCT_KEY", paper.apiKey());
        pb.environment().put("CCT_SECRET", paper.apiSecret());
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(crashAt.equals("none") ? 0 : 137);
        return lines;
    }
}
