package io.coincalltrader.store;

import io.coincalltrader.domain.order.ProductType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Disk full, damaged files and backups (RELIABILITY.md E2–E4). */
class StorageFaultTest {
    private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsATypedErrorRefusesNewOrdersAndLeavesWhatWasRecordedIntact() throws Exception {
        try (Database db = Fixtures.open(dir, clock)) {
            db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null);
            // Cap the file at its current size: the next page SQLite needs fails with SQLITE_FULL, as on a full disk.
            db.writer().submit(c -> {
                long pages = DatabaseOpenTest.strings(c, "PRAGMA page_count").stream().mapToLong(Long::parseLong).sum();
                Sqlite.exec(c, "PRAGMA max_page_count = " + pages);
                return null;
            }).join();

            // Big rows until the first refusal, then small ones to use up what is left in the last pages.
            assertThat(fillUp(db, 4_000)).isInstanceOf(StoreFullException.class).hasMessageContaining("paper.db");
            assertThat(fillUp(db, 50)).isInstanceOf(StoreFullException.class);
            assertThatThrownBy(() -> db.orders().insertPendingSend(Fixtures.order(2), Cause.USER, null))
                    .isInstanceOf(StoreFullException.class).hasMessageContaining("no new orders will be sent");

            // Space comes back: writing resumes without a restart.
            db.writer().submit(c -> {
                Sqlite.exec(c, "PRAGMA max_page_count = 1073741823");
                return null;
            }).join();
            db.orders().insertPendingSend(Fixtures.order(3), Cause.USER, null);
        }
        try (Database db = Fixtures.open(dir, clock)) {
            assertThat(db.openReport().outcome()).isEqualTo(OpenReport.Outcome.OPENED);
            assertThat(db.orders().allByClientOrderId()).containsOnlyKeys(1L, 3L);
        }
    }

    @Test
    void aShortLockByAnotherProgramIsWaitedOut() throws Exception {
        try (Database db = Fixtures.open(dir, clock);
             Connection other = Sqlite.openForBackup(db.file())) {
            Sqlite.exec(other, "BEGIN EXCLUSIVE");
            CompletableFuture<Boolean> write = db.fills().record(Fixtures.fill("L", 1, clock.instant()),
                    ProductType.OPTION, FillSource.WS);
            Sqlite.exec(other, "COMMIT");
            assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCleanCloseKeepsTheNewestFiveBackupsAndEachPassesTheIntegrityCheck() throws Exception {
        for (int i = 0; i < 7; i++) {
            try (Database db = Fixtures.open(dir, clock)) {
                db.orders().insertPendingSend(Fixtures.order(i + 1), Cause.USER, null);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        List<Path> backups = Files.list(dir.resolve("backups")).sorted().toList();
        assertThat(backups).hasSize(5).allSatisfy(b -> assertThat(b.getFileName().toString()).matches(
                "paper-\\d{8}T\\d{9}Z\\.db"));
        assertThat(backups.getFirst().getFileName().toString()).isEqualTo("paper-20260302T100200000Z.db");
        for (Path b : backups) {
            try (Connection c = Sqlite.openReadOnly(b)) {
                assertThat(Sqlite.integrityProblems(c)).isEmpty();
            }
        }
    }

    @Test
    void aBackupTakenWhileWritingIsConsistent() throws Exception {
        try (Database db = Fixtures.open(dir, clock)) {
            List<CompletableFuture<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                writes.add(db.fills().record(Fixtures.fill("T" + i, 1, clock.instant()), ProductType.OPTION,
                        FillSource.WS));
                if (i == 1_500) {
                    Path backup = db.backupNow();
                    try (Connection c = Sqlite.openReadOnly(backup)) {
                        assertThat(Sqlite.integrityProblems(c)).isEmpty();
                    }
                }
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDamagedFileIsSetAsideAndTheNewestBackupRestored() throws Exception {
        makeTwoBackups();
        corruptPages(dir.resolve("paper.db"));

        try (Database db = Fixtures.open(dir, clock)) {
            OpenReport report = db.openReport();
            assertThat(report.outcome()).isEqualTo(OpenReport.Outcome.RESTORED_FROM_BACKUP);
            assertThat(report.needsRebuildFromExchange()).isTrue();
            assertThat(report.restoredFrom()).map(p -> p.getFileName().toString()).contains("paper-20260302T100100000Z.db");
            assertThat(report.corruptFileKeptAt()).hasValueSatisfying(p -> {
                assertThat(p).exists();
                assertThat(p.getFileName().toString()).startsWith("paper.db.corrupt-");
            });
            assertThat(report.problem()).isPresent();
            assertThat(report.summary()).contains("damaged").contains("restored the backup").contains("rebuilt");
            assertThat(db.orders().allByClientOrderId()).containsOnlyKeys(1L, 2L);
        }
    }

    @Test
    void aFileThatIsNotADatabaseFallsBackPastADamagedBackupToAnOlderSoundOne() throws Exception {
        makeTwoBackups();
        Files.writeString(dir.resolve("paper.db"), "this is not an SQLite file, it is a shopping list ".repeat(200));
        List<Path> backups = Files.list(dir.resolve("backups")).sorted().toList();
        corruptPages(backups.getLast());

        try (Database db = Fixtures.open(dir, clock)) {
            assertThat(db.openReport().outcome()).isEqualTo(OpenReport.Outcome.RESTORED_FROM_BACKUP);
            assertThat(db.openReport().restoredFrom()).contains(backups.getFirst());
            assertThat(db.orders().allByClientOrderId()).containsOnlyKeys(1L);
        }
    }

    @Test
    void aDamagedFileWithNoBackupStartsEmptyAndSaysSo() throws Exception {
        try (Database db = Fixtures.open(dir, clock)) {
            for (int i = 1; i <= 200; i++) {
                db.orders().insertPendingSend(Fixtures.order(i), Cause.USER, null);
            }
        }
        deleteRecursively(dir.resolve("backups"));
        corruptPages(dir.resolve("paper.db"));

        try (Database db = Fixtures.open(dir, clock)) {
            assertThat(db.openReport().outcome()).isEqualTo(OpenReport.Outcome.STARTED_EMPTY_AFTER_DAMAGE);
            assertThat(db.openReport().summary()).contains("no usable backup").contains("started empty");
            assertThat(db.orders().all()).isEmpty();
            db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null);
        }
    }

    private static Throwable fillUp(Database db, int rowSize) throws Exception {
        String text = "x".repeat(rowSize);
        for (int i = 0; i < 10_000; i++) {
            try {
                db.journal().append("NOTE", Cause.SYSTEM, "fill the disk", text, null).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
        }
        return null;
    }

    private void makeTwoBackups() {
        try (Database db = Fixtures.open(dir, clock)) {
            db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null);
        }
        clock.advance(Duration.ofMinutes(1));
        try (Database db = Fixtures.open(dir, clock)) {
            db.orders().insertPendingSend(Fixtures.order(2), Cause.USER, null);
        }
        clock.advance(Duration.ofMinutes(1));
    }

    /** Overwrites the first bytes of every page after the first (the b-tree page headers) with 0xFF. */
    static void corruptPages(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            int pageSize = 4096;
            for (long page = 1; (page + 1) * pageSize <= f.length(); page++) {
                f.seek(page * pageSize);
                f.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                        (byte) 0xFF, (byte) 0xFF});
            }
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

}
