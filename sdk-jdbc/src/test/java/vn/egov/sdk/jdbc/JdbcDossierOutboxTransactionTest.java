package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.OutboxStoreException;
import vn.egov.sdk.jdbc.testsupport.DossierFixtures;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * A dossier push recorded in the vendor's own transaction (JdbcDossierOutbox.inTransaction + DossierSync.recordIn),
 * drained to the sandbox's simulated portal: rolled back, nothing is sent; committed, it is sent with the vendor's
 * change.
 */
class JdbcDossierOutboxTransactionTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final DvcqgPortalSandbox portal = SANDBOX.sandbox().dvcqg();
    private final JdbcDossierOutbox outbox = JdbcDossierOutbox.builder(PG.dataSource()).build();
    private DvcqgAdapterClient client;
    private DossierSync sync;

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE vendor_dossier (ma_ho_so TEXT PRIMARY KEY, state TEXT NOT NULL)");
        }
    }

    @BeforeEach
    void setUp() throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE vendor_dossier, egov_dossier_outbox");
        }
        client = DossierFixtures.client(portal.adapterUrl());
        sync = DossierSync.builder(client).outbox(outbox).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** The vendor's unit of work: its own row and the push, in one transaction. */
    private static void receive(Connection tx, DossierSync sync, JdbcDossierOutbox outbox, int n)
            throws SQLException {
        try (PreparedStatement p = tx.prepareStatement("INSERT INTO vendor_dossier VALUES (?, 'received')")) {
            p.setString(1, DossierFixtures.code(n));
            p.executeUpdate();
        }
        DossierOutbox view = outbox.inTransaction(tx);
        sync.recordIn(view).record(DossierFixtures.dossier(n));
        sync.recordIn(view).recordProgress(DossierFixtures.step(n, 1), DossierFixtures.step(n, 2));
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws SQLException {
        try (Connection tx = PG.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            receive(tx, sync, outbox, 1);
            tx.rollback();
            assertFalse(tx.isClosed(), "the view never closes the vendor's connection");
        }
        DrainReport report = sync.drain();
        assertEquals(0, report.calls(), report.toString());
        assertTrue(portal.dossiers().isEmpty());
        assertEquals(0, rows("vendor_dossier"));
        assertEquals(0L, outbox.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aCommittedTransactionIsSentWithTheVendorsChange() throws SQLException {
        try (Connection tx = PG.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            receive(tx, sync, outbox, 1);
            assertEquals(0, sync.drain().calls(), "not visible to a drain before the commit");
            assertEquals(0, rows("egov_dossier_outbox"), "the view did not commit");
            tx.commit();
        }
        DrainReport report = sync.drain();
        assertTrue(report.complete(), report.toString());
        assertEquals(3, report.sent());
        assertEquals(1, rows("vendor_dossier"));
        assertEquals(List.of(DossierFixtures.code(1)),
                portal.dossiers().stream().map(DvcqgPortalSandbox.HeldDossier::maHoSo).toList());
        assertEquals(List.of(DossierFixtures.content(1, 1), DossierFixtures.content(1, 2)),
                DossierFixtures.history(portal, 1));
        assertEquals(3L, outbox.counts().get(OutboxState.SENT));
    }

    @Test
    void theSameChangeRecordedAgainInALaterTransactionIsHeldOnce() throws SQLException {
        try (Connection tx = PG.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            receive(tx, sync, outbox, 1);
            tx.commit();
            sync.recordIn(outbox.inTransaction(tx)).record(DossierFixtures.dossier(1)); // a replayed event
            tx.commit();
        }
        assertEquals(3, rows("egov_dossier_outbox"));
        assertEquals(3, sync.drain().sent());
        assertEquals(0, portal.dossier(DossierFixtures.code(1)).orElseThrow().updates());
    }

    @Test
    void aConnectionInAutoCommitModeOrClosedIsRefusedAndABrokenRuleRecordsNothing() throws SQLException {
        try (Connection auto = PG.dataSource().getConnection()) {
            auto.setAutoCommit(true);
            ValidationException e = assertThrows(ValidationException.class, () -> outbox.inTransaction(auto));
            assertEquals("tx", e.errors().get(0).path());
            assertTrue(e.getMessage().contains("auto-commit"), e.getMessage());
        }
        assertEquals("tx", assertThrows(ValidationException.class, () -> outbox.inTransaction(null))
                .errors().get(0).path());
        Connection closed = PG.dataSource().getConnection();
        closed.close();
        assertThrows(OutboxStoreException.class, () -> outbox.inTransaction(closed));
        try (Connection tx = PG.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            DossierOutbox view = outbox.inTransaction(tx);
            assertTrue(view.toString().contains("in the caller's transaction"), view.toString());
            assertThrows(ValidationException.class, () -> sync.recordIn(view)
                    .record(DossierFixtures.dossier(1).toBuilder().summary(null).build()));
            tx.setAutoCommit(true); // switched after the view was made: refused at the next record
            assertThrows(ValidationException.class, () -> sync.recordIn(view).record(DossierFixtures.dossier(1)));
        }
        assertEquals(0, rows("egov_dossier_outbox"));
    }

    private static int rows(String table) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
