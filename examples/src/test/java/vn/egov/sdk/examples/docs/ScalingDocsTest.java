package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;
import vn.egov.sdk.jdbc.JdbcReceiveCoordinator;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcSendOutbox;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.jdbc.SendOutboxRelay;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The node wiring of docs/SCALING.md, on an embedded PostgreSQL and the sandbox's national axis: a document sent
 * by another agency is received into the vendor's inbox table in the transaction that records its checkpoint, and
 * the reply enqueued with the vendor's change reaches the other agency through the relay.
 */
class ScalingDocsTest {
    @Test
    void aNodeReceivesIntoItsInboxAndSendsThroughTheOutbox() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                NationalSandbox sandbox = NationalSandbox.start();
                VdxpAxisClient otherAgency = client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1);
                VdxpAxisClient axis = client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)) {
            DataSource dataSource = pg.getPostgresDatabase();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE inbox (doc_id TEXT PRIMARY KEY, subject TEXT NOT NULL)");
                s.execute("CREATE TABLE reply (id TEXT PRIMARY KEY, state TEXT NOT NULL)");
            }
            otherAgency.send(document(VdxpSandbox.ORGAN_1, VdxpSandbox.ORGAN_2, "Công văn đến"));
            String nodeName = "node-a";
            DocumentPackage replyPackage = document(VdxpSandbox.ORGAN_2, VdxpSandbox.ORGAN_1, "Công văn trả lời");
            String replyId = "reply-1";

            // snippet:scaling-node
            JdbcTables tables = JdbcTables.defaults();
            JdbcSchema.install(dataSource, tables);   // or run db/egov/postgresql with your own Flyway

            // receiving: every node runs a loop; the nodes share the inbox through the database
            JdbcCheckpointStore checkpoints = JdbcCheckpointStore.builder(dataSource).tables(tables).build();
            JdbcReceiveCoordinator claims = JdbcReceiveCoordinator.open(dataSource, tables, nodeName,
                    Duration.ofMinutes(1));
            ReceiveLoop receiving = ReceiveLoop.builder(axis, checkpoints,
                            claims.transactional(checkpoints, (pkg, tx) -> saveToInbox(tx, pkg)))
                    .coordinator(claims)
                    .build();
            receiving.start();

            // sending: every node runs a relay; a send is recorded in the vendor's own transaction
            SendOutboxRelay relay = SendOutboxRelay.builder(dataSource, axis).tables(tables).build();
            relay.start();
            JdbcSendOutbox sends = new JdbcSendOutbox(tables);
            try (Connection tx = dataSource.getConnection()) {
                tx.setAutoCommit(false);
                saveReply(tx, replyId);                       // the vendor's own change...
                sends.enqueue(tx, replyId, replyPackage);     // ...and the send: both commit, or neither
                tx.commit();
            }
            // end:scaling-node

            await(() -> count(dataSource, "SELECT count(*) FROM inbox") == 1);
            await(() -> otherAgency.countReceived(MessageType.EDOC) == 1);
            receiving.close();
            claims.close();
            relay.close();
            assertEquals(1, count(dataSource, "SELECT count(*) FROM egov_axis_checkpoint WHERE state = 'DONE'"));
            assertEquals(1, count(dataSource, "SELECT count(*) FROM egov_send_outbox WHERE status = 'SENT'"
                    + " AND aggregateid = 'reply-1'"));
            assertEquals(1, count(dataSource, "SELECT count(*) FROM reply"));
        }
    }

    private static void saveToInbox(Connection tx, ReceivedPackage pkg) throws SQLException {
        try (PreparedStatement p = tx.prepareStatement("INSERT INTO inbox (doc_id, subject) VALUES (?, ?)")) {
            p.setString(1, pkg.docId());
            p.setString(2, ((DocumentPackage) pkg.pkg()).header().subject());
            p.executeUpdate();
        }
    }

    private static void saveReply(Connection tx, String id) throws SQLException {
        try (PreparedStatement p = tx.prepareStatement("INSERT INTO reply (id, state) VALUES (?, 'sending')")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    private static VdxpAxisClient client(NationalSandbox sandbox, String system, String secret) {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(system).secret(Secret.of(secret)).build();
    }

    private static DocumentPackage document(String from, String to, String subject) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(from, "Cơ quan gửi"))
                .addTo(Organization.of(to, "Cơ quan nhận"))
                .code("12", "VP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2026, 12, 7))
                .subject(subject)
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(),
                Clock.systemUTC());
    }

    private static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(50);
        }
    }
}
