package vn.egov.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * One node of {@link ReceiveLoopKillNodesTest}, run in its own JVM: a receive loop on the sandbox's axis sharing
 * the inbox through {@link JdbcReceiveCoordinator}. Its handler records each hand-over (node, lease token) in
 * {@code handovers} on its own connection, then writes the package into {@code inbox} through the transactional
 * handler. Arguments: jdbc URL, table prefix, axis URL, node name (one per incarnation).
 */
public final class ReceiveNodeMain {
    private ReceiveNodeMain() {
    }

    /**
     * Runs the node until killed.
     *
     * @param args jdbc URL, table prefix, axis URL, node name
     * @throws Exception anything (the test reads the output)
     */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        JdbcTables tables = new JdbcTables(args[1]);
        String node = args[3];
        VdxpAxisClient axis = VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(args[2]).readTimeout(Duration.ofSeconds(10))
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build())
                .systemId(VdxpSandbox.SYSTEM_2).secret(Secret.of(VdxpSandbox.SECRET_2)).build();
        JdbcReceiveCoordinator claims = JdbcReceiveCoordinator.open(ds, tables, node, Duration.ofSeconds(2));
        PackageHandler inbox = claims.transactional((pkg, tx) -> {
            try (PreparedStatement p = tx.prepareStatement("INSERT INTO inbox (doc_id, node) VALUES (?, ?)")) {
                p.setString(1, pkg.docId());
                p.setString(2, node);
                p.executeUpdate();
            }
        });
        PackageHandler handler = pkg -> {
            try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
                    "INSERT INTO handovers (doc_id, node, lease_token, attempt) VALUES (?, ?, ?, ?)")) {
                p.setString(1, pkg.docId());
                p.setString(2, node);
                p.setLong(3, claims.leaseToken(pkg.docId()).orElse(-1L));
                p.setInt(4, pkg.attempt());
                p.executeUpdate();
            }
            inbox.handle(pkg);
        };
        ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), handler).coordinator(claims)
                .interval(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).maxAttempts(0).build();
        loop.start();
        System.out.println("ready " + node);
        Thread.sleep(Long.MAX_VALUE);
    }
}
