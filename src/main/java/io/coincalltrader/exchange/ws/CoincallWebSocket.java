package io.coincalltrader.exchange.ws;

import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.RequestSigner;
import io.coincalltrader.exchange.UnexpectedResponseException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One Coincall WebSocket (options or futures): authenticated in the URL, subscriptions re-sent after every
 * reconnect, a heartbeat that detects a silent socket, capped full-jitter backoff, and a REST resync (the
 * {@link ResyncListener}) after every (re)connect before the connection counts as LIVE — so no update is
 * silently missed. Events reach listeners in order on one dispatcher thread, never on OkHttp's reader.
 */
public final class CoincallWebSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CoincallWebSocket.class);
    private static final int LOGIN_FAILED = 10587;

    /** Fetches what may have been missed while disconnected (open orders, positions, fills), before LIVE. */
    @FunctionalInterface
    public interface ResyncListener {
        void resync() throws Exception;
    }

    private final OkHttpClient http;
    private final String socketUrl;
    private final RequestSigner signer;
    private final Clock clock;
    private final RandomGenerator random;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;
    private final Backoff backoff;
    private final ExecutorService dispatcher;
    private final Set<WsSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<WsEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong malformedFrames = new AtomicLong();
    private volatile ResyncListener resync = () -> { };
    private volatile WebSocket socket;
    private volatile ConnectionStatus status;
    private volatile Instant lastMessageAt;
    private volatile Instant heartbeatSentAt;
    private volatile boolean apiKeyForm;
    private volatile boolean loginRetried;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();

    public CoincallWebSocket(OkHttpClient http, String socketUrl, Credentials credentials, Clock clock, RandomGenerator random,
                             ScheduledExecutorService scheduler, Duration heartbeat, Backoff backoff) {
        this.http = http.newBuilder().pingInterval(heartbeat.multipliedBy(2)).build();
        this.socketUrl = socketUrl;
        this.signer = credentials == null ? null : new RequestSigner(credentials.apiKey(), credentials.apiSecret());
        this.clock = clock;
        this.random = random;
        this.scheduler = scheduler;
        this.heartbeat = heartbeat;
        this.backoff = backoff;
        this.status = ConnectionStatus.of(ConnectionStatus.State.DISCONNECTED, clock.instant());
        this.dispatcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ws-dispatch " + socketUrl.replaceAll("\\?.*", ""));
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> log.error("uncaught on {}", th.getName(), e));
            return t;
        });
    }

    public Registration onEvent(Consumer<WsEvent> listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /** Status changes; the current status is delivered at once. */
    public Registration onStatus(Consumer<ConnectionStatus> listener) {
        statusListeners.add(listener);
        ConnectionStatus now = status;
        dispatcher.execute(() -> listener.accept(now));
        return () -> statusListeners.remove(listener);
    }

    public void setResyncListener(ResyncListener listener) {
        this.resync = listener;
    }

    public ConnectionStatus status() {
        return status;
    }

    /** How long since the last frame arrived, or null before the first. */
    public Duration lastMessageAge() {
        Instant last = lastMessageAt;
        return last == null ? null : Duration.between(last, clock.instant());
    }

    public long malformedFrames() {
        return malformedFrames.get();
    }

    /** Connects and keeps the connection up until closed. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::checkHeartbeat, heartbeat.toMillis() / 2, Math.max(1, heartbeat.toMillis() / 2), TimeUnit.MILLISECONDS);
        connect();
    }

    public void subscribe(WsSubscription s) {
        if (subscriptions.add(s) && isOpen()) {
            send(s.frame("subscribe"));
        }
    }

    public void unsubscribe(WsSubscription s) {
        if (subscriptions.remove(s) && isOpen()) {
            send(s.frame("unSubscribe"));
        }
    }

    private boolean isOpen() {
        ConnectionStatus.State st = status.state();
        return st == ConnectionStatus.State.RESYNCING || st == ConnectionStatus.State.LIVE;
    }

    private void connect() {
        if (closed) {
            return;
        }
        long gen = generation.incrementAndGet();
        lastMessageAt = null;
        heartbeatSentAt = null;
        setStatus(new ConnectionStatus(ConnectionStatus.State.CONNECTING, clock.instant(), attempt.get(), Duration.ZERO, null));
        Request request = new Request.Builder().url(authenticatedUrl()).build();
        socket = http.newWebSocket(request, new Listener(gen));
    }

    /** The URL with its login query; values unencoded as Coincall's examples show. Never logged. */
    String authenticatedUrl() {
        if (signer == null) {
            return socketUrl;
        }
        long ts = clock.millis();
        String key = signer.apiKey();
        return socketUrl + "?code=10&uuid=" + key + "&ts=" + ts + "&sign=" + signer.signWebSocket(ts, apiKeyForm) + "&apiKey=" + key;
    }

    private void send(String frame) {
        WebSocket s = socket;
        if (s != null) {
            s.send(frame);
        }
    }

    private void onOpened(long gen) {
        // Coincall allows 100 requests per second per connection: pace the resubscription burst well below it.
        long delayMs = 0;
        for (WsSubscription s : subscriptions) {
            String frame = s.frame("subscribe");
            scheduler.schedule(() -> {
                if (generation.get() == gen) {
                    send(frame);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
            delayMs += 20;
        }
        setStatus(new ConnectionStatus(ConnectionStatus.State.RESYNCING, clock.instant(), attempt.get(), Duration.ZERO, null));
        dispatcher.execute(() -> {
            if (generation.get() != gen) {
                return;
            }
            try {
                resync.resync();
            } catch (Exception e) {
                log.warn("resync after connect failed; reconnecting", e);
                WebSocket s = socket;
                if (s != null) {
                    s.cancel();
                }
                return;
            }
            if (generation.get() == gen) {
                attempt.set(0);
                setStatus(ConnectionStatus.of(ConnectionStatus.State.LIVE, clock.instant()));
            }
        });
    }

    private void onText(long gen, String text) {
        if (generation.get() != gen) {
            return;
        }
        lastMessageAt = clock.instant();
        heartbeatSentAt = null;
        WsFrameParser.Frame frame;
        try {
            frame = WsFrameParser.parse(text);
        } catch (UnexpectedResponseException | IllegalArgumentException | ArithmeticException e) {
            malformedFrames.incrementAndGet();
            log.warn("ignored a malformed WebSocket frame: {}", e.getMessage());
            return;
        }
        if (frame.errorCode().isPresent()) {
            int code = frame.errorCode().get();
            log.warn("WebSocket error frame, code {}", code);
            if (code == LOGIN_FAILED) {
                onLoginFailed(gen);
            }
            return;
        }
        for (WsEvent event : frame.events()) {
            dispatcher.execute(() -> {
                for (Consumer<WsEvent> l : eventListeners) {
                    try {
                        l.accept(event);
                    } catch (RuntimeException e) {
                        log.error("WebSocket listener failed on {}", event.getClass().getSimpleName(), e);
                    }
                }
            });
        }
    }

    private void onLoginFailed(long gen) {
        if (!loginRetried) {
            // The documents disagree on the signed text: try the other form once.
            loginRetried = true;
            apiKeyForm = !apiKeyForm;
            generation.incrementAndGet();
            WebSocket s = socket;
            if (s != null) {
                s.close(1000, "login retry");
            }
            connect();
            return;
        }
        generation.incrementAndGet();
        closed = true;
        WebSocket s = socket;
        if (s != null) {
            s.close(1000, "login failed");
        }
        setStatus(new ConnectionStatus(ConnectionStatus.State.FAILED, clock.instant(), attempt.get(), Duration.ZERO,
                "The exchange refused the WebSocket login (code 10587): check the API key and secret"));
    }

    private void onDropped(long gen, String reason) {
        if (generation.get() != gen || closed) {
            return;
        }
        generation.incrementAndGet();
        int n = attempt.getAndIncrement();
        Duration delay = backoff.delay(n, random);
        log.info("WebSocket dropped ({}); reconnecting in {} ms (attempt {})", reason, delay.toMillis(), n + 1);
        setStatus(new ConnectionStatus(ConnectionStatus.State.RECONNECTING, clock.instant(), n + 1, delay, reason));
        scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a heartbeat after a quiet interval; a heartbeat left unanswered for another interval means a dead socket. */
    private void checkHeartbeat() {
        if (!isOpen()) {
            return;
        }
        Instant now = clock.instant();
        Instant sent = heartbeatSentAt;
        if (sent != null && Duration.between(sent, now).compareTo(heartbeat) >= 0) {
            log.warn("WebSocket silent for {} ms after a heartbeat; reconnecting", Duration.between(sent, now).toMillis());
            WebSocket s = socket;
            if (s != null) {
                s.cancel();
            }
            return;
        }
        Instant last = lastMessageAt;
        if (sent == null && (last == null || Duration.between(last, now).compareTo(heartbeat) >= 0)) {
            heartbeatSentAt = now;
            send("{\"action\":\"heartbeat\"}");
        }
    }

    private void setStatus(ConnectionStatus next) {
        status = next;
        dispatcher.execute(() -> {
            for (Consumer<ConnectionStatus> l : statusListeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    log.error("status listener failed", e);
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        generation.incrementAndGet();
        WebSocket s = socket;
        if (s != null) {
            s.close(1000, "closing");
        }
        setStatus(ConnectionStatus.of(ConnectionStatus.State.DISCONNECTED, clock.instant()));
        dispatcher.shutdown();
    }

    private final class Listener extends WebSocketListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            if (generation.get() == gen) {
                onOpened(gen);
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            onText(gen, text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            onDropped(gen, "closed by the exchange (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            onDropped(gen, t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
    }
}
