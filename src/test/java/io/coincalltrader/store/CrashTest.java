package io.coincalltrader.store;

import io.coincalltrader.domain.order.OrderState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real proof of durability: a child JVM dies abruptly and a fresh open finds exactly what it confirmed. */
class CrashTest {
    private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anOrderConfirmedDurableSurvivesAnAbruptDeathRightAfter() throws Exception {
        Child child = Child.start("after-insert", dir.toString(), "4242");
        assertThat(child.awaitExit()).isEqualTo(137);
        assertThat(child.output()).contains("DURABLE 4242");

        try (Database db = Fixtures.open(dir, clock)) {
            assertThat(db.openReport().outcome()).isEqualTo(OpenReport.Outcome.OPENED);
            assertThat(db.openReport().previousShutdownClean()).isFalse();
            assertThat(db.openReport().summary()).contains("did not close cleanly");
            StoredOrder order = db.orders().byClientOrderId(4242).orElseThrow();
            assertThat(order.state()).isEqualTo(OrderState.PENDING_SEND);
            assertThat(db.orders().notTerminal()).containsExactly(order);
            assertThat(db.orders().events(4242)).singleElement().satisfies(e -> assertThat(e.detail())
                    .isEqualTo("sent from the child"));
            assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("ORDER"))).hasSize(1);
        }
    }

    @Test
    void aDeathInsideABatchLeavesNoneOfItAndASoundFile() throws Exception {
        Child child = Child.start("inside-batch", dir.toString());
        assertThat(child.awaitExit()).isEqualTo(137);
        assertThat(child.output()).contains("HALTING INSIDE THE BATCH");

        try (Connection c = Sqlite.openReadWrite(dir.resolve("paper.db"))) {
            assertThat(Sqlite.integrityProblems(c)).isEmpty();
        }
        try (Database db = Fixtures.open(dir, clock)) {
            assertThat(db.orders().allByClientOrderId()).containsOnlyKeys(1L);
            assertThat(db.fills().since(Instant.EPOCH)).isEmpty();
        }
    }

    @Test
    void anotherProcessHoldingTheProfileIsRefusedUntilItDies() throws Exception {
        Child child = Child.start("hold-lock", dir.toString());
        assertThat(child.readLine()).isEqualTo("LOCKED");

        assertThatThrownBy(() -> Fixtures.open(dir, clock)).isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("paper.lock");

        child.process.destroyForcibly(); // SIGKILL: the OS drops the lock, no stale lock file blocks the restart
        child.awaitExit();
        try (Database db = Fixtures.open(dir, clock)) {
            assertThat(db.openReport().previousShutdownClean()).isFalse();
        }
    }

    /** A child JVM on our test class path. */
    private record Child(Process process, BufferedReader out, List<String> lines) {
        static Child start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                    CrashingChild.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                    new ArrayList<>());
        }

        /** The next line that is ours (logging may interleave). */
        String readLine() throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (!line.startsWith("WARNING") && !line.contains(" WARN ") && !line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
            return process.exitValue();
        }

        String output() throws IOException {
            while (readLine() != null) {
                // drain
            }
            return String.join("\n", lines);
        }
    }
}
