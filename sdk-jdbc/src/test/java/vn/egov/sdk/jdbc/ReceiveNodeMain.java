package vn.egov.sdk.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * One node of {@link ReceiveLoopKillNodesTest}, run in its own JVM: a receive loop on the sandbox's axis sharing
 * the inbox through {@link JdbcReceiveCoordinator} and the checkpoints through a {@link JdbcCheckpointStore}, both
 * on the test's database through a connection pool (as a vendor's node runs). Its handler has two effects:
 * <ol>
 *   <li>at least once: a row in {@code handovers} (node, lease token, the database's time) written on its own
 *       connection before anything else, and its {@code ended_at} set once the transactional part returned or
 *       threw;</li>
 *   <li>exactly once: a row in {@code inbox} written through
 *       {@link JdbcReceiveCoordinator#transactional(JdbcCheckpointStore, TransactionalPackageHandler)}, in the
 *       transaction that records the checkpoint {@code HANDLED}.</li>
 * </ol>
 * Arguments: jdbc URL, table prefix, axis URL, node name (one per incarnation), lease in milliseconds, the
 * vendor's work inside the transaction in milliseconds (a sleep, so that kills land inside transactions too).
 */
public final class ReceiveNodeMain {
    private ReceiveNodeMain() {
    }

    /**
     * Runs the node until killed.
     *
     * @param args jdbc URL, table prefix, axis URL, node name, lease and work in milliseconds
     * @throws Exception anything (the test reads the output)
     */
    public static void main(String[] args) throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[0]);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        pool.setPoolName(args[3]);
        HikariDataSource ds = new HikariDataSource(pool);
        JdbcTables tables = new JdbcTables(args[1]);
        String node = args[3];
        long work = Long.parseLong(args[5]);
        VdxpAxisClient axis = VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(args[2]).readTimeout(Duration.ofSeconds(10))
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build())
                .systemId(VdxpSandbox.SYSTEM_2).secret(Secret.of(VdxpSandbox.SECRET_2)).build();
        JdbcReceiveCoordinator claims = JdbcReceiveCoordinator.open(ds, tables, node,
                Duration.ofMillis(Long.parseLong(args[4])));
        JdbcCheckpointStore checkpoints = JdbcCheckpointStore.builder(ds).tables(tables).build();
        PackageHandler inbox = claims.transactional(checkpoints, (pkg, tx) -> {
            try (PreparedStatement p = tx.prepareStatement(
                    "INSERT INTO inbox (doc_id, node, lease_token) VALUES (?, ?, ?)")) {
                p.setString(1, pkg.docId());
                p.setString(2, node);
                p.setLong(3, claims.leaseToken(pkg.docId()).orElse(-1L));
                p.executeUpdate();
            }
            Thread.sleep(work); // the vendor's work inside the transaction: a kill may land here and roll it back
        });
        PackageHandler handler = pkg -> {
            long handover;
            try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
                    "INSERT INTO handovers (doc_id, node, lease_token, attempt) VALUES (?, ?, ?, ?) RETURNING id")) {
                p.setString(1, pkg.docId());
                p.setString(2, node);
                p.setLong(3, claims.leaseToken(pkg.docId()).orElse(-1L));
                p.setInt(4, pkg.attempt());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    handover = rs.getLong(1);
                }
            }
            try {
                inbox.handle(pkg);
            } finally {
                try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
                        "UPDATE handovers SET ended_at = clock_timestamp() WHERE id = ?")) {
                    p.setLong(1, handover);
                    p.executeUpdate();
                }
            }
        };
        ReceiveLoop loop = ReceiveLoop.builder(axis, checkpoints, handler).coordinator(claims)
                .interval(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).maxAttempts(0).build();
        loop.start();
        System.out.println("ready " + node);
        Thread.sleep(Long.MAX_VALUE);
    }
}
