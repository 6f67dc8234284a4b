package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierSyncLoop;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.jdbc.JdbcDossierOutbox;
import vn.egov.sdk.jdbc.JdbcDrainLeadership;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** The "Several nodes" snippet of docs/DOSSIERS.md, on an embedded PostgreSQL and the sandbox's simulated portal. */
class DossierNodesDocsTest {
    private static Dossier sample() {
        ZonedDateTime received = ZonedDateTime.of(2024, 12, 5, 8, 30, 15, 0, ZoneId.of("Asia/Ho_Chi_Minh"));
        return Dossier.builder().dossierCode("000.00.12.H56-241205-00007").procedureCode("1.003560.000.00.00.H56")
                .procedureName("Cấp giấy phép xây dựng").fieldCode("G03-GD10").fieldName("Hoạt động xây dựng")
                .holderName("Nguyễn Văn An").subjectType(SubjectType.CITIZEN)
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ").receivedAt(received)
                .dueAt(received.plusDays(15)).status(DossierStatus.NEW).delivery(DeliveryMethod.OTHER)
                .handlingUnit("UBND thành phố Nha Trang").build();
    }

    /** The vendor's own change, in its own table. */
    private static void markReceived(Connection tx, String maHoSo) throws SQLException {
        try (PreparedStatement p = tx.prepareStatement("INSERT INTO one_stop_dossier VALUES (?, 'received')")) {
            p.setString(1, maHoSo);
            p.executeUpdate();
        }
    }

    @Test
    void aNodeRecordsInItsTransactionAndTheLeadingNodeDrains() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                NationalSandbox sandbox = NationalSandbox.start();
                DvcqgAdapterClient dvcqg = DvcqgAdapterClient.builder()
                        .settings(ClientSettings.builder().endpoint(sandbox.dvcqg().adapterUrl()).build())
                        .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                        .madonvi("H56").dstcode(DvcqgPortalSandbox.DSTCODE).build()) {
            DataSource dataSource = pg.getPostgresDatabase();
            JdbcSchema.install(dataSource, JdbcTables.defaults());
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE one_stop_dossier (ma_ho_so TEXT PRIMARY KEY, state TEXT NOT NULL)");
            }
            Dossier dossier = sample();
            // snippet:dossier-nodes
            JdbcDossierOutbox outbox = JdbcDossierOutbox.builder(dataSource).build();   // one table, every node
            JdbcDrainLeadership leadership = JdbcDrainLeadership.open(dataSource, JdbcTables.defaults());
            DossierSync sync = DossierSync.builder(dvcqg).outbox(outbox).leadership(leadership)
                    .loopInterval(Duration.ofSeconds(1))     // the pause between busy drains
        .loopMaxBackoff(Duration.ofSeconds(5))   // how long a commit may wait for the next drain
                    .build();
            DossierSyncLoop loop = sync.start();   // on every node; only the node holding the lock drains

            try (Connection tx = dataSource.getConnection()) {          // the vendor's own unit of work
                tx.setAutoCommit(false);
                markReceived(tx, dossier.dossierCode());                 // its own row...
                sync.recordIn(outbox.inTransaction(tx)).record(dossier); // ...and the push, in one transaction
                tx.commit();                                             // both, or (rolled back) neither
            }
            // end:dossier-nodes
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sandbox.dvcqg().dossier(dossier.dossierCode()).isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertTrue(sandbox.dvcqg().dossier(dossier.dossierCode()).isPresent(), loop.toString());
            assertTrue(leadership.leads());
            loop.close();
            leadership.close();
            assertEquals(0, sandbox.dvcqg().dossier(dossier.dossierCode()).orElseThrow().updates());
        }
    }
}
