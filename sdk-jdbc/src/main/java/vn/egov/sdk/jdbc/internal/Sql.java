package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Running work on a vendor's {@link DataSource}: one connection, one transaction (committed whether the pool hands
 * out connections in auto-commit or not, rolled back on any failure), and PostgreSQL's {@code TIMESTAMPTZ} to and
 * from {@link Instant}.
 */
public final class Sql {
    /** The earliest time stored: earlier ones are stored as this. */
    public static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest time stored: later ones (say, {@code now + 3650 days} near the end of time) are stored as this. */
    public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Sql() {
    }

    /**
     * Work done with a connection inside a transaction.
     *
     * @param <T> what it gives back
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param c the connection, not in auto-commit
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work in one transaction: all of it is committed, or none.
     *
     * @param <T> what it gives back
     * @param dataSource the vendor's database
     * @param work the work
     * @return what the work gave back
     * @throws SQLException when the database fails (the transaction is rolled back)
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = connection(dataSource)) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                return commitOrRollBack(c, work);
            } finally {
                if (autoCommit) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // the connection is broken; the pool finds out on its own
                    }
                }
            }
        }
    }

    /**
     * Runs work whose statements are each atomic on their own (a single upsert, a read) in one round trip each: on
     * a connection in auto-commit, as it comes from the pool; on one that is not, committed at the end (or rolled
     * back on a failure).
     *
     * @param <T> what it gives back
     * @param dataSource the vendor's database
     * @param work the work
     * @return what the work gave back
     * @throws SQLException when the database fails
     */
    public static <T> T autoCommitted(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = connection(dataSource)) {
            return c.getAutoCommit() ? work.run(c) : commitOrRollBack(c, work);
        }
    }

    private static Connection connection(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        if (c == null) {
            throw new SQLException("the DataSource gave no connection", "08001");
        }
        return c;
    }

    private static <T> T commitOrRollBack(Connection c, Work<T> work) throws SQLException {
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    /**
     * Binds a time, to the microsecond (PostgreSQL's precision), kept within {@link #MIN_TIME} and
     * {@link #MAX_TIME}.
     *
     * @param p the statement
     * @param index the parameter's index
     * @param time the time
     * @throws SQLException from the driver
     */
    public static void setTime(PreparedStatement p, int index, Instant time) throws SQLException {
        p.setObject(index, OffsetDateTime.ofInstant(clamp(time), ZoneOffset.UTC));
    }

    /**
     * A time as it will read back once stored.
     *
     * @param time the time
     * @return the time to the microsecond, within {@link #MIN_TIME} and {@link #MAX_TIME}
     */
    public static Instant clamp(Instant time) {
        Instant t = time.isBefore(MIN_TIME) ? MIN_TIME : time.isAfter(MAX_TIME) ? MAX_TIME : time;
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Reads a {@code TIMESTAMPTZ} column.
     *
     * @param rs the row
     * @param column the column's name
     * @return the time
     * @throws SQLException from the driver
     */
    public static Instant time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * Cuts a text to at most {@code max} characters without splitting a surrogate pair, and replaces the NUL
     * character (which a PostgreSQL {@code TEXT} cannot hold) with {@code U+FFFD}.
     *
     * @param text the text
     * @param max the most characters kept
     * @return the text to store
     */
    public static String storable(String text, int max) {
        String t = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        if (t.length() <= max) {
            return t;
        }
        int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
        return t.substring(0, end);
    }
}
