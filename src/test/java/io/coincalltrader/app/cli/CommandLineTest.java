package io.coincalltrader.app.cli;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line against a loopback HTTP server: output, exit codes and one-line errors. */
class CommandLineTest {
    @TempDir
    java.nio.file.Path dataDir;
    private final MockWebServer server = new MockWebServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = CoincallTraderCommand.commandLine(new SessionFactory(env, dataDir, java.time.Clock.systemUTC()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static final Map<String, String> KEYS = Map.of("COINCALL_API_KEY", "cli-key", "COINCALL_API_SECRET", "cli-secret-value");

    private void ok(String data) {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":0,\"msg\":\"Success\",\"data\":" + data + "}").build());
    }

    @Test
    void statusPrintsEquityAndPositionsWithUnits() {
        ok("{\"equity\":\"100000\",\"availableMargin\":\"90000\",\"imAmount\":\"10000\",\"mmAmount\":\"5000\",\"imRatio\":\"0.1\","
                + "\"mmRatio\":\"0.05\",\"unrealizedPnL\":\"-12.5\",\"accounts\":[]}");
        ok("[{\"positionId\":\"1\",\"symbol\":\"BTCUSD-27MAR26-100000-C\",\"qty\":1,\"avgPrice\":1000,\"markPrice\":1100,"
                + "\"upnlByMarkPrice\":100,\"tradeSide\":1,\"delta\":0.4,\"gamma\":0.00002,\"vega\":100,\"theta\":-50}]");
        ok("[]");
        int code = run(KEYS, "status", "--base-url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Equity 100,000.00 USD").contains("BTCUSD-27MAR26-100000-C").contains("+100.00")
                .contains("Total BTC");
    }

    @Test
    void statusJsonIsMachineReadable() {
        ok("{\"equity\":\"100000.50\",\"accounts\":[]}");
        ok("[]");
        ok("[]");
        assertThat(run(KEYS, "status", "--json", "--base-url", server.url("/").toString())).isZero();
        assertThat(out.toString()).contains("\"equity\": 100000.50").contains("\"positions\": []");
    }

    @Test
    void exchangeErrorIsOneLineAndExitsNonZero() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":10562,\"msg\":\"invalid signature\",\"data\":null}").build());
        int code = run(KEYS, "status", "--base-url", server.url("/").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: The request signature is invalid: check the API secret (code 10562)");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void liveEnvironmentsNeedKeysFromTheEnvironment() {
        assertThat(run(Map.of(), "status", "--env", "production")).isEqualTo(2);
        assertThat(err.toString()).contains("needs COINCALL_API_KEY and COINCALL_API_SECRET");
    }

    @Test
    void keysWithoutAnEnvironmentAreNotSilentlyUsedForProduction() {
        assertThat(run(KEYS, "status")).isEqualTo(2);
        assertThat(err.toString()).contains("choose --env testnet or --env production");
    }

    @Test
    void rfqBelowTheMinimumNotionalIsRefusedBeforeSending() {
        int code = run(KEYS, "rfq", "create", "--base-url", server.url("/").toString(), "--leg", "buy:BTCUSD-27MAR26-100000-C:0.1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("10,000 USD, below the exchange's RFQ minimum of 50,000 USD; nothing was sent");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badInstrumentNameIsRefusedWithTheReason() {
        int code = run(KEYS, "book", "BTCUSD-09AUG25-100000-C", "--base-url", server.url("/").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no leading zero");
    }

    @Test
    void orderPlaceSendsOnceAndShowsTheOrder() {
        ok("1983060031318396929");
        ok("{\"orderId\":1983060031318396929,\"clientOrderId\":55,\"symbol\":\"BTCUSD\",\"qty\":0.01,\"fillQty\":0,\"price\":90000,"
                + "\"tradeSide\":1,\"tradeType\":1,\"state\":0}");
        int code = run(KEYS, "order", "place", "--base-url", server.url("/").toString(), "--instrument", "BTCUSD", "--side", "buy",
                "--qty", "0.01", "--price", "90000", "--client-order-id", "55");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("client order id 55").contains("1983060031318396929").contains("ACKED");
    }
}
