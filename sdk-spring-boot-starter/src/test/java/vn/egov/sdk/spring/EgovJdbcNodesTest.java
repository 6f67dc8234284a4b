package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;
import vn.egov.sdk.jdbc.JdbcReceiveCoordinator;
import vn.egov.sdk.jdbc.TransactionalPackageHandler;
import vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * Two application contexts on one PostgreSQL, as two nodes of one system behind a load balancer: their receive loops
 * share the sandbox axis's inbox through the auto-configured {@link JdbcReceiveCoordinator}, and every document is
 * handed over once.
 */
@ExtendWith(NationalSandboxExtension.class)
class EgovJdbcNodesTest {
    private static final int DOCUMENTS = 8;
    /** "node:docId" for each hand-over, from both nodes. */
    static final Queue<String> DELIVERIES = new ConcurrentLinkedQueue<>();

    private TestDatabase db;

    @BeforeEach
    void database() {
        DELIVERIES.clear();
        db = TestDatabase.create();
    }

    /** Where a package that failed all its attempts is kept: never the module's own directory. */
    @TempDir
    Path quarantine;

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private ApplicationContextRunner node(NationalSandbox sandbox, String name, Class<?> handler) {
        return StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .withUserConfiguration(handler)
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_2, "egov.axis.receive.enabled=true",
                        "egov.axis.receive.interval=100ms", "egov.jdbc.initialize-schema=true",
                        "egov.jdbc.node-id=" + name, "egov.axis.receive.quarantine-directory=" + quarantine);
    }

    @Test
    void twoNodesShareTheReceiveLoopAndHandEachDocumentOverOnce(NationalSandbox sandbox) throws Exception {
        node(sandbox, "node-a", RecordingHandler.class).run(a -> node(sandbox, "node-b", RecordingHandler.class)
                .run(b -> {
                    assertNull(a.getStartupFailure());
                    assertNull(b.getStartupFailure());
                    for (var context : List.of(a, b)) {
                        assertInstanceOf(JdbcCheckpointStore.class, context.getBean(CheckpointStore.class));
                        assertEquals(0, context.getBeanNamesForType(FileCheckpointStore.class).length,
                                "no checkpoint file needed");
                        assertTrue(context.getBean(ReceiveLoopLifecycle.class).isRunning());
                    }
                    List<String> sent = sendLetters(sandbox);
                    awaitDone(sent);
                    Thread.sleep(500); // a few more polls of both loops: nothing is handed over again
                    Map<String, Long> perDoc = DELIVERIES.stream().map(d -> d.substring(d.indexOf(':') + 1))
                            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                    for (String docId : sent) {
                        assertEquals(1L, perDoc.getOrDefault(docId, 0L), docId + " handed over once: " + DELIVERIES);
                    }
                    assertEquals(DOCUMENTS, DELIVERIES.size(), "nothing else handed over: " + DELIVERIES);
                    // the loops went through the claims table: every document claimed once, and finished there
                    assertEquals(DOCUMENTS, db.number("SELECT count(*) FROM egov_receive_claims WHERE state = 'finished'"
                            + " AND handed_over = 1 AND doc_id IN (" + quoted(sent) + ")"));
                }));
    }

    @Test
    void aTransactionalHandlerCommitsItsRowsOnceAcrossTheNodes(NationalSandbox sandbox) throws Exception {
        db.execute("CREATE TABLE inbox (doc_id TEXT NOT NULL, node TEXT NOT NULL)");
        node(sandbox, "node-a", TransactionalHandler.class).run(a -> node(sandbox, "node-b",
                TransactionalHandler.class).run(b -> {
                    assertNull(a.getStartupFailure());
                    assertNull(b.getStartupFailure());
                    List<String> sent = sendLetters(sandbox);
                    awaitDone(sent);
                    Thread.sleep(500);
                    assertEquals(DOCUMENTS, db.number("SELECT count(*) FROM inbox"));
                    assertEquals(DOCUMENTS, db.number("SELECT count(DISTINCT doc_id) FROM inbox"));
                    // committed by the claim's transaction: the claims table says which node's commit it was
                    assertEquals(0, db.number("SELECT count(*) FROM inbox i JOIN egov_receive_claims c"
                            + " ON c.doc_id = i.doc_id WHERE c.handled_by IS DISTINCT FROM i.node"));
                }));
    }

    private static List<String> sendLetters(NationalSandbox sandbox) {
        List<String> docIds = new ArrayList<>();
        try (VdxpAxisClient sender = VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build()) {
            for (int i = 0; i < DOCUMENTS; i++) {
                docIds.add(sender.send(StarterTestSupport.letter("30" + i)).docId());
            }
        }
        return docIds;
    }

    private void awaitDone(List<String> docIds) throws Exception {
        String in = quoted(docIds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long done = 0;
        while (System.nanoTime() < deadline) {
            done = db.number("SELECT count(*) FROM egov_axis_checkpoint WHERE state = 'DONE' AND doc_id IN (" + in
                    + ")");
            if (done == docIds.size()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(docIds.size(), done, "every document handled and acknowledged within 60 s");
    }

    private static String quoted(List<String> docIds) {
        return docIds.stream().map(d -> "'" + d.replace("'", "''") + "'").collect(Collectors.joining(","));
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingHandler {
        @Bean
        PackageHandler recordingHandler(Environment env) {
            String node = env.getProperty("egov.jdbc.node-id");
            return pkg -> DELIVERIES.add(node + ":" + pkg.docId());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TransactionalHandler {
        @Bean
        TransactionalPackageHandler inboxWriter(Environment env) {
            String node = env.getProperty("egov.jdbc.node-id");
            return (pkg, tx) -> {
                try (PreparedStatement insert = tx.prepareStatement("INSERT INTO inbox (doc_id, node) VALUES (?, ?)")) {
                    insert.setString(1, pkg.docId());
                    insert.setString(2, node);
                    insert.executeUpdate();
                }
            };
        }
    }
}
