package io.coincalltrader.store;

import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fills, the journal, RFQs, account snapshots and settings. */
class RecordsTest {
    private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Fixtures.open(dir, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFillHeardTwiceIsRecordedOnce() {
        Instant t = Instant.parse("2026-03-02T09:59:00Z");
        assertThat(db.fills().record(Fixtures.fill("T-1", 3, t), ProductType.OPTION, FillSource.WS).join()).isTrue();
        assertThat(db.fills().record(Fixtures.fill("T-1", 3, t), ProductType.OPTION, FillSource.REST).join()).isFalse();
        assertThat(db.fills().forOrder(3)).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(FillSource.WS);
            assertThat(f.fill()).isEqualTo(Fixtures.fill("T-1", 3, t));
            assertThat(f.recordedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void recoveryFindsFillsSinceATimeAndTheLastTradePerProduct() {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            db.fills().record(Fixtures.fill("O" + i, 1, t0.plusSeconds(i)), ProductType.OPTION, FillSource.REST);
        }
        db.fills().record(Fixtures.fill("F1", 2, t0.plusSeconds(2)), ProductType.FUTURE, FillSource.WS).join();

        assertThat(db.fills().since(t0.plusSeconds(3))).extracting(f -> f.fill().tradeId()).containsExactly("O3", "O4");
        assertThat(db.fills().latest(ProductType.OPTION)).map(f -> f.fill().tradeId()).contains("O4");
        assertThat(db.fills().lastTradeIdPerProduct()).containsOnlyKeys(ProductType.OPTION, ProductType.FUTURE)
                .containsEntry(ProductType.FUTURE, "F1");
        assertThat(db.fills().latest(ProductType.SPOT)).isEmpty();
    }

    @Test
    void theJournalRefusesUpdatesAndDeletesEvenFromRawSql() throws Exception {
        long id = db.journal().append("MANUAL", Cause.USER, "BTC", "Closed all BTC", "{\"n\":1}").join();

        assertThatThrownBy(() -> db.writer().submit(c -> exec(c, "UPDATE journal SET message = 'x'")).join())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.writer().submit(c -> exec(c, "DELETE FROM journal WHERE id = " + id)).join())
                .hasMessageContaining("append-only");
        try (Connection c = Sqlite.openReadWrite(db.file()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM journal")).hasMessageContaining("append-only");
        }
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all())).singleElement()
                .satisfies(j -> assertThat(j.message()).isEqualTo("Closed all BTC"));
    }

    @Test
    void theJournalFiltersByTimeKindAndCause() {
        db.journal().append("ORDER", Cause.USER, "a", "one", null);
        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.instant();
        db.journal().append("ORDER", Cause.RULE, "b", "two", null);
        db.journal().append("LIFECYCLE", Cause.RULE, "c", "three", null);
        db.journal().append("LIFECYCLE", Cause.SYSTEM, "d", "four", null).join();

        assertThat(db.journal().since(later, JournalFilter.all())).extracting(JournalEntry::message)
                .containsExactly("two", "three", "four");
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("ORDER"))).hasSize(2);
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("LIFECYCLE").causes(Cause.RULE)))
                .extracting(JournalEntry::subject).containsExactly("c");
        assertThat(db.journal().since(Instant.EPOCH, new JournalFilter(java.util.Set.of(), java.util.Set.of(), 1)))
                .hasSize(1);
    }

    @Test
    void anRfqKeepsEveryQuoteAndAcceptsOnlyOne() {
        Instant created = Instant.parse("2026-03-02T09:00:00Z");
        List<RfqLeg> legs = List.of(new RfqLeg("BTCUSD-27JUN25-100000-C", Side.BUY, new BigDecimal("5")),
                new RfqLeg("BTCUSD-27JUN25-110000-C", Side.SELL, new BigDecimal("5")));
        db.rfqs().record(new Rfq("R1", RfqState.ACTIVE, created, created.plusSeconds(300), legs));
        RfqQuote q1 = quote("Q1", QuoteState.OPEN, "1200.5");
        RfqQuote q2 = quote("Q2", QuoteState.OPEN, "1190");
        assertThat(db.rfqs().recordQuote(q1).join()).isTrue();
        assertThat(db.rfqs().recordQuote(q1).join()).as("same quote, same state").isFalse();
        db.rfqs().recordQuote(q2);
        db.rfqs().recordQuote(quote("Q1", QuoteState.CANCELLED, "1200.5"));

        assertThat(db.rfqs().recordAcceptIntent("R1", "Q2", Cause.USER).join()).isTrue();
        assertThat(db.rfqs().recordAcceptIntent("R1", "Q1", Cause.USER).join()).as("never a second accept").isFalse();
        assertThat(db.rfqs().unresolved()).singleElement().satisfies(r -> {
            assertThat(r.acceptOutcomeUnknown()).isTrue();
            assertThat(r.rfq().legs()).isEqualTo(legs);
            assertThat(r.quotes()).extracting(q -> q.quote().quoteId() + ":" + q.quote().state())
                    .containsExactly("Q1:OPEN", "Q2:OPEN", "Q1:CANCELLED");
            assertThat(r.quotes().get(1).quote()).isEqualTo(q2);
        });

        assertThat(db.rfqs().filledLegs()).as("not filled yet").isEmpty();
        db.rfqs().recordResult("R1", RfqState.FILLED, "{\"blockTradeId\":\"B9\"}", Cause.EXCHANGE).join();
        assertThat(db.rfqs().filledLegs()).containsExactly(java.util.Map.entry("R1", legs));
        StoredRfq done = db.rfqs().find("R1").orElseThrow();
        assertThat(done.rfq().state()).isEqualTo(RfqState.FILLED);
        assertThat(done.acceptedQuoteId()).isEqualTo("Q2");
        assertThat(done.acceptedAt()).isEqualTo(clock.instant());
        assertThat(db.rfqs().unresolved()).isEmpty();
        assertThat(db.rfqs().since(created)).hasSize(1);
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("RFQ"))).hasSize(2);
    }

    @Test
    void theMakerOfAQuoteAndThePackageMarkRoundTrip() {
        Instant created = Instant.parse("2026-03-02T09:00:00Z");
        db.rfqs().record(new Rfq("R1", RfqState.ACTIVE, created, created.plusSeconds(300),
                List.of(new RfqLeg("BTCUSD-27JUN25-100000-C", Side.BUY, new BigDecimal("5")))));
        db.rfqs().recordMark("R1", new BigDecimal("-1234.50"));
        RfqQuote q = quote("Q1", QuoteState.OPEN, "1200.5");
        db.rfqs().recordQuote(new RfqQuote(q.quoteId(), q.requestId(), q.state(), q.createTime(), q.expiryTime(), q.legs(), "71001"));
        db.rfqs().recordQuote(quote("Q2", QuoteState.OPEN, "1190")).join();

        StoredRfq found = db.rfqs().find("R1").orElseThrow();
        assertThat(found.packageMark()).isEqualTo(new BigDecimal("-1234.50")); // scale kept, sign kept
        assertThat(found.quotes()).extracting(sq -> sq.quote().maker()).containsExactly("71001", null);
        assertThat(found.quotes().getFirst().quote().legs()).isEqualTo(q.legs());
        assertThat(db.rfqs().since(created)).singleElement().extracting(StoredRfq::packageMark).isEqualTo(new BigDecimal("-1234.50"));
    }

    @Test
    void recentRfqsAreNewestFirstFromATimeUpToALimitEachWithItsOwnQuotes() {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            db.rfqs().record(new Rfq("R" + i, RfqState.EXPIRED, t0.plusSeconds(60L * i), null,
                    List.of(new RfqLeg("BTCUSD-27JUN25-100000-C", Side.BUY, BigDecimal.ONE))));
            for (int k = 0; k <= i; k++) {
                db.rfqs().recordQuote(new RfqQuote("Q" + i + "-" + k, "R" + i, QuoteState.OPEN, t0, null,
                        List.of(new QuoteLeg("BTCUSD-27JUN25-100000-C", Side.SELL, BigDecimal.TEN, BigDecimal.ONE))));
            }
        }
        db.writer().submit(c -> null).join();

        List<StoredRfq> recent = db.rfqs().recent(t0.plusSeconds(60), 3);
        assertThat(recent).extracting(r -> r.rfq().requestId()).containsExactly("R4", "R3", "R2");
        assertThat(recent).allSatisfy(r -> assertThat(r.quotes()).hasSize(Integer.parseInt(r.rfq().requestId().substring(1)) + 1)
                .allMatch(sq -> sq.quote().requestId().equals(r.rfq().requestId())));
        assertThat(db.rfqs().recent(t0.plusSeconds(200), 10)).extracting(r -> r.rfq().requestId()).containsExactly("R4");
        assertThat(db.rfqs().recent(t0.plusSeconds(600), 10)).isEmpty();
    }

    @Test
    void aStoreWrittenAtSchemaOneOpensMigratedWithItsRfqsIntact() throws Exception {
        Path old = java.nio.file.Files.createDirectory(dir.resolve("v1"));
        try (Connection c = Sqlite.openReadWrite(old.resolve("paper.db")); Statement s = c.createStatement()) {
            assertThat(new Migrator(List.of("V1__initial.sql"), clock).migrate(c, old.resolve("paper.db"))).containsExactly("V1__initial.sql");
            s.executeUpdate("INSERT INTO rfqs (request_id, legs, state, created_at, expires_at, accepted_quote_id, accepted_at, result,"
                    + " updated_at) VALUES ('R0', '[{\"instrument\":\"BTCUSD-27JUN25-100000-C\",\"side\":\"BUY\",\"qty\":\"2\"}]',"
                    + " 'FILLED', 1000, 301000, 'Q0', 5000, '{\"blockTradeId\":\"B0\",\"quoteId\":\"Q0\"}', 6000)");
            s.executeUpdate("INSERT INTO rfq_quotes (quote_id, request_id, state, legs, created_at, expires_at, received_at) VALUES"
                    + " ('Q0', 'R0', 'OPEN', '[{\"instrument\":\"BTCUSD-27JUN25-100000-C\",\"makerSide\":\"SELL\",\"price\":\"101.5\","
                    + "\"qty\":\"2\"}]', 2000, 302000, 3000)");
        }

        try (Database migrated = Fixtures.open(old, clock)) {
            assertThat(migrated.openReport().migrationsApplied()).containsExactly("V2__rfq_details.sql", "V3__rfq_arm.sql");
            StoredRfq r0 = migrated.rfqs().find("R0").orElseThrow();
            assertThat(r0.rfq()).isEqualTo(new Rfq("R0", RfqState.FILLED, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(301000),
                    List.of(new RfqLeg("BTCUSD-27JUN25-100000-C", Side.BUY, new BigDecimal("2")))));
            assertThat(r0.packageMark()).isNull();
            assertThat(r0.acceptedQuoteId()).isEqualTo("Q0");
            assertThat(r0.resultJson()).contains("B0");
            assertThat(r0.quotes()).singleElement().satisfies(q -> {
                assertThat(q.quote().maker()).isNull();
                assertThat(q.quote().takerCost()).isEqualByComparingTo("203");
                assertThat(q.receivedAt()).isEqualTo(Instant.ofEpochMilli(3000));
            });
            // The new columns take values on the old rows.
            migrated.rfqs().recordMark("R0", new BigDecimal("200")).join();
            assertThat(migrated.rfqs().recent(Instant.EPOCH, 10)).singleElement().extracting(StoredRfq::packageMark)
                    .isEqualTo(new BigDecimal("200"));
        }
    }

    @Test
    void accountSnapshotsMakeTheEquityCurve() {
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 0; i < 4; i++) {
            db.accountSnapshots().record(new AccountSnapshot(t0.plusSeconds(60L * i), new BigDecimal("10000." + i),
                    new BigDecimal("8000"), new BigDecimal("1500.25"), new BigDecimal("700"), new BigDecimal("-12.5")));
        }
        db.accountSnapshots().latest(); // reads never block on the writer
        db.writer().submit(c -> null).join();

        assertThat(db.accountSnapshots().between(t0.plusSeconds(60), t0.plusSeconds(180)))
                .extracting(AccountSnapshot::equity).containsExactly(new BigDecimal("10000.1"), new BigDecimal("10000.2"));
        assertThat(db.accountSnapshots().latest()).map(AccountSnapshot::time).contains(t0.plusSeconds(180));
    }

    @Test
    void settingsAreKeyValue() {
        assertThat(db.settings().get("rfq.defaultExpiry")).isEmpty();
        db.settings().put("rfq.defaultExpiry", "300");
        db.settings().put("rfq.defaultExpiry", "120").join();
        assertThat(db.settings().get("rfq.defaultExpiry")).contains("120");
        assertThat(db.settings().all()).containsEntry("rfq.defaultExpiry", "120");
    }

    private RfqQuote quote(String id, QuoteState state, String price) {
        return new RfqQuote(id, "R1", state, clock.instant(), clock.instant().plusSeconds(30), List.of(
                new QuoteLeg("BTCUSD-27JUN25-100000-C", Side.SELL, new BigDecimal(price), new BigDecimal("5")),
                new QuoteLeg("BTCUSD-27JUN25-110000-C", Side.BUY, new BigDecimal("400"), new BigDecimal("5"))));
    }

    private static Object exec(Connection c, String sql) throws java.sql.SQLException {
        Sqlite.exec(c, sql);
        return null;
    }
}
