package vn.egov.sdk.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.DrainLeadership;
import vn.egov.sdk.dossier.OutboxStoreException;
import vn.egov.sdk.jdbc.internal.AdvisoryLock;
import vn.egov.sdk.jdbc.internal.SqlFailures;

/**
 * Elects the one node that drains a {@link JdbcDossierOutbox} shared by several nodes: the node holding a
 * PostgreSQL session-level advisory lock (keyed by the outbox's table name) leads; it keeps one connection of the
 * vendor's {@link DataSource} for the lock, so when that node dies (or its connection is cut) the lock goes with the
 * session and another node takes it at its next drain.
 *
 * <pre>{@code
 * JdbcDrainLeadership leadership = JdbcDrainLeadership.open(dataSource, JdbcTables.defaults());
 * DossierSync sync = DossierSync.builder(dvcqg).outbox(outbox).leadership(leadership).build();
 * }</pre>
 *
 * {@link #tryLead()} checks the lock's connection ({@link java.sql.Connection#isValid(int)}, one round trip) when it
 * holds the lock, and tries to take it otherwise. The lock needs a real session: do not route the lock's connection
 * through a pooler in transaction mode (such as PgBouncer's {@code pool_mode = transaction}), which would hand the
 * session, and the lock, to others. Close it after the sync's loop, to hand the lead over at once.
 */
public final class JdbcDrainLeadership implements DrainLeadership, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.jdbc.dossier");

    private final AdvisoryLock lock;
    private final String table;

    private JdbcDrainLeadership(DataSource dataSource, String table) {
        this.table = table;
        this.lock = new AdvisoryLock(dataSource, table, LOG, "this node, draining " + table + ",");
    }

    /**
     * A leadership for the outbox in {@code tables}; it touches the database at the first {@link #tryLead()}.
     *
     * @param dataSource the database the nodes share
     * @param tables the table names, as given to the nodes' {@link JdbcDossierOutbox}
     * @return the leadership
     * @throws ValidationException naming the argument that is null
     */
    public static JdbcDrainLeadership open(DataSource dataSource, JdbcTables tables) {
        ValidationException.requireNonNull(dataSource, "dataSource");
        ValidationException.requireNonNull(tables, "tables");
        return new JdbcDrainLeadership(dataSource, tables.table("dossier_outbox"));
    }

    /**
     * Confirms this node still holds the drain lock, or tries to take it.
     *
     * @return whether this node drains now
     * @throws OutboxStoreException when the database cannot be reached ({@linkplain OutboxStoreException#retryable()
     *         retryable} when the connection was lost or refused)
     */
    @Override
    public boolean tryLead() {
        try {
            return lock.tryHold();
        } catch (SQLException e) {
            throw new OutboxStoreException("cannot take the drain lock of the dossier outbox " + table + " ("
                    + SqlFailures.describe(e) + ")", SqlFailures.retryable(e), e);
        }
    }

    /**
     * Whether this node held the lock at its last {@link #tryLead()} (no round trip).
     *
     * @return true while this node believes it leads
     */
    public boolean leads() {
        return lock.held();
    }

    /** Gives the lock up, so that another node leads at its next drain. */
    @Override
    public void close() {
        lock.release();
    }

    @Override
    public String toString() {
        return "JdbcDrainLeadership[" + table + (leads() ? ", leading" : "") + "]";
    }
}
