package io.coincalltrader.app.cli;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line against the paper exchange: the in-process default and a standalone one shared by commands. */
class PaperCommandLineTest {
    @TempDir
    java.nio.file.Path dataDir;
    private PaperExchange paper;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() {
        paper = PaperExchange.start(PaperConfig.defaults().withMakerDelay(Duration.ofMillis(100)).withTickInterval(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        paper.close();
    }

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = CoincallTraderCommand.commandLine(new SessionFactory(env, dataDir, java.time.Clock.systemUTC()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void withoutKeysStatusShowsTheDemoBookFromTheEmbeddedPaperExchange() {
        assertThat(run(Map.of(), "status", "--json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"exchange\": \"PAPER\"").contains("\"symbol\": \"BTCUSD\"").contains("\"delta\"");
        assertThat(run(Map.of(), "status")).isZero();
        assertThat(out.toString()).contains("Exchange: PAPER").contains("Total BTC").contains("Total ETH");
    }

    @Test
    void chainAndBookFromThePaperExchange() {
        assertThat(run(Map.of(), "chain", "BTC")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("BTCUSD options expiring").contains("Strike");
        assertThat(run(Map.of(), "book", "BTCUSD")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("BTCUSD order book");
    }

    @Test
    void rfqEndToEndFromTheCommandLineLandsEveryLeg() {
        Map<String, String> keys = Map.of(SessionFactory.KEY_VARIABLE, paper.apiKey(), SessionFactory.SECRET_VARIABLE, paper.apiSecret());
        String call;
        String put;
        try (CoincallClient client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret())))) {
            List<Instrument.Option> options = client.market().optionInstruments("BTC");
            Instant expiry = options.stream().map(Instrument.Option::expiry).sorted().skip(2).findFirst().orElseThrow();
            BigDecimal index = client.market().indexPrice("BTCUSD");
            Instrument.Option c = options.stream().filter(o -> o.expiry().equals(expiry) && o.type().name().equals("CALL"))
                    .filter(o -> o.strike().compareTo(index) > 0).min((a, b) -> a.strike().compareTo(b.strike())).orElseThrow();
            call = c.symbol();
            put = options.stream().filter(o -> o.expiry().equals(expiry) && o.type().name().equals("PUT"))
                    .filter(o -> o.strike().compareTo(index) < 0).max((a, b) -> a.strike().compareTo(b.strike())).orElseThrow().symbol();
        }
        int code = run(keys, "rfq", "create", "--base-url", paper.baseUrl(), "--leg", "buy:" + call + ":1", "--leg", "buy:" + put + ":1",
                "--watch", "10", "--accept-best", "--min-quotes", "3");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ACTIVE").contains("Accepting quote").contains("Block trade").contains("filled")
                .contains("Positions in the traded instruments:");
        // A later command against the same exchange sees the structure.
        assertThat(run(keys, "status", "--base-url", paper.baseUrl())).isZero();
        assertThat(out.toString()).contains(call).contains(put);
    }

    @Test
    void ordersGoThroughTheEngineAndTheStoreAndTheStoreCommandsShowThem() {
        Map<String, String> keys = Map.of(SessionFactory.KEY_VARIABLE, paper.apiKey(), SessionFactory.SECRET_VARIABLE, paper.apiSecret());
        String symbol;
        BigDecimal ask;
        try (CoincallClient client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret())))) {
            symbol = client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol)
                    .filter(s -> client.market().orderBook(s).bestAsk().isPresent()).findFirst().orElseThrow();
            ask = client.market().orderBook(symbol).bestAsk().orElseThrow().price();
        }
        String url = paper.baseUrl();
        assertThat(run(keys, "order", "place", "--base-url", url, "--instrument", symbol, "--side", "buy", "--qty", "0.1", "--price", "5")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Recorded and sent").contains("ACKED");
        String clientId = out.toString().lines().filter(l -> l.contains(symbol) && l.contains("ACKED")).findFirst().orElseThrow().trim().split("\\s+")[0];

        assertThat(run(keys, "orders", "--base-url", url)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Open orders in store 'url-127-0-0-1_").contains(clientId).contains("ACKED");

        assertThat(run(keys, "order", "cancel", "--base-url", url, "--client-order-id", clientId)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("CANCELLED");

        assertThat(run(keys, "trade", "--base-url", url, "--mode", "aggressive", "--leg", "buy:" + symbol + ":0.1")).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("FILLED: all legs filled");

        assertThat(run(keys, "fills", "--base-url", url)).as(err.toString()).isZero();
        assertThat(out.toString()).contains(symbol).contains("taker");
        assertThat(run(keys, "orders", "--all", "--base-url", url)).isZero();
        assertThat(out.toString()).contains("CANCELLED").contains("FILLED");
        assertThat(run(keys, "journal", "--base-url", url, "--since", "1h")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("EXECUTION").contains("USER").contains("cancel requested");

        assertThat(run(keys, "reconcile", "--base-url", url)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Store 'url-127-0-0-1_");
        assertThat(run(keys, "journal", "--base-url", url, "--kind", "reconcile")).isZero();
        assertThat(out.toString()).contains("RECONCILE");
        assertThat(ask).isPositive();
    }

    @Test
    void inProcessPaperRunsEachGetAStoreAndTheStoreCommandsReadTheLatest() {
        assertThat(run(Map.of(), "orders")).isEqualTo(2);
        assertThat(err.toString()).contains("no paper session recorded yet");
        assertThat(run(Map.of(), "reconcile")).as(err.toString()).isZero();
        assertThat(run(Map.of(), "journal", "--kind", "RECONCILE")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("RECONCILE");
    }
}
