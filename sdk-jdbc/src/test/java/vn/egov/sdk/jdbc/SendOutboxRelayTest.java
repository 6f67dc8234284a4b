package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.jdbc.testsupport.AxisFixtures;
import vn.egov.sdk.jdbc.testsupport.OutageDataSource;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.RecordingAxis;
import vn.egov.sdk.testkit.NationalSandbox;

class SendOutboxRelayTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static NationalSandbox sandbox;
    private static LgspAxisClient axis;
    private final JdbcSendOutbox outbox = new JdbcSendOutbox(JdbcTables.defaults());
    private final ManualClock clock = new ManualClock(Instant.now().plusSeconds(1));

    /** A simulated crash: thrown by a hook, not caught by the relay. */
    static final class Crash extends RuntimeException {
        Crash(String step) {
            super("simulated crash at " + step);
        }
    }

    @BeforeAll
    static void setUp() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE vendor_doc (id TEXT PRIMARY KEY)");
        }
        sandbox = NationalSandbox.start();
        axis = AxisFixtures.system1(sandbox);
    }

    @AfterAll
    static void tearDown() {
        axis.close();
        sandbox.close();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        sql("DELETE FROM egov_send_outbox");
    }

    @Test
    void aRowRolledBackWithTheVendorsChangeIsNeverSentACommittedOneIsSentOnce() throws SQLException {
        int before = sandbox.lgsp().documentsStored();
        try (Connection c = PG.dataSource().getConnection()) {
            c.setAutoCommit(false);
            vendorChange(c, "rolled-back");
            outbox.enqueue(c, "rolled-back", AxisFixtures.document("RB-1"));
            c.rollback();
        }
        try (Connection c = PG.dataSource().getConnection()) {
            c.setAutoCommit(false);
            vendorChange(c, "crashed");
            outbox.enqueue(c, "crashed", AxisFixtures.document("CR-1"));
            // the vendor's process dies before commit: the connection goes away with the transaction open
        }
        assertEquals(0, relay(PG.dataSource()).build().relayOnce());
        assertEquals(before, sandbox.lgsp().documentsStored());

        UUID id = enqueueCommitted("committed", AxisFixtures.document("OK-1"));
        assertEquals(1, relay(PG.dataSource()).build().relayOnce());
        assertEquals(before + 1, sandbox.lgsp().documentsStored());
        assertEquals("SENT", status(id));
        assertTrue(count("SELECT count(*) FROM egov_send_outbox WHERE axis_doc_id IS NOT NULL AND sent_at IS NOT NULL"
                + " AND aggregatetype = 'edxml' AND type = 'edxml.document' AND aggregateid = 'committed'") == 1);
        assertEquals(0, relay(PG.dataSource()).build().relayOnce());
    }

    @Test
    void enqueueRefusesAnAutoCommitConnectionAndABlankId() throws SQLException {
        try (Connection c = PG.dataSource().getConnection()) {
            c.setAutoCommit(true);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> outbox.enqueue(c, "x", AxisFixtures.document("AC-1")));
            assertTrue(e.getMessage().contains("vendorTx"), e.getMessage());
            c.setAutoCommit(false);
            assertThrows(ValidationException.class, () -> outbox.enqueue(c, " ", AxisFixtures.document("AC-2")));
            c.rollback();
        }
        assertEquals(0, count("SELECT count(*) FROM egov_send_outbox"));
    }

    @ParameterizedTest
    @EnumSource(SendOutboxRelay.Step.class)
    void aCrashAtAnyStepLosesNothingAndSendsNothingTwice(SendOutboxRelay.Step crashAt) throws SQLException {
        int before = sandbox.lgsp().documentsStored();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(enqueueCommitted("crash-" + crashAt + "-" + i, AxisFixtures.document(crashAt + "-" + i)));
        }
        SendOutboxRelay crashing = relay(PG.dataSource()).hook((step, id) -> {
            if (step == crashAt) {
                throw new Crash(step.name());
            }
        }).build();
        assertThrows(Crash.class, crashing::relayOnce);

        // the node restarts; until the lease ends, nothing is taken again
        SendOutboxRelay restarted = relay(PG.dataSource()).build();
        assertEquals(0, drain(restarted));
        clock.advance(LEASE.plusSeconds(1));
        drain(restarted);
        assertEquals(before + 3, sandbox.lgsp().documentsStored(), "each package once at the axis");
        for (UUID id : ids) {
            assertEquals("SENT", status(id));
        }
    }

    @Test
    void aRowFoundInFlightIsLookedUpBeforeItIsSentAgain() throws SQLException {
        int before = sandbox.lgsp().documentsStored();
        UUID fresh = enqueueCommitted("check-fresh", AxisFixtures.document("CK-0"));
        AtomicInteger asked = new AtomicInteger();
        DuplicateCheck never = (row, payload) -> {
            asked.incrementAndGet();
            return Optional.empty();
        };
        relay(PG.dataSource()).duplicateCheck(never).build().relayOnce();
        assertEquals(0, asked.get(), "a row never attempted is not looked up");
        assertEquals("SENT", status(fresh));

        UUID id = enqueueCommitted("check-inflight", AxisFixtures.document("CK-1"));
        assertThrows(Crash.class, relay(PG.dataSource()).hook((step, row) -> {
            if (step == SendOutboxRelay.Step.SENT) {
                throw new Crash("SENT");
            }
        }).build()::relayOnce);
        assertEquals(before + 2, sandbox.lgsp().documentsStored());

        clock.advance(LEASE.plusSeconds(1));
        DuplicateCheck unknown = (row, payload) -> {
            asked.incrementAndGet();
            throw new SendOutboxException("the portal's sent list is unreachable", true, null);
        };
        assertEquals(1, relay(PG.dataSource()).duplicateCheck(unknown).build().relayOnce());
        assertEquals("SENDING", status(id), "an unknown answer sends nothing and waits");
        assertEquals(0, relay(PG.dataSource()).duplicateCheck(unknown).build().relayOnce(), "backing off");

        clock.advance(Duration.ofMinutes(15));
        DuplicateCheck found = (row, payload) -> {
            asked.incrementAndGet();
            assertEquals(id, row);
            return Optional.of("doc-known-to-the-vendor");
        };
        assertEquals(1, relay(PG.dataSource()).duplicateCheck(found).build().relayOnce());
        assertEquals("SENT", status(id));
        assertEquals(2, asked.get());
        assertEquals(1, count("SELECT count(*) FROM egov_send_outbox WHERE axis_doc_id = 'doc-known-to-the-vendor'"));
        assertEquals(before + 2, sandbox.lgsp().documentsStored(), "nothing sent again");
    }

    @Test
    void withIdempotencyKeysEveryAttemptOfARowCarriesTheRowsId() throws SQLException {
        int before = sandbox.lgsp().documentsStored();
        UUID id = enqueueCommitted("idem", AxisFixtures.document("ID-1"));
        RecordingAxis recording = new RecordingAxis(axis);
        assertThrows(Crash.class, SendOutboxRelay.builder(PG.dataSource(), recording).clock(clock).lease(LEASE)
                .idempotencyKeys(true).hook((step, row) -> {
                    if (step == SendOutboxRelay.Step.SENT) {
                        throw new Crash("SENT");
                    }
                }).build()::relayOnce);
        clock.advance(LEASE.plusSeconds(1));
        assertEquals(1, SendOutboxRelay.builder(PG.dataSource(), recording).clock(clock).lease(LEASE)
                .idempotencyKeys(true).build().relayOnce());
        assertEquals("SENT", status(id));
        assertEquals(2, recording.sends().size());
        for (var options : recording.sends()) {
            assertEquals(Optional.of(SendOutboxRelay.IDEMPOTENCY_PREFIX + id), options.idempotencyKey());
        }
        assertEquals(before + 1, sandbox.lgsp().documentsStored());
    }

    @Test
    void twoRelaysOnOneDatabaseSendEachRowOnce() throws Exception {
        int before = sandbox.lgsp().documentsStored();
        int rows = 30;
        for (int i = 0; i < rows; i++) {
            enqueueCommitted("two-" + i, AxisFixtures.document("TWO-" + i));
        }
        Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        SendOutboxRelay.Hook counting = (step, id) -> {
            if (step == SendOutboxRelay.Step.SENT) {
                sends.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            SendOutboxRelay relay = relay(PG.dataSource()).batchSize(3).hook(counting).build();
            Thread t = new Thread(() -> drain(relay));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(rows, sends.size(), "failed: " + count("SELECT count(*) FROM egov_send_outbox WHERE"
                + " last_error IS NOT NULL"));
        assertTrue(sends.values().stream().allMatch(c -> c.get() == 1), sends.toString());
        assertEquals(before + rows, sandbox.lgsp().documentsStored());
        assertEquals(rows, count("SELECT count(*) FROM egov_send_outbox WHERE status = 'SENT'"));
    }

    @Test
    void theDatabaseDownBetweenSendAndMarkIsATypedErrorAndThePackageIsNotSentTwice() throws SQLException {
        int before = sandbox.lgsp().documentsStored();
        UUID id = enqueueCommitted("down-mark", AxisFixtures.document("DM-1"));
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        SendOutboxRelay relay = relay(db).hook((step, row) -> db.mode(step == SendOutboxRelay.Step.SENT
                ? OutageDataSource.Mode.REFUSE : OutageDataSource.Mode.UP)).build();
        SendOutboxException e = assertThrows(SendOutboxException.class, relay::relayOnce);
        assertTrue(e.retryable(), e.getMessage());
        assertEquals("SENDING", status(id));
        db.mode(OutageDataSource.Mode.UP);
        clock.advance(LEASE.plusSeconds(1));
        SendOutboxRelay after = relay(db).build();
        assertEquals(1, after.relayOnce());
        assertEquals("SENT", status(id));
        assertEquals(before + 1, sandbox.lgsp().documentsStored());
    }

    @Test
    void theLoopBacksOffWhileTheDatabaseIsDownAndRecovers() throws Exception {
        int before = sandbox.lgsp().documentsStored();
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        db.mode(OutageDataSource.Mode.REFUSE);
        SendOutboxRelay once = relay(db).build();
        SendOutboxException e = assertThrows(SendOutboxException.class, once::relayOnce);
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("08001"), e.getMessage());

        SendOutboxRelay loop = SendOutboxRelay.builder(db, axis).pollInterval(Duration.ofMillis(20))
                .retryPolicy(RetryPolicy.builder().maxAttempts(20).initialDelay(Duration.ofMillis(50))
                        .maxDelay(Duration.ofMillis(400)).build()).build();
        try {
            loop.start();
            Thread.sleep(1500);
            int refused = db.refused();
            // with a 20 ms poll and no backoff this would be ~75; 50, 100, 200, 400, 400 ms... gives under 10
            assertTrue(refused >= 3 && refused <= 12, "refused " + refused);
            assertTrue(loop.lastFailure().orElseThrow() instanceof SendOutboxException);
            try (Connection c = PG.dataSource().getConnection()) {
                c.setAutoCommit(false);
                outbox.enqueue(c, "during-outage", AxisFixtures.document("OUT-1"));
                outbox.enqueue(c, "during-outage-2", AxisFixtures.document("OUT-2"));
                c.commit();
            }
            db.mode(OutageDataSource.Mode.UP);
            long end = System.currentTimeMillis() + 10_000;
            while (count("SELECT count(*) FROM egov_send_outbox WHERE status = 'SENT'") < 2
                    && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
        } finally {
            loop.close();
        }
        assertEquals(2, count("SELECT count(*) FROM egov_send_outbox WHERE status = 'SENT'"));
        assertEquals(before + 2, sandbox.lgsp().documentsStored());
        assertTrue(loop.lastFailure().isEmpty());
    }

    @Test
    void aPackageTheAxisRefusesForGoodEndsDeadWithItsError() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO egov_send_outbox (id, aggregatetype, aggregateid, type, payload) VALUES ('" + id
                    + "', 'edxml', 'bad', 'edxml.document', 'not xml'::bytea)");
        }
        relay(PG.dataSource()).retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofSeconds(1))
                .build()).build().relayOnce();
        clock.advance(Duration.ofSeconds(5));
        relay(PG.dataSource()).retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofSeconds(1))
                .build()).build().relayOnce();
        assertEquals("DEAD", status(id));
        assertEquals(1, count("SELECT count(*) FROM egov_send_outbox WHERE last_error IS NOT NULL"));
    }

    @Test
    void sentRowsAreDeletedAfterTheRetentionWindowInBatchesAndDeadRowsAreKept() throws SQLException {
        UUID recent = enqueueCommitted("retention-recent", AxisFixtures.document("RT-1"));
        SendOutboxRelay relay = relay(PG.dataSource()).retention(Duration.ofDays(7)).build();
        assertEquals(1, relay.relayOnce());
        sql("INSERT INTO egov_send_outbox (id, aggregatetype, aggregateid, type, payload, status, sent_at)"
                + " SELECT gen_random_uuid(), 'edxml', 'old-' || n, 'edxml.document', 'x'::bytea, 'SENT',"
                + " now() - INTERVAL '8 days' FROM generate_series(1, 2500) n");
        sql("INSERT INTO egov_send_outbox (id, aggregatetype, aggregateid, type, payload, status, last_error, created_at)"
                + " VALUES (gen_random_uuid(), 'edxml', 'dead', 'edxml.document', 'x'::bytea, 'DEAD', 'refused',"
                + " now() - INTERVAL '30 days')");

        assertEquals(2500, relay.prune(), "more than one batch of " + SendOutboxRelay.PRUNE_BATCH);
        assertEquals("SENT", status(recent));
        assertEquals(1, count("SELECT count(*) FROM egov_send_outbox WHERE status = 'DEAD'"));
        assertEquals(0, relay.prune());

        // relayOnce prunes at most once an hour, by the relay's clock
        clock.advance(Duration.ofDays(8));
        assertEquals(0, relay.relayOnce());
        assertEquals("absent", status(recent));
        assertThrows(ValidationException.class, () -> relay(PG.dataSource()).retention(Duration.ZERO));
    }

    private SendOutboxRelay.Builder relay(DataSource db) {
        return SendOutboxRelay.builder(db, axis).clock(clock).lease(LEASE);
    }

    private static int drain(SendOutboxRelay relay) {
        int total = 0;
        for (int n; (n = relay.relayOnce()) > 0; ) {
            total += n;
        }
        return total;
    }

    private UUID enqueueCommitted(String vendorId, DocumentPackage pkg) throws SQLException {
        try (Connection c = PG.dataSource().getConnection()) {
            c.setAutoCommit(false);
            vendorChange(c, vendorId);
            UUID id = outbox.enqueue(c, vendorId, pkg);
            c.commit();
            // the relay's clock stands still: keep it after every row's enqueue time
            Instant after = Instant.now().plusSeconds(1);
            if (clock.instant().isBefore(after)) {
                clock.set(after);
            }
            return id;
        }
    }

    private static void vendorChange(Connection c, String id) throws SQLException {
        try (var p = c.prepareStatement("INSERT INTO vendor_doc (id) VALUES (?)")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    private static String status(UUID id) throws SQLException {
        try (Connection c = PG.dataSource().getConnection();
                var p = c.prepareStatement("SELECT status FROM egov_send_outbox WHERE id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : "absent";
            }
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
