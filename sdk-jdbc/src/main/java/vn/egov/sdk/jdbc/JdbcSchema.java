package vn.egov.sdk.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.internal.Sql;

/**
 * The SDK's tables, as versioned SQL scripts on the classpath under {@value #LOCATION}
 * ({@code V<n>__<what>.sql}, Flyway's naming, with the placeholder {@code ${egov_prefix}} for the
 * {@linkplain JdbcTables table prefix}). A vendor runs them with its own migration tool (Flyway:
 * {@code locations=classpath:db/egov/postgresql}, {@code placeholders.egov_prefix=egov_}); or, when asked,
 * {@link #install} runs them itself. Nothing creates a table behind the vendor's back.
 *
 * <p>{@link #install} keeps what it applied in the table {@code <prefix>schema_history} (version, script, when) and
 * applies the missing scripts in version order in one transaction (PostgreSQL's DDL is transactional: all or
 * none); it takes a transaction-scoped advisory lock first, so two nodes starting together do not both apply a
 * script.
 */
public final class JdbcSchema {
    /** The classpath folder of the scripts. */
    public static final String LOCATION = "db/egov/postgresql";
    /** The scripts, in version order. A new script is added here and under {@link #LOCATION}. */
    static final List<String> SCRIPTS = List.of("V1__axis_checkpoints.sql", "V2__dossier_outbox.sql",
            "V3__catalogue_cache.sql", "V4__payments.sql", "V5__pending_logins.sql", "V6__receive_claims.sql",
            "V7__send_outbox.sql", "V10__retention_indexes.sql");
    private static final String PLACEHOLDER = "${egov_prefix}";
    private static final long LOCK_KEY = 0x65676f76_73636d61L; // "egovscma"

    private JdbcSchema() {
    }

    /**
     * The scripts' names, in version order (for a vendor's tool that wants them listed).
     *
     * @return the file names under {@link #LOCATION}
     */
    public static List<String> scripts() {
        return SCRIPTS;
    }

    /**
     * The text of one script with the prefix put in, as {@link #install} runs it.
     *
     * @param script a name from {@link #scripts()}
     * @param tables the table names
     * @return the SQL
     * @throws ValidationException naming {@code script} when it is not one of the SDK's scripts
     */
    public static String sql(String script, JdbcTables tables) {
        if (script == null || !SCRIPTS.contains(script)) {
            throw ValidationException.of("jdbc.script.unknown", "script", "give one of JdbcSchema.scripts()");
        }
        ValidationException.requireNonNull(tables, "tables");
        try (InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(LOCATION + "/" + script)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + "/" + script + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PLACEHOLDER, tables.prefix());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies the scripts not applied yet, in version order, in one transaction.
     *
     * @param dataSource the vendor's database
     * @param tables the table names
     * @return the scripts applied by this call (empty when the schema was up to date)
     * @throws ValidationException for a null argument
     * @throws SQLException when the database refuses a script (nothing of this call is kept)
     */
    public static List<String> install(DataSource dataSource, JdbcTables tables) throws SQLException {
        ValidationException.requireNonNull(dataSource, "dataSource");
        ValidationException.requireNonNull(tables, "tables");
        String history = tables.table("schema_history");
        return Sql.inTransaction(dataSource, c -> {
            List<String> applied = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                s.execute("CREATE TABLE IF NOT EXISTS " + history + " (version INT PRIMARY KEY,"
                        + " script TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            }
            for (String script : SCRIPTS) {
                int version = version(script);
                if (isApplied(c, history, version)) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute(sql(script, tables));
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO " + history + " (version, script) VALUES (?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, script);
                    p.executeUpdate();
                }
                applied.add(script);
            }
            return List.copyOf(applied);
        });
    }

    private static boolean isApplied(Connection c, String history, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM " + history + " WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }
}
