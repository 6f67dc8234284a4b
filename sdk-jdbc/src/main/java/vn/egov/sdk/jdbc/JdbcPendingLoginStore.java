package vn.egov.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import javax.sql.DataSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.BrowserBinding;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.LoginStateFailure;
import vn.egov.sdk.identity.PendingLogin;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.identity.PendingLoginStoreException;
import vn.egov.sdk.jdbc.internal.PaymentRows;
import vn.egov.sdk.jdbc.internal.Sql;
import vn.egov.sdk.jdbc.internal.SqlFailures;

/**
 * A {@link PendingLoginStore} on the vendor's PostgreSQL database (table {@code <prefix>pending_login}, script
 * {@code V5__pending_logins.sql}): the login's callback may reach any application node.
 *
 * <p>Single use across nodes: {@link #take} locks the login's row ({@code SELECT … FOR UPDATE}), compares the
 * browser binding in Java in constant time, and marks the row taken (clearing its nonce and code verifier) in the
 * same transaction; of two concurrent takes one wins and the other finds it taken
 * ({@link LoginStateFailure#ALREADY_USED}). A wrong binding changes nothing. A login expires {@code ttl} after its
 * {@link PendingLogin#createdAt()} by this store's clock; a taken row is kept until then so that a replay is told
 * apart, and every save deletes the expired rows.
 *
 * <p>Bounded as the in-memory store is: at most {@code maxEntries} pending logins (and as many taken ones); a save
 * beyond that evicts the oldest saved, whose callback then fails with {@link LoginStateFailure#UNKNOWN_STATE}.
 * Saves take a transaction-scoped advisory lock so that the bound holds with many nodes saving at once.
 *
 * <p>A database error becomes a {@link PendingLoginStoreException} ({@code retryable()} from the SQLState); a login
 * that could not be taken stays pending.
 */
public final class JdbcPendingLoginStore implements PendingLoginStore {
    private static final long SAVE_LOCK = 0x65676f76_6c6f676eL; // "egovlogn"
    private final DataSource dataSource;
    private final String table;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    private JdbcPendingLoginStore(Builder b) {
        this.dataSource = b.dataSource;
        this.table = b.tables.table("pending_login");
        this.ttl = b.ttl;
        this.maxEntries = b.maxEntries;
        this.clock = b.clock;
    }

    /**
     * A builder: 10 minutes, 10,000 logins, the system clock, the default table prefix.
     *
     * @param dataSource the vendor's database
     * @return a new builder
     * @throws ValidationException when {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(ValidationException.requireNonNull(dataSource, "JdbcPendingLoginStore.dataSource"));
    }

    private <T> T inTransaction(String what, Sql.Work<T> work) {
        try {
            return Sql.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new PendingLoginStoreException("the pending-login store could not " + what + ": "
                    + SqlFailures.describe(e), SqlFailures.retryable(e), e);
        }
    }

    @Override
    public String save(PendingLogin login) {
        ValidationException.requireNonNull(login, "PendingLoginStore.login");
        String binding = BrowserBinding.newValue();
        Instant now = clock.instant();
        boolean saved = inTransaction("save a login", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                p.setLong(1, SAVE_LOCK);
                p.execute();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
                p.setObject(1, PaymentRows.time(now));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (state, binding, nonce,"
                    + " code_verifier, redirect_uri, return_path, acr_values, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (state) DO NOTHING")) {
                p.setString(1, login.state());
                p.setString(2, binding);
                p.setString(3, login.nonce());
                p.setString(4, login.codeVerifier());
                p.setString(5, login.redirectUri());
                p.setString(6, login.returnPath());
                p.setArray(7, c.createArrayOf("text", login.acrValues().toArray()));
                p.setObject(8, PaymentRows.time(login.createdAt()));
                p.setObject(9, PaymentRows.time(login.createdAt().plus(ttl)));
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            evictBeyondBound(c, false);
            return true;
        });
        if (!saved) {
            throw ValidationException.of("duplicate", "PendingLogin.state",
                    "a pending login with this state is already kept: each login needs a new random state");
        }
        return binding;
    }

    private void evictBeyondBound(Connection c, boolean taken) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE state IN (SELECT state FROM "
                + table + " WHERE taken = ? ORDER BY seq OFFSET 0 LIMIT GREATEST(0, (SELECT count(*) FROM " + table
                + " WHERE taken = ?) - ?))")) {
            p.setBoolean(1, taken);
            p.setBoolean(2, taken);
            p.setInt(3, maxEntries);
            p.executeUpdate();
        }
    }

    @Override
    public PendingLogin take(String state, String browserBinding) {
        if (state == null || state.isBlank()) {
            throw new LoginStateException(LoginStateFailure.UNKNOWN_STATE, "the callback has no state");
        }
        if (state.length() > PendingLogin.MAX_TOKEN || state.indexOf('\u0000') >= 0) {
            // no saved login has such a state (PendingLogin refuses it), and PostgreSQL's text cannot hold U+0000
            throw failure(LoginStateFailure.UNKNOWN_STATE);
        }
        Instant now = clock.instant();
        Object result = inTransaction("take a login", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT binding, nonce, code_verifier, redirect_uri,"
                    + " return_path, acr_values, created_at, expires_at, taken FROM " + table
                    + " WHERE state = ? FOR UPDATE")) {
                p.setString(1, state);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return LoginStateFailure.UNKNOWN_STATE;
                    }
                    Instant expiresAt = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    if (rs.getBoolean("taken")) {
                        return now.isBefore(expiresAt) ? LoginStateFailure.ALREADY_USED
                                : LoginStateFailure.UNKNOWN_STATE;
                    }
                    if (!now.isBefore(expiresAt)) {
                        return LoginStateFailure.EXPIRED;
                    }
                    if (!BrowserBinding.matches(rs.getString("binding"), browserBinding)) {
                        return LoginStateFailure.BROWSER_MISMATCH;
                    }
                    PendingLogin login = new PendingLogin(state, rs.getString("nonce"),
                            rs.getString("code_verifier"), rs.getString("redirect_uri"), rs.getString("return_path"),
                            Arrays.stream((Object[]) rs.getArray("acr_values").getArray()).map(String.class::cast)
                                    .toList(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                    markTaken(c, state);
                    return login;
                }
            }
        });
        if (result instanceof PendingLogin login) {
            return login;
        }
        throw failure((LoginStateFailure) result);
    }

    private void markTaken(Connection c, String state) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET taken = TRUE, nonce = NULL,"
                + " code_verifier = NULL, redirect_uri = NULL, return_path = NULL, acr_values = NULL"
                + " WHERE state = ? AND NOT taken")) {
            p.setString(1, state);
            p.executeUpdate();
        }
        evictBeyondBound(c, true);
    }

    private LoginStateException failure(LoginStateFailure f) {
        return new LoginStateException(f, switch (f) {
            case ALREADY_USED -> "this login was already completed once (a replayed or repeated callback)";
            case EXPIRED -> "the login was started more than " + ttl.toMinutes() + " minutes ago";
            case BROWSER_MISMATCH -> "the browser's binding cookie is absent or belongs to another login";
            default -> "no pending login has this state (never started, evicted, or expired and removed)";
        });
    }

    /**
     * How long a pending login waits for its callback: the binding cookie's {@code Max-Age}.
     *
     * @return the time-to-live
     */
    public Duration ttl() {
        return ttl;
    }

    @Override
    public String toString() {
        return "JdbcPendingLoginStore[table=" + table + ", ttl=" + ttl + ", maxEntries=" + maxEntries + "]";
    }

    /** Builds a {@link JdbcPendingLoginStore}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcTables tables = JdbcTables.defaults();
        private Duration ttl = Duration.ofMinutes(10);
        private int maxEntries = 10_000;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The table names.
         *
         * @param tables the tables; default {@link JdbcTables#defaults()}
         * @return this builder
         */
        public Builder tables(JdbcTables tables) {
            this.tables = ValidationException.requireNonNull(tables, "JdbcPendingLoginStore.tables");
            return this;
        }

        /**
         * How long a pending login may wait for its callback, counted from its {@link PendingLogin#createdAt()}.
         *
         * @param ttl 1 second to 1 hour; default 10 minutes
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            ValidationException.requireNonNull(ttl, "JdbcPendingLoginStore.ttl");
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
                throw ValidationException.of("range", "JdbcPendingLoginStore.ttl",
                        "the time-to-live is 1 second to 1 hour, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * The most pending logins kept (and the most taken states remembered); the oldest is evicted beyond.
         *
         * @param maxEntries 1 to 10,000,000; default 10,000
         * @return this builder
         */
        public Builder maxEntries(int maxEntries) {
            if (maxEntries < 1 || maxEntries > 10_000_000) {
                throw ValidationException.of("range", "JdbcPendingLoginStore.maxEntries",
                        "maxEntries is 1 to 10,000,000, was " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * The clock expiry is measured by.
         *
         * @param clock the clock; default the system clock (UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = ValidationException.requireNonNull(clock, "JdbcPendingLoginStore.clock");
            return this;
        }

        /**
         * Builds the store; its schema is installed by the vendor's migration tool or {@link JdbcSchema#install}.
         *
         * @return the store
         */
        public JdbcPendingLoginStore build() {
            return new JdbcPendingLoginStore(this);
        }
    }
}
