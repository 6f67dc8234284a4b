package vn.egov.sdk.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.CatalogueCache;
import vn.egov.sdk.dossier.CatalogueCacheException;
import vn.egov.sdk.dossier.CatalogueSnapshot;
import vn.egov.sdk.jdbc.internal.Sql;
import vn.egov.sdk.jdbc.internal.SqlFailures;

/**
 * A {@link CatalogueCache} in the table {@code <prefix>catalogue_cache} (script {@code V3__catalogue_cache.sql}):
 * one row per cache name holding the whole snapshot in the JSON form {@link vn.egov.sdk.dossier.FileCatalogueCache}
 * writes, replaced by one upsert, so every node of a vendor reads the same catalogue and a save is all or nothing.
 * A failure of the database is a {@link CatalogueCacheException} ({@linkplain CatalogueCacheException#retryable()
 * retryable} when the connection was lost or the server is restarting); a row that is not a snapshot this SDK wrote
 * is a non-retryable one.
 *
 * <pre>{@code
 * CatalogueCache cache = JdbcCatalogueCache.builder(dataSource).build();
 * }</pre>
 */
public final class JdbcCatalogueCache implements CatalogueCache {
    /** The cache name used unless another is given. */
    public static final String DEFAULT_NAME = "dvcqg";

    private final DataSource dataSource;
    private final String table;
    private final String name;

    private JdbcCatalogueCache(Builder b) {
        this.dataSource = b.dataSource;
        this.table = b.tables.table("catalogue_cache");
        this.name = b.name;
    }

    /**
     * Starts a cache on the vendor's database.
     *
     * @param dataSource the vendor's database, where {@code V3__catalogue_cache.sql} was run
     * @return a builder
     * @throws ValidationException naming {@code dataSource} when it is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(ValidationException.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws CatalogueCacheException when the database fails or the row is not a snapshot this SDK wrote
     */
    @Override
    public Optional<CatalogueSnapshot> load() {
        String json;
        try {
            json = Sql.inTransaction(dataSource, c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT snapshot FROM " + table + " WHERE name = ?")) {
                    p.setString(1, name);
                    try (ResultSet rs = p.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return json == null ? Optional.empty()
                : Optional.of(CatalogueSnapshot.parse(json.getBytes(StandardCharsets.UTF_8), where()));
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException when {@code snapshot} is {@code null}
     * @throws CatalogueCacheException when the database fails (the previous snapshot is kept)
     */
    @Override
    public void save(CatalogueSnapshot snapshot) {
        ValidationException.requireNonNull(snapshot, "snapshot");
        String json = new String(snapshot.toJson(), StandardCharsets.UTF_8);
        try {
            Sql.inTransaction(dataSource, c -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table
                        + " (name, synced_at, snapshot, saved_at) VALUES (?, ?, ?, now()) ON CONFLICT (name)"
                        + " DO UPDATE SET synced_at = EXCLUDED.synced_at, snapshot = EXCLUDED.snapshot,"
                        + " saved_at = EXCLUDED.saved_at")) {
                    p.setString(1, name);
                    Sql.setTime(p, 2, snapshot.syncedAt());
                    p.setString(3, json);
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcCatalogueCache[" + where() + "]";
    }

    private String where() {
        return table + " row '" + name + "'";
    }

    private CatalogueCacheException failure(String what, SQLException e) {
        return new CatalogueCacheException("cannot " + what + " the catalogue snapshot in " + where() + " ("
                + SqlFailures.describe(e) + ")", SqlFailures.retryable(e), e);
    }

    /** Configures a {@link JdbcCatalogueCache}. */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcTables tables = JdbcTables.defaults();
        private String name = DEFAULT_NAME;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The table names (default {@link JdbcTables#defaults()}).
         *
         * @param value the tables
         * @return this builder
         * @throws ValidationException naming {@code tables} when it is null
         */
        public Builder tables(JdbcTables value) {
            this.tables = ValidationException.requireNonNull(value, "tables");
            return this;
        }

        /**
         * The cache's name, its row's key (default {@value JdbcCatalogueCache#DEFAULT_NAME}), for a vendor keeping
         * several catalogues (say, the national one and a province's) in one table.
         *
         * @param value non-blank, at most 100 characters
         * @return this builder
         * @throws ValidationException naming {@code name} when it is null, blank or too long
         */
        public Builder name(String value) {
            if (value == null || value.isBlank() || value.length() > 100 || value.indexOf('\0') >= 0) {
                throw ValidationException.of("catalogue.name.invalid", "name",
                        "a cache name is non-blank text of at most 100 characters");
            }
            this.name = value;
            return this;
        }

        /**
         * Builds the cache; it touches the database only when used.
         *
         * @return the cache
         */
        public JdbcCatalogueCache build() {
            return new JdbcCatalogueCache(this);
        }
    }
}
