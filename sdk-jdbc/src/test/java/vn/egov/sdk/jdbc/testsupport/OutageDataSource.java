package vn.egov.sdk.jdbc.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} in front of a real one that can play a database outage: {@link Mode#REFUSE} refuses new
 * connections, {@link Mode#BREAK} hands connections out that fail on their first statement (a connection lost while
 * in use), both with SQLState {@code 08006} as the PostgreSQL driver reports a lost connection.
 */
public final class OutageDataSource implements DataSource {
    /** How the database behaves. */
    public enum Mode {
        /** Up. */
        UP,
        /** New connections are refused. */
        REFUSE,
        /** Connections are given, and fail on their first statement. */
        BREAK
    }

    private static final Set<String> SAFE = Set.of("close", "isClosed", "rollback", "setAutoCommit", "getAutoCommit",
            "equals", "hashCode", "toString");

    private final DataSource real;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Mode mode = Mode.UP;

    /**
     * Wraps a data source.
     *
     * @param real the real database
     */
    public OutageDataSource(DataSource real) {
        this.real = real;
    }

    /**
     * Changes how the database behaves from the next call on.
     *
     * @param value the mode
     */
    public void mode(Mode value) {
        this.mode = value;
    }

    /**
     * How many connections were refused so far ({@link Mode#REFUSE}).
     *
     * @return the count
     */
    public int refused() {
        return refused.get();
    }

    private static SQLException lost() {
        return new SQLException("An I/O error occurred while sending to the backend (outage played by the test)",
                "08006");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Mode now = mode;
        if (now == Mode.REFUSE) {
            refused.incrementAndGet();
            throw new SQLException("Connection to localhost refused (outage played by the test)", "08001");
        }
        Connection c = real.getConnection();
        if (now == Mode.UP) {
            return c;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (!SAFE.contains(method.getName())) {
                        throw lost();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
