package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveCoordinatorException;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.jdbc.TransactionalPackageHandler;

/**
 * Runs a {@link TransactionalPackageHandler} in one transaction that locks the package's claim row, checks that
 * this node still holds it, and marks it processed ({@code handled_at}) before committing; a package already
 * marked is not handed to the vendor again.
 */
public final class TransactionalHandlerAdapter implements PackageHandler {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.jdbc.receive");

    private final DataSource dataSource;
    private final String table;
    private final String node;
    private final Function<String, Optional<Long>> leaseTokens;
    private final TransactionalPackageHandler handler;

    /**
     * An adapter.
     *
     * @param dataSource the shared database
     * @param table the claims table's name
     * @param node this node's name
     * @param leaseTokens the lease token this node holds for a docId
     * @param handler the vendor's handler
     */
    public TransactionalHandlerAdapter(DataSource dataSource, String table, String node,
            Function<String, Optional<Long>> leaseTokens, TransactionalPackageHandler handler) {
        this.dataSource = dataSource;
        this.table = table;
        this.node = node;
        this.leaseTokens = leaseTokens;
        this.handler = handler;
    }

    @Override
    public void handle(ReceivedPackage pkg) throws Exception {
        String docId = pkg.docId();
        long token = leaseTokens.apply(docId).orElseThrow(() -> new ReceiveCoordinatorException(
                "package " + docId + " is not claimed by node " + node + "; a transactional handler needs the loop to"
                        + " use the JdbcReceiveCoordinator that made it", false, null));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (lockAndCheck(c, docId, token)) {
                    handler.handle(pkg, c);
                    markHandled(c, docId);
                }
                c.commit();
            } catch (Throwable t) {
                rollbackQuietly(c);
                throw t;
            }
        } catch (SQLException e) {
            throw new ReceiveCoordinatorException("could not commit package " + docId + " in " + table + ": "
                    + SqlFailures.describe(e), SqlFailures.retryable(e), e);
        }
    }

    /** True when the handler must run; false when an earlier transaction already processed the package. */
    private boolean lockAndCheck(Connection c, String docId, long token) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT handled_at IS NOT NULL, lease_token FROM " + table + " WHERE doc_id = ? FOR UPDATE")) {
            p.setString(1, docId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new ReceiveCoordinatorException("package " + docId + " has no claim row in " + table,
                            false, null);
                }
                if (rs.getBoolean(1)) {
                    LOG.info("package {} was processed in an earlier transaction; not handed over again", docId);
                    return false;
                }
                if (rs.getLong(2) != token) {
                    throw new ReceiveCoordinatorException("node " + node + " lost its claim on package " + docId
                            + " (its lease ran out and another node took it)", true, null);
                }
                return true;
            }
        }
    }

    private void markHandled(Connection c, String docId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE " + table + " SET handled_at = clock_timestamp(), handled_by = ? WHERE doc_id = ?")) {
            p.setString(1, node);
            p.setString(2, docId);
            p.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.toString());
        }
    }
}
