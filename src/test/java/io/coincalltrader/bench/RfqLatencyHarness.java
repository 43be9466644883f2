package io.coincalltrader.bench;

import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.rfq.RfqTaker;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ExchangeGateway;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.exchange.ws.Backoff;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.ui.rfq.LadderView;
import io.coincalltrader.ui.rfq.RfqTicketViewModel;
import io.coincalltrader.ui.rfq.RfqTicketWindow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import okhttp3.OkHttpClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Sends RFQs from the real ticket window over a real session and the paper exchange (quotes by push), hits the best
 * quote (arm, confirm) and prints quote-received-to-visible and click-to-request-sent percentiles.
 * Run (headless): see docs/PERFORMANCE.md §RFQ ticket latency.
 */
public final class RfqLatencyHarness {
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(20);
    /**
     * How often a condition that needs the FX thread (a lookup in the scene) is asked. A trader does not click faster
     * than this; asking every few milliseconds would load the FX thread the harness measures.
     */
    private static final long FX_POLL_MS = 25;
    /** How often a condition read off the FX thread (the copy of the ticket's RFQ) is asked. */
    private static final long POLL_MS = 1;
    private static final int MAX_TIMEOUTS = 3;

    /** The ticket's RFQ as the harness thread reads it: a copy made by a listener on the FX thread. */
    private static volatile RfqTaker.Live live;
    private static volatile boolean measuring;
    private static final AtomicLong clicked = new AtomicLong();
    /** One-click mode (third argument "oneclick"): the mouse goes down on Trade and comes up {@link #PRESS_MS} later. */
    private static boolean oneClick;
    /** How long a trader's click holds the mouse button down (a quick click is some 50-120 ms). */
    private static final long PRESS_MS = 60;
    /** The same click for the FX thread's share: the request often leaves before the FX thread is done with the click. */
    private static volatile long clickedOnFx;
    private static final List<Long> visible = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> sent = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> applied = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> dispatched = Collections.synchronizedList(new ArrayList<>());
    /** Clicks slower than this are listed one by one (when, in which round), to be matched with JVM or OS logs. */
    private static final long SLOW_CLICK_NANOS = 5_000_000;
    private static final List<String> slowClicks = Collections.synchronizedList(new ArrayList<>());
    private static volatile int roundNow;
    private static final List<Long> appliedToVisible = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> cssAndLayout = Collections.synchronizedList(new ArrayList<>());
    /** Quote-to-visible of the updates that ended the RFQ (the fill): the heaviest frames of a round (the ladders empty, the buttons change). */
    private static final List<Long> visibleFinal = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> cssAndLayoutFinal = Collections.synchronizedList(new ArrayList<>());
    /** The updates (by {@code changedNanos}) that ended the RFQ; FX thread only. */
    private static final java.util.Set<Long> finalUpdates = new java.util.HashSet<>();
    /** When each update (by its {@code changedNanos}) was applied; FX thread only. */
    private static final Map<Long, Long> appliedAt = new HashMap<>();

    private RfqLatencyHarness() {
    }

    public static void main(String[] args) {
        try {
            oneClick = args.length > 2 && args[2].equals("oneclick");
            run(args.length > 0 ? Integer.parseInt(args[0]) : 200, args.length > 1 ? Integer.parseInt(args[1]) : 5);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the FX and HTTP threads would keep the JVM up
        }
    }

    private static void run(int rounds, int warmup) throws Exception {
        io.coincalltrader.ui.WorkstationApp.pulseRate(); // as the app: 120 pulses a second unless -Djavafx.animation.pulse says otherwise
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

        Path dir = Files.createTempDirectory("rfq-bench");
        PaperExchange paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(true).withMakerDelay(Duration.ofMillis(100))
                .withTickInterval(Duration.ofMillis(200)));
        Credentials keys = new Credentials(paper.apiKey(), paper.apiSecret());
        ExchangeGateway gateway = timed(CoincallClient.create(CoincallConfig.of(paper.baseUrl(), keys)), nanos -> {
            long click = clicked.getAndSet(0); // zero in warm-up rounds
            if (click != 0) {
                sent.add(nanos - click);
                if (nanos - click > SLOW_CLICK_NANOS) {
                    slowClicks.add(String.format("round %d at %.3f s of the JVM's life: %.2f ms", roundNow + 1,
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, (nanos - click) / 1e6));
                }
            }
        });
        TradingSession session = TradingSession.open(gateway, dir, "bench", Clock.systemUTC());
        session.attachStream(new CoincallWebSocket(new OkHttpClient(), paper.optionsWebSocketUrl(), keys, Clock.systemUTC(),
                new SplittableRandom(), session.io(), Duration.ofSeconds(15), Backoff.DEFAULT));
        session.reconcile();
        session.startDesk(Duration.ofMillis(500));

        RfqTicketWindow window = fx(() -> open(session));
        Scene scene = window.stage().getScene();
        int done = 0;
        int timeouts = 0;
        long start = System.nanoTime();
        for (int round = 0; round < warmup + rounds && timeouts < MAX_TIMEOUTS; round++) {
            roundNow = round;
            measuring = round >= warmup;
            try {
                round(scene, window.model());
                done += measuring ? 1 : 0;
            } catch (TimeoutException e) {
                timeouts++;
                String status = fx(() -> window.model().statusProperty().get());
                System.out.printf("round %d timed out after %d s waiting for %s (ticket status: %s)%n", round + 1, ROUND_TIMEOUT.toSeconds(),
                        e.getMessage(), status);
                fx(() -> press(scene, "#rfq-cancel", null));
            }
        }
        long wall = System.nanoTime() - start;
        measuring = false;

        System.out.printf("rounds completed: %d of %d (after %d warm-up), %d timed out, %.1f s, %s, %s pulses a second%n", done, rounds, warmup,
                timeouts, wall / 1e9, oneClick ? "one-click mode (mouse down, " + PRESS_MS + " ms, mouse up)" : "arm, then confirm (mouse down, "
                        + PRESS_MS + " ms, mouse up)", System.getProperty("javafx.animation.pulse"));
        print("quote-received-to-visible (Live.changedNanos -> post-layout pulse)", visible);
        print("click-to-request-sent (confirm click -> RfqGateway.accept)", sent);
        print("  of which on the FX thread (confirm click -> accept handed to the engine)", dispatched);
        slowClicks.forEach(c -> System.out.println("    a click over 5 ms: " + c));
        print("  quote-received-to-applied (Live.changedNanos -> the update applied to the ticket)", applied);
        print("  applied-to-visible (the update applied -> post-layout: the wait for the pulse, if applied early, and the pulse)", appliedToVisible);
        print("  the pulse's CSS and layout (pre-layout -> post-layout)", cssAndLayout);
        print("  of all samples, those of the update that ended the RFQ: quote-to-visible", visibleFinal);
        print("    and their pulse's CSS and layout", cssAndLayoutFinal);
        System.out.println("load average at start: " + loadBefore + "; at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        pool(System.getProperty("bench.samples"));

        CompletableFuture.runAsync(window.stage()::hide, Platform::runLater).get(10, TimeUnit.SECONDS); // the ticket closes its feed
        session.close();
        gateway.close();
        paper.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Platform.exit();
    }

    /** One RFQ: send, wait for a hittable quote on it, arm, confirm, wait for the fill. */
    private static void round(Scene scene, RfqTicketViewModel model) throws Exception {
        String previous = live == null ? null : live.requestId(); // stable here: the last round's RFQ
        awaitFx("the Send button to be enabled (the structure priced)", () -> press(scene, "#rfq-send", null));
        await("quotes on the new RFQ", () -> {
            RfqTaker.Live l = live;
            return l != null && !l.requestId().equals(previous) && !l.quotes().isEmpty();
        });
        String request = live.requestId();
        RfqQuote best = awaitFx("a hittable quote on the new RFQ", () -> firstHittable(model, request));
        String id = best.quoteId();
        if (!oneClick) {
            awaitFx("the quote's Trade button", () -> pressHit(scene, id, "Trade"));
            Thread.sleep(RfqTicketViewModel.CONFIRM_AFTER.toMillis() + 50); // a confirm too soon after arming counts as a double click
        }
        // The click that sends, as a trader's mouse makes it: the button goes down, and comes up a moment later.
        String button = oneClick ? "Trade" : "Confirm";
        awaitFx("the quote's " + button + " button to press", () -> mouse(scene, id, button, MouseEvent.MOUSE_PRESSED));
        Thread.sleep(PRESS_MS);
        awaitFx("the quote's " + button + " button to release", () -> mouse(scene, id, button, MouseEvent.MOUSE_RELEASED));
        await("the RFQ to fill", () -> {
            RfqTaker.Live l = live;
            return l != null && l.requestId().equals(request) && l.state() == RfqState.FILLED;
        });
    }

    /** Opens the ticket (FX thread) in the app's theme, with the probe and a copy of its RFQ for the harness thread. */
    private static RfqTicketWindow open(TradingSession session) {
        Map<String, String> memory = new HashMap<>();
        RfqTicketViewModel.Guards d = RfqTicketViewModel.Guards.defaults();
        RfqTicketViewModel.Guards guards = new RfqTicketViewModel.Guards(d.staleAfter(), d.bandFraction(), d.minBandPerContract(), oneClick);
        RfqTicketWindow w = new RfqTicketWindow(null, session, () -> guards, new RfqTicketWindow.Memory() {
            @Override
            public String get(String key) {
                return memory.get(key);
            }

            @Override
            public void put(String key, String value) {
                memory.put(key, value);
            }
        }, msg -> { });
        w.setProbe(new RfqTicketWindow.Probe() {
            @Override
            public void quoteVisible(long changedNanos, long pulseNanos, long visibleNanos) {
                Long applied = appliedAt.remove(changedNanos);
                if (measuring) {
                    visible.add(visibleNanos - changedNanos);
                    if (applied != null) {
                        appliedToVisible.add(visibleNanos - applied);
                    }
                    cssAndLayout.add(visibleNanos - pulseNanos);
                    if (finalUpdates.remove(changedNanos)) {
                        visibleFinal.add(visibleNanos - changedNanos);
                        cssAndLayoutFinal.add(visibleNanos - pulseNanos);
                    }
                }
            }

            @Override
            public void confirmClicked(long nanos) {
                clicked.set(measuring ? nanos : 0);
                clickedOnFx = measuring ? nanos : 0;
            }

            @Override
            public void quoteApplied(long changedNanos, long appliedNanos) {
                if (measuring) {
                    applied.add(appliedNanos - changedNanos);
                    appliedAt.put(changedNanos, appliedNanos);
                    RfqTaker.Live l = w.model().liveProperty().get();
                    if (l != null && l.changedNanos() == changedNanos && l.state() != RfqState.ACTIVE) {
                        finalUpdates.add(changedNanos);
                    }
                }
            }

            @Override
            public void acceptDispatched(long nanos) {
                long c = clickedOnFx;
                if (measuring && c != 0) {
                    dispatched.add(nanos - c);
                }
            }
        });
        // Invalidation, not change: a change listener would compare each update with the last, field by field, on the
        // very thread the harness measures.
        w.model().liveProperty().addListener(o -> live = w.model().liveProperty().get());
        w.stage().getScene().getStylesheets().setAll(css("dark"), css("base"));
        w.show();
        return w;
    }

    /** The best quote that may be hit in the "as built" ladder of this RFQ, or null (FX thread). */
    private static RfqQuote firstHittable(RfqTicketViewModel model, String requestId) {
        return model.offerRows().stream().map(line -> line.row()).filter(r -> r.hittable() && r.quote().requestId().equals(requestId))
                .map(r -> r.quote()).findFirst().orElse(null);
    }

    private static String css(String name) {
        return RfqLatencyHarness.class.getResource("/io/coincalltrader/ui/theme/" + name + ".css").toExternalForm();
    }

    /** Fires the showing, enabled button with this id (and text, when given); false when there is none yet. */
    /**
     * The ticket's buttons and ladders, looked up once: a lookup walks the whole scene (every text of every grid), which
     * asked every 25 ms would itself load the FX thread the harness measures.
     */
    private static final Map<String, java.util.Set<Node>> LOOKED_UP = new HashMap<>();

    private static java.util.Set<Node> lookup(Scene scene, String selector) {
        return LOOKED_UP.computeIfAbsent(selector, k -> scene.getRoot().lookupAll(k));
    }

    private static boolean press(Scene scene, String id, String text) {
        for (Node n : lookup(scene, id)) {
            if (n instanceof Button b && shown(b) && !b.isDisabled() && (text == null || text.equals(b.getText()))) {
                b.fire();
                return true;
            }
        }
        return false;
    }

    /** Fires the Trade / Confirm button of the ladder line showing this quote, when it shows this text and is enabled. */
    private static boolean pressHit(Scene scene, String quoteId, String text) {
        for (Node n : lookup(scene, ".ladder")) {
            Button b = ((LadderView) n).button(quoteId).orElse(null);
            if (b != null && shown(b) && !b.isDisabled() && text.equals(b.getText())) {
                b.fire();
                return true;
            }
        }
        return false;
    }

    /** Sends the quote's enabled button showing this text a primary-button mouse press or release; false when there is none yet. */
    private static boolean mouse(Scene scene, String quoteId, String text, javafx.event.EventType<MouseEvent> type) {
        for (Node n : lookup(scene, ".ladder")) {
            Button b = ((LadderView) n).button(quoteId).orElse(null);
            if (b != null && shown(b) && !b.isDisabled() && text.equals(b.getText())) {
                boolean down = type == MouseEvent.MOUSE_PRESSED;
                javafx.event.Event.fireEvent(b, new MouseEvent(type, 10, 10, 10, 10, MouseButton.PRIMARY, 1, false, false, false, false,
                        down, false, false, true, false, true, null));
                return true;
            }
        }
        return false;
    }

    /** A ladder line that shows no quote hides its button: only a button whose every ancestor shows counts. */
    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** {@link #await} for a condition read on the FX thread, asked every {@link #FX_POLL_MS}. */
    private static <T> T awaitFx(String what, Supplier<T> condition) throws Exception {
        return await(what, () -> fx(condition), FX_POLL_MS);
    }

    /** Polls (off the FX thread) until the condition answers something other than null or false, and returns that answer. */
    private static <T> T await(String what, Callable<T> condition) throws Exception {
        return await(what, condition, POLL_MS);
    }

    private static <T> T await(String what, Callable<T> condition, long everyMillis) throws Exception {
        long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
        for (T answer = condition.call(); ; answer = condition.call()) {
            if (answer != null && !Boolean.FALSE.equals(answer)) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what);
            }
            Thread.sleep(everyMillis);
        }
    }

    /** Runs on the FX thread and waits for the answer (the harness is no producer: it may block). */
    private static <T> T fx(Supplier<T> work) throws Exception {
        try {
            return CompletableFuture.supplyAsync(work, Platform::runLater).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the FX thread (no answer in 10 s)");
        }
    }

    /**
     * With {@code -Dbench.samples=FILE}: adds this run's quote-to-visible and click samples to FILE and prints both over
     * every run the file holds. A p99 of one short run is its second-worst sample; runs pooled give it more to stand on.
     */
    private static void pool(String file) throws java.io.IOException {
        if (file == null) {
            return;
        }
        Path path = Path.of(file);
        StringBuilder add = new StringBuilder();
        synchronized (visible) {
            visible.forEach(v -> add.append("visible ").append(v).append('\n'));
        }
        synchronized (sent) {
            sent.forEach(v -> add.append("click ").append(v).append('\n'));
        }
        Files.writeString(path, add, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        List<String> lines = Files.readAllLines(path);
        List<Long> pooledVisible = new ArrayList<>();
        List<Long> pooledClick = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            (f[0].equals("visible") ? pooledVisible : pooledClick).add(Long.parseLong(f[1]));
        }
        print("pooled over every run in " + file + ": quote-received-to-visible", pooledVisible);
        print("pooled over every run in " + file + ": click-to-request-sent", pooledClick);
    }

    private static void print(String what, List<Long> samples) {
        long[] v;
        synchronized (samples) {
            v = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf("%s, ms: n=%d  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", what, v.length, pct(v, 50), pct(v, 90), pct(v, 99),
                v.length == 0 ? Double.NaN : v[v.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** The client, its RFQ gateway timed: {@code accept} stamps {@link System#nanoTime()} before it delegates. */
    private static ExchangeGateway timed(ExchangeGateway client, LongConsumer accepted) {
        RfqGateway rfq = delegate(RfqGateway.class, client.rfq(), method -> {
            if (method.equals("accept")) {
                accepted.accept(System.nanoTime());
            }
            return null;
        });
        return delegate(ExchangeGateway.class, client, method -> method.equals("rfq") ? rfq : null);
    }

    /** A wrapper that delegates every method to {@code inner}, unless {@code own} answers for it (by name) with non-null. */
    private static <T> T delegate(Class<T> type, T inner, Function<String, Object> own) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object answer = own.apply(method.getName());
            if (answer != null) {
                return answer;
            }
            try {
                return method.invoke(inner, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // the exchange's own exception, as the engine expects it
            }
        }));
    }
}
