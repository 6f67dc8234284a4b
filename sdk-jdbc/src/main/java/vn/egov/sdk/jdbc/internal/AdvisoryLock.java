package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock(class, key)}) held on a connection of its
 * own, for electing the one node that does some work: when the holder dies its connection, and with it the lock, go
 * away and another node takes it at its next try. Thread-safe.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** The lock class of every SDK lock: {@code "egov"} in ASCII. */
    public static final int EGOV_CLASS = 0x65676f76;

    private final DataSource dataSource;
    private final int key;
    private final Logger log;
    private final String holder;
    private Connection connection;

    /**
     * A lock, not yet taken.
     *
     * @param dataSource where the lock lives
     * @param name what the lock guards (a table name); its hash is the key within {@link #EGOV_CLASS}
     * @param log where taking and losing the lock are logged
     * @param holder who holds it and for what, for the log ({@code "node a, listing the axis for egov_…"})
     */
    public AdvisoryLock(DataSource dataSource, String name, Logger log, String holder) {
        this.dataSource = dataSource;
        this.key = name.hashCode();
        this.log = log;
        this.holder = holder;
    }

    /**
     * Confirms the lock is still held (its connection is alive), or tries to take it.
     *
     * @return whether this holder holds the lock now
     * @throws SQLException when the database cannot be reached
     */
    public synchronized boolean tryHold() throws SQLException {
        if (connection != null) {
            if (connection.isValid(5)) {
                return true;
            }
            log.warn("{} lost its lock's connection; trying to take the lock again", holder);
            release();
        }
        Connection c = dataSource.getConnection();
        if (c == null) {
            throw new SQLException("the DataSource gave no connection", "08001");
        }
        boolean locked = false;
        try {
            c.setAutoCommit(true);
            try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                p.setInt(1, EGOV_CLASS);
                p.setInt(2, key);
                try (ResultSet rs = p.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            }
        } finally {
            if (locked) {
                connection = c;
                log.info("{} now holds the lock", holder);
            } else {
                c.close();
            }
        }
        return locked;
    }

    /**
     * Whether the lock was held at the last {@link #tryHold()} (no round trip to the database).
     *
     * @return true while this holder believes it holds the lock
     */
    public synchronized boolean held() {
        return connection != null;
    }

    /** Gives the lock up (explicitly, since a pool keeps the session open) and closes its connection. */
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        try (Connection c = connection) {
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                p.setInt(1, EGOV_CLASS);
                p.setInt(2, key);
                p.execute();
            }
        } catch (SQLException e) {
            log.debug("closing the lock's connection failed: {}", e.toString());
        }
        connection = null;
    }

    /** Same as {@link #release()}. */
    @Override
    public void close() {
        release();
    }
}
