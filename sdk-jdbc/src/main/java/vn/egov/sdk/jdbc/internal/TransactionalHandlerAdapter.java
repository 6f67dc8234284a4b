package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.jdbc.TransactionalPackageHandler;

/**
 * Runs a {@link TransactionalPackageHandler} in one transaction that moves the package's checkpoint row to
 * {@code HANDLED} (and, with a coordinator, first locks the package's claim row and checks this node still holds
 * it) before the vendor's handler writes its own rows; all of it commits together or none of it. A package whose
 * checkpoint is already {@code HANDLED} or {@code DONE} is not handed to the vendor again: the transaction is
 * rolled back and the call returns, so the loop acknowledges the package.
 *
 * <p>What the vendor's handler throws passes through unchanged (after the rollback); the adapter's own SQL
 * failures become the caller's typed exception through {@link Failures}.
 */
public final class TransactionalHandlerAdapter implements PackageHandler {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.jdbc.receive");

    /** Builds the typed exception of the store or coordinator that made the adapter. */
    @FunctionalInterface
    public interface Failures {
        /**
         * The exception to throw.
         *
         * @param message what failed
         * @param retryable whether trying again later may succeed
         * @param cause the database's failure, or {@code null}
         * @return the exception
         */
        RuntimeException of(String message, boolean retryable, Throwable cause);
    }

    /** A coordinator's part of the transaction: its claim row. */
    public interface Claim {
        /**
         * Locks the package's claim row until the transaction ends and checks that this node still holds it.
         *
         * @param c the transaction
         * @param docId the package
         * @throws SQLException from the database
         * @throws RuntimeException the coordinator's typed exception when this node does not hold the package
         */
        void lockAndCheck(Connection c, String docId) throws SQLException;

        /**
         * Records on the claim row which node handled the package, and when.
         *
         * @param c the transaction
         * @param docId the package
         * @throws SQLException from the database
         */
        void markHandled(Connection c, String docId) throws SQLException;
    }

    private final DataSource dataSource;
    private final CheckpointRows checkpoints;
    private final Clock clock;
    private final Claim claim;
    private final TransactionalPackageHandler handler;
    private final Failures failures;

    /**
     * An adapter.
     *
     * @param dataSource the database holding the checkpoint rows (and the claim rows)
     * @param checkpoints the checkpoint rows
     * @param clock the checkpoint store's clock
     * @param claim the coordinator's claim rows, or {@code null} for one node without a coordinator
     * @param handler the vendor's handler
     * @param failures the typed exception for the adapter's own failures
     */
    public TransactionalHandlerAdapter(DataSource dataSource, CheckpointRows checkpoints, Clock clock, Claim claim,
            TransactionalPackageHandler handler, Failures failures) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.claim = claim;
        this.handler = handler;
        this.failures = failures;
    }

    @Override
    public void handle(ReceivedPackage pkg) throws Exception {
        String docId = pkg.docId();
        Exception vendorFailure = null;
        try (Connection c = dataSource.getConnection()) {
            if (c == null) {
                throw new SQLException("the DataSource gave no connection", "08001");
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (claim != null) {
                    claim.lockAndCheck(c, docId);
                }
                if (!moveToHandled(c, docId)) {
                    c.rollback();
                    return;
                }
                try {
                    handler.handle(pkg, c);
                } catch (Exception e) {
                    vendorFailure = e;
                }
                if (vendorFailure != null) {
                    c.rollback();
                } else {
                    if (claim != null) {
                        claim.markHandled(c, docId);
                    }
                    c.commit();
                }
            } catch (Throwable t) {
                rollbackQuietly(c);
                throw t;
            } finally {
                restoreQuietly(c, autoCommit);
            }
        } catch (SQLException e) {
            if (vendorFailure == null) {
                throw failures.of("could not commit package " + docId + " with its checkpoint in "
                        + checkpoints.table() + " (" + SqlFailures.describe(e) + ")", SqlFailures.retryable(e), e);
            }
            vendorFailure.addSuppressed(e);
        }
        if (vendorFailure != null) {
            throw vendorFailure;
        }
    }

    /** True when the handler must run; false when an earlier transaction already processed the package. */
    private boolean moveToHandled(Connection c, String docId) throws SQLException {
        if (checkpoints.move(c, docId, CheckpointState.HANDLED, "", clock.instant()).isPresent()) {
            return true;
        }
        CheckpointState now = checkpoints.find(c, docId).map(CheckpointEntry::state).orElse(null);
        if (now == CheckpointState.HANDLED || now == CheckpointState.DONE) {
            LOG.info("package {} was processed in an earlier transaction; not handed over again", docId);
            return false;
        }
        throw failures.of("package " + docId + " is " + now + " in " + checkpoints.table()
                + "; it is not handed over", false, null);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.toString());
        }
    }

    private static void restoreQuietly(Connection c, boolean autoCommit) {
        if (autoCommit) {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) { // the connection is broken; the pool finds out on its own
                LOG.debug("could not restore auto-commit: {}", e.toString());
            }
        }
    }
}
