package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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
 * The multi-node test: three receive loops in three JVMs ({@link ReceiveNodeMain}) on one database (a shared
 * {@link JdbcCheckpointStore} and {@link JdbcReceiveCoordinator}) and the sandbox's axis, nodes killed with SIGKILL
 * at random moments and restarted. It checks the sentence, from what the nodes and the database recorded
 * (times are the database's {@code clock_timestamp()}, never a JVM's):
 * <ul>
 *   <li><b>0 lost:</b> every document sent is in the transactional {@code inbox}, its checkpoint {@code DONE}, its
 *       claim finished, and the axis lists nothing;</li>
 *   <li><b>0 handed to two live nodes at once:</b> for each document, the intervals from hand-over to the end of
 *       the handler (or to the death of a killed node) never overlap;</li>
 *   <li><b>every repeat explained by a kill between hand-over and commit:</b> each hand-over followed by another
 *       belongs to a node that was killed after it and before the next one, its handler never ended, and its
 *       transaction committed nothing (no {@code inbox} row with its lease token);</li>
 *   <li><b>none with the transactional handler:</b> {@code inbox} holds each document exactly once, from the last
 *       hand-over, and {@code handled_by} names that node.</li>
 * </ul>
 * The default size (100 documents, 5 kills) keeps the test under a minute on a loaded 2-core machine; the issue's
 * run is {@code -Degov.multiNode.documents=1000} (also {@code egov.multiNode.kills}, {@code .leaseMillis},
 * {@code .workMillis}, {@code .seconds} and {@code egov.killSeed}).
 */
class ReceiveLoopKillNodesTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    private static final int DOCUMENTS = Integer.getInteger("egov.multiNode.documents", 100);
    private static final int NODES = 3;
    private static final int SENDERS = 4;
    private static final int KILLS = Integer.getInteger("egov.multiNode.kills", 5);
    private static final long LEASE_MILLIS = Long.getLong("egov.multiNode.leaseMillis", 3000);
    /** The vendor's work inside each transaction, so that some kills land between hand-over and commit. */
    private static final long WORK_MILLIS = Long.getLong("egov.multiNode.workMillis", 20);
    private static final Duration DEADLINE = Duration.ofSeconds(Long.getLong("egov.multiNode.seconds", 240));

    /** When the last document was sent (System.nanoTime), 0 before. */
    private long sentAfter;

    @Test
    void threeNodesKilledAtRandomLoseNothingAndNeverShareADocument() throws Exception {
        NationalSandbox sandbox = SANDBOX.sandbox();
        JdbcSchema.install(PG.dataSource(), new JdbcTables("k_"));
        sql("CREATE TABLE handovers (id BIGSERIAL PRIMARY KEY, doc_id TEXT NOT NULL, node TEXT NOT NULL,"
                + " lease_token BIGINT NOT NULL, attempt INT NOT NULL,"
                + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), ended_at TIMESTAMPTZ)");
        sql("CREATE TABLE inbox (doc_id TEXT NOT NULL, node TEXT NOT NULL, lease_token BIGINT NOT NULL)");
        long seed = Long.getLong("egov.killSeed", System.nanoTime());
        System.out.println("kill seed " + seed + " (-Degov.killSeed to repeat the schedule)");
        Random random = new Random(seed);
        Deque<Long> killAt = killSchedule(random); // kills land while work is in progress, spread over the run
        Map<String, Instant> died = new HashMap<>();
        List<ChildJvm> all = new ArrayList<>();
        ChildJvm[] nodes = new ChildJvm[NODES];
        int[] runs = new int[NODES];
        boolean[] ready = new boolean[NODES];
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long began = System.nanoTime();
        Set<String> sent;
        try (VdxpAxisClient receiver = client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)) {
            for (int n = 0; n < NODES; n++) {
                nodes[n] = start(sandbox, n, 0, all);
            }
            for (ChildJvm node : nodes) {
                node.awaitPrefix("ready ");
            }
            Arrays.fill(ready, true);
            began = System.nanoTime();
            List<Future<List<String>>> parts = send(sandbox, senders); // the nodes receive while documents arrive
            long deadline = began + DEADLINE.toNanos();
            long shown = 0;
            // until the axis lists nothing and the nodes settled what they acknowledged (a node marks DONE and
            // finishes the claim just after the ack; a node killed in between leaves it to another)
            for (long handled = 0; !allSent(parts) || receiver.countReceived(MessageType.EDOC) > 0 || !settled();
                    handled = longs("SELECT count(*) FROM inbox").get(0)) {
                assertTrue(System.nanoTime() < deadline, () -> "not all received in time; transcripts:\n"
                        + transcripts(all));
                if (System.nanoTime() - shown > 2_000_000_000L) {
                    shown = System.nanoTime();
                    System.out.println("handled " + handled + " of " + DOCUMENTS + " after "
                            + Duration.ofNanos(shown - began).toMillis() + " ms; kills " + died.keySet());
                }
                List<Integer> running = running(nodes, ready);
                if (!killAt.isEmpty() && handled >= killAt.peekFirst() && running.size() == NODES) {
                    killAt.removeFirst(); // one node down at a time: a kill waits until the last one restarted
                    int n = random.nextInt(NODES);
                    nodes[n].kill(); // SIGKILL, and waits for the process to end
                    died.put(name(n, runs[n]), databaseNow()); // on the database's clock, after the death
                    nodes[n] = start(sandbox, n, ++runs[n], all);
                    ready[n] = false;
                }
                Thread.sleep(50);
            }
            sent = new TreeSet<>();
            for (Future<List<String>> part : parts) {
                sent.addAll(part.get());
            }
        } finally {
            senders.shutdownNow();
            for (ChildJvm c : all) {
                if (c.process().isAlive()) {
                    c.kill();
                }
            }
        }
        long took = System.nanoTime() - began;
        List<Handover> handovers = handovers();
        // a kill waits for the last one's restart; with slow restarts the work may end before the last kills
        assertTrue(died.size() >= Math.min(KILLS, 2), () -> "only " + died.size() + " kills happened while work was"
                + " left; not done: after " + killAt + " documents");
        assertNothingLost(sent, handovers);
        assertNeverTwoLiveNodesAtOnce(handovers, died);
        int repeats = assertEveryRepeatExplained(handovers, died);
        System.out.printf("multi-node: %d documents sent (in %d ms, %d threads) and received by %d nodes in %d ms"
                + " (%.1f documents/s), %d kills %s, %d hand-overs, %d repeated (each after a kill between hand-over"
                + " and commit), 0 repeated in the transactional inbox%n", DOCUMENTS, (sentAfter - began) / 1_000_000,
                SENDERS, NODES, took / 1_000_000, DOCUMENTS * 1e9 / took, died.size(), died.keySet(),
                handovers.size(), repeats);
    }

    /** Whether every document's checkpoint is DONE and its claim finished. */
    private static boolean settled() throws SQLException {
        return longs("SELECT (SELECT count(*) FROM k_axis_checkpoint WHERE state = 'DONE'),"
                + " (SELECT count(*) FROM k_receive_claims WHERE state = 'finished')")
                .equals(List.of((long) DOCUMENTS, (long) DOCUMENTS));
    }

    /** Every document sent is in the inbox once, checkpointed DONE and finished; the axis has nothing left. */
    private static void assertNothingLost(Set<String> sent, List<Handover> handovers) throws SQLException {
        assertEquals(DOCUMENTS, sent.size(), "the axis gave each document its own docId");
        assertEquals(sent, new TreeSet<>(strings("SELECT doc_id FROM inbox")), "0 lost: the transactional rows");
        assertEquals(List.of((long) DOCUMENTS, (long) DOCUMENTS), longs(
                "SELECT count(*), count(DISTINCT doc_id) FROM inbox"), "the transactional rows: each document once");
        assertEquals(sent, handovers.stream().map(Handover::doc).collect(Collectors.toCollection(TreeSet::new)),
                "every document handed over");
        assertEquals(List.of((long) DOCUMENTS), longs("SELECT count(*) FROM k_axis_checkpoint WHERE state = 'DONE'"
                + " AND doc_id IN (SELECT doc_id FROM inbox)"), "every checkpoint DONE");
        assertEquals(List.of((long) DOCUMENTS), longs("SELECT count(*) FROM k_receive_claims WHERE state ="
                + " 'finished' AND doc_id IN (SELECT doc_id FROM inbox)"), "every claim finished");
    }

    /** For one document, a hand-over's interval (hand-over to handler end, or to its node's death) ends before the next begins. */
    private static void assertNeverTwoLiveNodesAtOnce(List<Handover> handovers, Map<String, Instant> died) {
        Map<String, Handover> previous = new HashMap<>();
        for (Handover h : handovers) { // in hand-over order (by the database's time)
            Handover before = previous.put(h.doc(), h);
            if (before == null) {
                continue;
            }
            Instant end = before.endedAt() != null ? before.endedAt() : died.get(before.node());
            assertNotNull(end, () -> before.doc() + ": the hand-over to " + before.node() + " never ended, and that"
                    + " node was not killed");
            assertTrue(end.isBefore(h.at()), () -> h.doc() + " handed to " + h.node() + " at " + h.at() + " while "
                    + before.node() + " (handed over at " + before.at() + ") had it until " + end);
        }
    }

    /**
     * Every hand-over followed by another: its node was killed after it and before the next one, its handler never
     * ended, and its transaction left no row; the inbox row is the last hand-over's, and so is {@code handled_by}.
     */
    private static int assertEveryRepeatExplained(List<Handover> handovers, Map<String, Instant> died)
            throws SQLException {
        Set<String> committed = new HashSet<>(strings("SELECT doc_id || ' ' || node || ' ' || lease_token FROM inbox"));
        Map<String, String> handledBy = new HashMap<>();
        for (String row : strings("SELECT doc_id || ' ' || handled_by FROM k_receive_claims")) {
            handledBy.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        Map<String, Handover> last = new HashMap<>();
        int repeats = 0;
        for (Handover h : handovers) {
            Handover before = last.put(h.doc(), h);
            if (before == null) {
                continue;
            }
            repeats++;
            Instant death = died.get(before.node());
            assertNotNull(death, () -> h.doc() + " handed over again to " + h.node() + " though " + before.node()
                    + " (which had it) was never killed");
            assertTrue(before.at().isBefore(death) && !death.isAfter(h.at()), () -> h.doc() + ": " + before.node()
                    + " died at " + death + ", not between its hand-over at " + before.at() + " and the next at "
                    + h.at());
            assertNull(before.endedAt(), () -> h.doc() + ": the handler on " + before.node() + " ended at "
                    + before.endedAt() + ", yet the document was handed over again");
            assertFalse(committed.contains(before.key()), () -> h.doc() + ": the transaction of " + before.node()
                    + " committed, yet the document was handed over again");
            assertTrue(h.token() > before.token(), () -> h.doc() + ": the repeat came with an older or the same lease");
        }
        for (Handover h : last.values()) {
            assertTrue(committed.contains(h.key()), () -> h.doc() + ": the inbox row is not the last hand-over's ("
                    + h.node() + ", lease " + h.token() + ")");
            assertEquals(h.node(), handledBy.get(h.doc()), () -> h.doc() + ": handled_by");
        }
        return repeats;
    }

    /** One row of {@code handovers}. */
    private record Handover(String doc, String node, long token, Instant at, Instant endedAt) {
        String key() {
            return doc + " " + node + " " + token;
        }
    }

    private static List<Handover> handovers() throws SQLException {
        List<Handover> list = new ArrayList<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT doc_id, node, lease_token, at, ended_at FROM handovers"
                     + " ORDER BY at, id")) {
            while (rs.next()) {
                OffsetDateTime ended = rs.getObject(5, OffsetDateTime.class);
                list.add(new Handover(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), ended == null ? null : ended.toInstant()));
            }
        }
        return list;
    }

    /** The nodes that printed {@code ready} (their loop runs), reading what they printed since the last look. */
    private static List<Integer> running(ChildJvm[] nodes, boolean[] ready) throws InterruptedException {
        List<Integer> running = new ArrayList<>();
        for (int n = 0; n < nodes.length; n++) {
            for (String line = nodes[n].poll(0); !ready[n] && line != null; line = nodes[n].poll(0)) {
                ready[n] = line.startsWith("ready ");
            }
            if (ready[n]) {
                running.add(n);
            }
        }
        return running;
    }

    /** Starts sending the documents from {@link #SENDERS} threads; each part gives the axis's docIds. */
    private static List<Future<List<String>>> send(NationalSandbox sandbox, ExecutorService senders) {
        List<Future<List<String>>> parts = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int first = t;
            parts.add(senders.submit(() -> {
                List<String> ids = new ArrayList<>();
                try (VdxpAxisClient sender = client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)) {
                    for (int i = first; i < DOCUMENTS; i += SENDERS) {
                        ids.add(sender.send(document(i)).docId());
                    }
                }
                return ids;
            }));
        }
        return parts;
    }

    private boolean allSent(List<Future<List<String>>> parts) throws Exception {
        for (Future<List<String>> part : parts) {
            if (!part.isDone()) {
                return false;
            }
            part.get(); // a failed send fails the test here
        }
        if (sentAfter == 0) {
            sentAfter = System.nanoTime();
        }
        return true;
    }

    /** When to kill: after this many documents are in the inbox, at random between 5 % and 70 % of the run. */
    private static Deque<Long> killSchedule(Random random) {
        List<Long> at = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            at.add((long) (DOCUMENTS * (0.05 + 0.65 * random.nextDouble())));
        }
        at.sort(null);
        return new ArrayDeque<>(at);
    }

    private static Instant databaseNow() throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static ChildJvm start(NationalSandbox sandbox, int n, int run, List<ChildJvm> all) throws Exception {
        ChildJvm child = ChildJvm.start(ReceiveNodeMain.class, name(n, run), PG.jdbcUrl(), "k_",
                sandbox.vdxpUrl(), name(n, run), String.valueOf(LEASE_MILLIS), String.valueOf(WORK_MILLIS));
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

    private static List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
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
