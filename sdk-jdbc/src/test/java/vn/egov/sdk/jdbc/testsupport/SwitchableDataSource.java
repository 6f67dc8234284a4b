package vn.egov.sdk.jdbc.testsupport;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource in front of a real one that can be switched "down": every connection attempt then fails with 08006. */
public final class SwitchableDataSource implements DataSource {
    private final DataSource real;
    private volatile boolean down;

    /**
     * Wraps a data source, up.
     *
     * @param real the real database
     */
    public SwitchableDataSource(DataSource real) {
        this.real = real;
    }

    /**
     * Switches the database down or up.
     *
     * @param value whether connection attempts fail
     */
    public void down(boolean value) {
        this.down = value;
    }

    private void check() throws SQLException {
        if (down) {
            throw new SQLException("connection refused (test: database down)", "08006");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return real.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return real.getConnection(username, password);
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
