package io.coincalltrader.exchange.ws;

import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.RequestSigner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket client against a real socket on loopback. */
class CoincallWebSocketTest {
    private static final Credentials KEYS = new Credentials("ws-key+/=", "ws-secret");
    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<ServerSide> sides = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ConnectionStatus.State> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<WsEvent> events = new LinkedBlockingQueue<>();
    private CoincallWebSocket ws;

    /** The exchange's end of one connection. */
    static final class ServerSide extends WebSocketListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final List<String> onOpenFrames;
        volatile WebSocket socket;

        ServerSide(List<String> onOpenFrames) {
            this.onOpenFrames = onOpenFrames;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            onOpenFrames.forEach(webSocket::send);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        String next() throws InterruptedException {
            String s = received.poll(3, TimeUnit.SECONDS);
            assertThat(s).as("a frame reached the server").isNotNull();
            return s;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (ws != null) {
            ws.close();
        }
        scheduler.shutdownNow();
        for (ServerSide side : sides) {
            if (side.socket != null) {
                side.socket.close(1001, "test over");
            }
        }
        server.close();
    }

    private ServerSide accept(String... framesOnOpen) {
        ServerSide side = new ServerSide(List.of(framesOnOpen));
        sides.add(side);
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(side).build());
        return side;
    }

    private CoincallWebSocket client(Duration heartbeat, CoincallWebSocket.ResyncListener resync) {
        String url = "ws://127.0.0.1:" + server.getPort() + "/options";
        ws = new CoincallWebSocket(new OkHttpClient(), url, KEYS, Clock.systemUTC(), new Random(1), scheduler, heartbeat,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(5)));
        ws.setResyncListener(resync);
        ws.onStatus(s -> states.add(s.state()));
        ws.onEvent(events::add);
        return ws;
    }

    private void awaitState(ConnectionStatus.State wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            ConnectionStatus.State s = states.poll(100, TimeUnit.MILLISECONDS);
            if (s == wanted) {
                return;
            }
        }
        throw new AssertionError("never reached " + wanted + "; now " + ws.status());
    }

    @Test
    void connectsWithTheSignedLoginInTheUrlAndSubscribes() throws Exception {
        ServerSide side = accept();
        CoincallWebSocket c = client(Duration.ofSeconds(10), () -> { });
        c.subscribe(WsSubscription.privateChannel("order"));
        c.subscribe(WsSubscription.forSymbol("bsInfo", "BTCUSD-27MAR26-100000-C"));
        c.start();
        awaitState(ConnectionStatus.State.LIVE);

        RecordedRequest upgrade = server.takeRequest(3, TimeUnit.SECONDS);
        String target = upgrade.getTarget();
        assertThat(target).startsWith("/options?code=10&uuid=ws-key+/=&ts=").contains("&apiKey=ws-key+/=");
        String ts = target.replaceAll(".*&ts=(\\d+)&.*", "$1");
        String sign = target.replaceAll(".*&sign=([0-9A-F]+)&.*", "$1");
        assertThat(sign).isEqualTo(new RequestSigner(KEYS.apiKey(), KEYS.apiSecret()).hmac("GET/users/self/verify?uuid=ws-key+/=&ts=" + ts));

        List<String> frames = List.of(side.next(), side.next());
        assertThat(frames).containsExactlyInAnyOrder("{\"action\":\"subscribe\",\"dataType\":\"order\"}",
                "{\"action\":\"subscribe\",\"dataType\":\"bsInfo\",\"payload\":{\"symbol\":\"BTCUSD-27MAR26-100000-C\"}}");
    }

    @Test
    void aDroppedSocketReconnectsResubscribesAndResyncsBeforeLive() throws Exception {
        ServerSide first = accept();
        ServerSide second = accept();
        AtomicInteger resyncs = new AtomicInteger();
        List<String> order = new CopyOnWriteArrayList<>();
        CoincallWebSocket c = client(Duration.ofSeconds(10), () -> {
            resyncs.incrementAndGet();
            order.add("resync");
        });
        c.onStatus(s -> order.add(s.state().name()));
        c.subscribe(WsSubscription.privateChannel("trade"));
        c.start();
        awaitState(ConnectionStatus.State.LIVE);
        first.next();
        first.socket.close(1001, "maintenance");

        awaitState(ConnectionStatus.State.RECONNECTING);
        awaitState(ConnectionStatus.State.LIVE);
        assertThat(second.next()).isEqualTo("{\"action\":\"subscribe\",\"dataType\":\"trade\"}");
        assertThat(resyncs.get()).isEqualTo(2);
        // Each LIVE comes after its resync.
        int lastLive = order.lastIndexOf("LIVE");
        assertThat(order.subList(0, lastLive)).contains("RECONNECTING");
        assertThat(order.get(lastLive - 1)).isEqualTo("resync");
    }

    @Test
    void aSilentSocketIsDetectedByTheHeartbeatAndReplaced() throws Exception {
        ServerSide silent = accept();
        accept();
        CoincallWebSocket c = client(Duration.ofMillis(300), () -> { });
        c.start();
        awaitState(ConnectionStatus.State.LIVE);
        assertThat(silent.next()).isEqualTo("{\"action\":\"heartbeat\"}");
        // The server never answers: the client gives up on this socket and connects again.
        awaitState(ConnectionStatus.State.RECONNECTING);
        awaitState(ConnectionStatus.State.LIVE);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aHeartbeatReplyKeepsTheSocket() throws Exception {
        ServerSide side = accept();
        CoincallWebSocket c = client(Duration.ofMillis(300), () -> { });
        c.start();
        awaitState(ConnectionStatus.State.LIVE);
        for (int i = 0; i < 3; i++) {
            assertThat(side.next()).isEqualTo("{\"action\":\"heartbeat\"}");
            side.socket.send("{\"c\":11,\"rc\":1}");
        }
        assertThat(c.status().state()).isEqualTo(ConnectionStatus.State.LIVE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pushesBecomeTypedEventsInOrderAndMalformedFramesAreSkipped() throws Exception {
        accept("{\"dt\":11,\"c\":20,\"ts\":1,\"d\":{\"oid\":1983060031318396929,\"coid\":1767225600001,\"s\":\"BTCUSD-27MAR26-100000-C\","
                        + "\"q\":\"1\",\"pr\":\"1250.5\",\"si\":2,\"ty\":1,\"os\":2,\"fq\":\"0.4\",\"rq\":\"0.6\",\"ap\":\"1250.5\",\"ts\":1767225600000}}",
                "{not json",
                "{\"dt\":15,\"c\":20,\"ts\":1,\"d\":{\"orderId\":\"1983060031318396929\",\"clientOrderId\":\"1767225600001\","
                        + "\"symbol\":\"BTCUSD-27MAR26-100000-C\",\"orderSide\":\"SELL\",\"matchPrice\":\"1250.5\",\"matchQty\":\"0.4\","
                        + "\"matchValue\":\"500.2\",\"remainQty\":\"0.6\",\"feeRate\":\"0.0003\",\"isTaker\":\"0\","
                        + "\"tradeId\":\"9007199254740993\",\"tradeTime\":\"1767225600000\"}}",
                "{\"dt\":999,\"c\":20,\"d\":{}}",
                "{\"dt\":3,\"c\":20,\"d\":{\"s\":\"BTCUSD-27MAR26-100000-C\",\"mp\":1251.2,\"ip\":98000,\"iv\":0.61,\"delta\":0.45,\"ts\":2}}");
        client(Duration.ofSeconds(10), () -> { }).start();

        WsEvent order = events.poll(3, TimeUnit.SECONDS);
        assertThat(order).isInstanceOfSatisfying(WsEvent.OrderUpdate.class, o -> {
            assertThat(o.orderId()).isEqualTo(1983060031318396929L);
            assertThat(o.clientOrderId()).isEqualTo(1767225600001L);
            assertThat(o.filledQuantity()).isEqualByComparingTo("0.4");
            assertThat(o.state().name()).isEqualTo("PARTIALLY_FILLED");
        });
        WsEvent fill = events.poll(3, TimeUnit.SECONDS);
        assertThat(fill).isInstanceOfSatisfying(WsEvent.TradeFill.class, f -> {
            assertThat(f.fill().tradeId()).isEqualTo("9007199254740993");
            assertThat(f.fill().quantity()).isEqualByComparingTo("0.4");
            assertThat(f.fill().fee()).isEqualByComparingTo("0.15006");
        });
        assertThat(events.poll(3, TimeUnit.SECONDS)).isInstanceOf(WsEvent.Unknown.class);
        assertThat(events.poll(3, TimeUnit.SECONDS)).isInstanceOfSatisfying(WsEvent.Ticker.class,
                t -> assertThat(t.mark()).isEqualByComparingTo("1251.2"));
        assertThat(ws.malformedFrames()).isEqualTo(1);
    }

    @Test
    void aRefusedLoginTriesTheOtherSignatureOnceThenFails() throws Exception {
        accept("{\"code\":10587,\"msg\":\"login failed\"}");
        accept("{\"code\":10587,\"msg\":\"login failed\"}");
        CoincallWebSocket c = client(Duration.ofSeconds(10), () -> { });
        c.start();
        awaitState(ConnectionStatus.State.FAILED);
        assertThat(c.status().reason()).contains("10587");
        RecordedRequest firstTry = server.takeRequest(3, TimeUnit.SECONDS);
        RecordedRequest secondTry = server.takeRequest(3, TimeUnit.SECONDS);
        String ts = secondTry.getTarget().replaceAll(".*&ts=(\\d+)&.*", "$1");
        assertThat(secondTry.getTarget()).contains("&sign=" + new RequestSigner(KEYS.apiKey(), KEYS.apiSecret())
                .hmac("GET/users/self/verify?apiKey=ws-key+/=&ts=" + ts));
        assertThat(firstTry.getTarget()).isNotEqualTo(secondTry.getTarget());
    }

    @Test
    void backoffIsFullJitterCappedAtThirtySeconds() {
        Random random = new Random(42);
        List<Long> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            Duration d = Backoff.DEFAULT.delay(attempt, random);
            assertThat(d).isBetween(Duration.ofMillis(50), Duration.ofSeconds(30));
            assertThat(d.toMillis()).isLessThanOrEqualTo(Math.min(30_000, 500L << Math.min(attempt, 20)));
            delays.add(d.toMillis());
        }
        assertThat(delays.subList(10, 30)).as("jittered, not constant").doesNotHaveDuplicates();
    }
}
