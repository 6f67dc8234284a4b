package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.testsupport.ChildJvm;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The multi-node test: three receive loops in three JVMs on one database and the sandbox's axis, 1,000
 * documents (by default), nodes killed with SIGKILL at random moments and restarted. Nothing is lost; a document is handed over
 * again only after the node that had it was killed, with a newer lease; and the transactional handler's rows hold
 * each document exactly once.
 */
class ReceiveLoopKillNodesTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    /**
     * 150 by default, so the build stays within CI's budget on a loaded 2-core machine; the 1,000-document
     * run is {@code -Degov.multiNode.documents=1000}.
     */
    private static final int DOCUMENTS = Integer.getInteger("egov.multiNode.documents", 150);
    private static final int NODES = 3;
    private static final int KILLS = Integer.getInteger("egov.multiNode.kills", 5);
    private static final Duration DEADLINE = Duration.ofSeconds(Long.getLong("egov.multiNode.seconds", 240));

    @Test
    void threeNodesKilledAtRandomLoseNothingAndNeverShareADocument() throws Exception {
        NationalSandbox sandbox = SANDBOX.sandbox();
        JdbcTables tables = new JdbcTables("k_");
        JdbcSchema.install(PG.dataSource(), tables);
        sql("CREATE TABLE handovers (id BIGSERIAL PRIMARY KEY, doc_id TEXT NOT NULL, node TEXT NOT NULL,"
                + " lease_token BIGINT NOT NULL, attempt INT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql("CREATE TABLE inbox (doc_id TEXT NOT NULL, node TEXT NOT NULL)");
        try (VdxpAxisClient sender = client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)) {
            for (int i = 0; i < DOCUMENTS; i++) {
                sender.send(document(i));
            }
        }
        Random random = new Random(Long.getLong("egov.killSeed", System.nanoTime()));
        Map<String, Instant> killed = new HashMap<>();
        List<ChildJvm> all = new ArrayList<>();
        ChildJvm[] nodes = new ChildJvm[NODES];
        int[] runs = new int[NODES];
        try (VdxpAxisClient receiver = client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)) {
            for (int n = 0; n < NODES; n++) {
                nodes[n] = start(sandbox, n, 0, all);
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            int kills = 0;
            long sent = System.nanoTime();
            while (receiver.countReceived(MessageType.EDOC) > 0) {
                System.out.println("left on the axis: " + receiver.countReceived(MessageType.EDOC) + " after "
                        + Duration.ofNanos(System.nanoTime() - sent).toSeconds() + " s");
                assertTrue(System.nanoTime() < deadline, () -> "not all received in time; transcripts:\n"
                        + transcripts(all));
                Thread.sleep(kills < KILLS ? 500 + random.nextInt(2000) : 500);
                if (kills < KILLS && receiver.countReceived(MessageType.EDOC) > 0) {
                    int n = random.nextInt(NODES);
                    nodes[n].kill();
                    killed.put(name(n, runs[n]), Instant.now());
                    kills++;
                    nodes[n] = start(sandbox, n, ++runs[n], all);
                }
            }
        } finally {
            for (ChildJvm c : all) {
                if (c.process().isAlive()) {
                    c.kill();
                }
            }
        }
        assertEquals(List.of((long) DOCUMENTS, (long) DOCUMENTS), longs(
                "SELECT count(*), count(DISTINCT doc_id) FROM inbox"), "the transactional rows: each document once");
        assertEquals(List.of((long) DOCUMENTS), longs("SELECT count(DISTINCT doc_id) FROM handovers"), "0 lost");
        int repeats = checkRepeats(killed);
        System.out.println("kills " + killed.keySet() + "; documents handed over again after a kill: " + repeats);
    }

    /** Every later hand-over of a document: a newer lease, after the node that had it was killed. */
    private static int checkRepeats(Map<String, Instant> killed) throws SQLException {
        int repeats = 0;
        Map<String, Object[]> last = new HashMap<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT doc_id, node, lease_token, at FROM handovers ORDER BY id")) {
            while (rs.next()) {
                String doc = rs.getString(1);
                String node = rs.getString(2);
                long token = rs.getLong(3);
                Instant at = rs.getTimestamp(4).toInstant();
                Object[] before = last.put(doc, new Object[] {node, token, at});
                if (before == null) {
                    continue;
                }
                repeats++;
                String earlier = (String) before[0];
                assertTrue(killed.containsKey(earlier), doc + " handed over again by " + node + " though " + earlier
                        + " (which had it) was never killed");
                assertTrue(token > (Long) before[1], doc + ": the repeat came with an older or the same lease");
                assertTrue(!at.isBefore(killed.get(earlier)), doc + " handed to " + node + " at " + at
                        + " while " + earlier + " was still alive (killed " + killed.get(earlier) + ")");
            }
        }
        return repeats;
    }

    private static ChildJvm start(NationalSandbox sandbox, int n, int run, List<ChildJvm> all) throws Exception {
        ChildJvm child = ChildJvm.start(ReceiveNodeMain.class, name(n, run), PG.jdbcUrl(), "k_",
                sandbox.vdxpUrl(), name(n, run));
        all.add(child);
        return child;
    }

    private static String name(int n, int run) {
        return "n" + n + "-r" + run;
    }

    private static String transcripts(List<ChildJvm> all) {
        StringBuilder s = new StringBuilder();
        all.forEach(c -> s.append(c.transcript()));
        return s.toString();
    }

    private static VdxpAxisClient client(NationalSandbox sandbox, String system, String secret) {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl())
                .readTimeout(Duration.ofSeconds(10)).build()).systemId(system).secret(Secret.of(secret)).build();
    }

    private static DocumentPackage document(int i) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ"))
                .addTo(Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An"))
                .code(String.valueOf(i), "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.now())
                .subject("V/v thử nghiệm nhiều nút " + i)
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(),
                Clock.systemUTC());
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static List<Long> longs(String query) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getLong(i));
            }
        }
        return values;
    }
}
