package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import vn.egov.sdk.axis.ReceiveCoordinatorException;

/**
 * A {@code JdbcReceiveCoordinator}'s part of a transactional handler's transaction: the package's row in
 * {@code <prefix>receive_claims}, locked ({@code FOR UPDATE}, so no other node can claim it while the transaction
 * is open) and checked against the lease token this node holds; on commit it records the node and the database's
 * time in {@code handled_by}/{@code handled_at} (the audit of which node's transaction committed the package).
 */
public final class ClaimRows implements TransactionalHandlerAdapter.Claim {
    private final String table;
    private final String node;
    private final Function<String, Optional<Long>> leaseTokens;

    /**
     * The claim rows of one node.
     *
     * @param table the claims table's name
     * @param node this node's name
     * @param leaseTokens the lease token this node holds for a docId
     */
    public ClaimRows(String table, String node, Function<String, Optional<Long>> leaseTokens) {
        this.table = table;
        this.node = node;
        this.leaseTokens = leaseTokens;
    }

    @Override
    public void lockAndCheck(Connection c, String docId) throws SQLException {
        long token = leaseTokens.apply(docId).orElseThrow(() -> new ReceiveCoordinatorException(
                "package " + docId + " is not claimed by node " + node + "; a transactional handler needs the loop to"
                        + " use the JdbcReceiveCoordinator that made it", false, null));
        try (PreparedStatement p = c.prepareStatement(
                "SELECT lease_token FROM " + table + " WHERE doc_id = ? FOR UPDATE")) {
            p.setString(1, docId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new ReceiveCoordinatorException("package " + docId + " has no claim row in " + table,
                            false, null);
                }
                if (rs.getLong(1) != token) {
                    throw new ReceiveCoordinatorException("node " + node + " lost its claim on package " + docId
                            + " (its lease ran out and another node took it)", true, null);
                }
            }
        }
    }

    @Override
    public void markHandled(Connection c, String docId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE " + table + " SET handled_at = clock_timestamp(), handled_by = ? WHERE doc_id = ?")) {
            p.setString(1, node);
            p.setString(2, docId);
            p.executeUpdate();
        }
    }
}
