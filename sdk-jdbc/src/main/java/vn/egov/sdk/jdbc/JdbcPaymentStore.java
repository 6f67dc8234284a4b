package vn.egov.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.internal.PaymentRows;
import vn.egov.sdk.jdbc.internal.Sql;
import vn.egov.sdk.jdbc.internal.SqlFailures;
import vn.egov.sdk.payment.ApplyOutcome;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentEffectException;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentStoreException;
import vn.egov.sdk.payment.PaymentSystem;

/**
 * A {@link PaymentStore} on the vendor's PostgreSQL database (table {@code <prefix>payment}, script
 * {@code V4__payments.sql}), shared by every application node that uses the same database.
 *
 * <p>What makes a callback take effect once across nodes: {@link #applyFinalState} locks the payment's row
 * ({@code SELECT … FOR UPDATE}) in one transaction, runs the vendor's effect while holding it, and commits the
 * final state with it; a second node delivering the same callback waits on that row lock and then finds the payment
 * final ({@link ApplyOutcome#ALREADY_FINAL}). {@link #updatePending} is a conditional {@code UPDATE … WHERE state =
 * 'PENDING'}, so it never overwrites a final record. {@link #findPendingOrCreate} serializes the creations of one
 * dossier's payment with a transaction-scoped advisory lock on the dossier and amount.
 *
 * <p>The effect runs while this store holds one connection of the vendor's pool (and the row lock): an effect that
 * takes a second connection from the same pool needs the pool sized for two per concurrent callback. If the commit
 * itself fails after the effect ran, the payment stays pending and a repeated callback runs the effect again, so an
 * effect should be idempotent per reference (or write through its own transaction keyed by the reference).
 *
 * <p>Timestamps are kept to the microsecond (PostgreSQL's precision). A database error becomes a
 * {@link PaymentStoreException} whose {@code retryable()} follows the SQLState; nothing of the failed call is kept.
 */
public final class JdbcPaymentStore implements PaymentStore {
    private static final String PENDING = PaymentState.PENDING.name();
    private final DataSource dataSource;
    private final String table;

    /**
     * A store on the vendor's database; its schema is installed by the vendor's migration tool or
     * {@link JdbcSchema#install}.
     *
     * @param dataSource the vendor's database
     * @param tables the table names
     * @throws ValidationException naming the argument that is null
     */
    public JdbcPaymentStore(DataSource dataSource, JdbcTables tables) {
        this.dataSource = ValidationException.requireNonNull(dataSource, "JdbcPaymentStore.dataSource");
        this.table = ValidationException.requireNonNull(tables, "JdbcPaymentStore.tables").table("payment");
    }

    private <T> T inTransaction(String what, Sql.Work<T> work) {
        try {
            return Sql.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new PaymentStoreException("the payment store could not " + what + ": " + SqlFailures.describe(e),
                    SqlFailures.retryable(e), e);
        }
    }

    @Override
    public void create(PaymentRecord record) {
        ValidationException.requireNonNull(record, "PaymentStore.record");
        requirePending(record, "PaymentStore.record.state");
        requireStorable(record, "PaymentStore.record");
        if (!inTransaction("record payment " + record.reference(), c -> insert(c, record))) {
            throw duplicate(record);
        }
    }

    /** PostgreSQL's text cannot hold U+0000: no stored value has one, so a lookup with one finds nothing. */
    private static boolean storable(String text) {
        return text.indexOf('\u0000') < 0;
    }

    private static void requireStorable(PaymentRecord r, String path) {
        boolean ok = storable(r.reference()) && storable(r.dossierCode()) && storable(r.requestTime())
                && r.gatewayTransactionId().map(JdbcPaymentStore::storable).orElse(true)
                && r.attributes().entrySet().stream().allMatch(e -> storable(e.getKey()) && storable(e.getValue()));
        if (!ok) {
            throw ValidationException.of("noNul", path, "a payment's text values must not contain U+0000");
        }
    }

    private static void requirePending(PaymentRecord record, String path) {
        if (record.state() != PaymentState.PENDING) {
            throw ValidationException.of("pending", path, "a new payment must be pending");
        }
    }

    private static ValidationException duplicate(PaymentRecord record) {
        return ValidationException.of("unique", "PaymentStore.record.reference",
                "a payment with reference " + record.reference() + " already exists on " + record.system());
    }

    private boolean insert(Connection c, PaymentRecord record) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + PaymentRows.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (system, reference) DO NOTHING")) {
            PaymentRows.bind(c, p, 1, record);
            return p.executeUpdate() == 1;
        }
    }

    @Override
    public boolean updatePending(PaymentRecord record) {
        ValidationException.requireNonNull(record, "PaymentStore.record");
        if (record.state().isFinal() || !storable(record.reference())) {
            return false;
        }
        requireStorable(record, "PaymentStore.record");
        return inTransaction("update payment " + record.reference(), c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET (" + PaymentRows.COLUMNS
                    + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE system = ? AND reference = ? AND state = ?")) {
                int i = PaymentRows.bind(c, p, 1, record);
                p.setString(i++, record.system().name());
                p.setString(i++, record.reference());
                p.setString(i, PENDING);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<PaymentRecord> find(PaymentSystem system, String reference) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(reference, "PaymentStore.reference");
        if (!storable(reference)) {
            return Optional.empty();
        }
        return inTransaction("read payment " + reference, c -> select(c, system, reference, false));
    }

    private Optional<PaymentRecord> select(Connection c, PaymentSystem system, String reference, boolean lock)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + PaymentRows.COLUMNS + " FROM " + table
                + " WHERE system = ? AND reference = ?" + (lock ? " FOR UPDATE" : ""))) {
            p.setString(1, system.name());
            p.setString(2, reference);
            return first(p);
        }
    }

    private static Optional<PaymentRecord> first(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(PaymentRows.read(rs)) : Optional.empty();
        }
    }

    @Override
    public Optional<PaymentRecord> findPending(PaymentSystem system, String dossierCode, long amount) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(dossierCode, "PaymentStore.dossierCode");
        if (!storable(dossierCode)) {
            return Optional.empty();
        }
        return inTransaction("read pending payments of a dossier", c -> pending(c, system, dossierCode, amount));
    }

    private Optional<PaymentRecord> pending(Connection c, PaymentSystem system, String dossierCode, long amount)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + PaymentRows.COLUMNS + " FROM " + table
                + " WHERE system = ? AND dossier_code = ? AND amount = ? AND state = ?"
                + " ORDER BY created_at DESC, reference DESC LIMIT 1")) {
            p.setString(1, system.name());
            p.setString(2, dossierCode);
            p.setLong(3, amount);
            p.setString(4, PENDING);
            return first(p);
        }
    }

    @Override
    public PaymentRecord findPendingOrCreate(PaymentRecord candidate) {
        ValidationException.requireNonNull(candidate, "PaymentStore.candidate");
        requirePending(candidate, "PaymentStore.candidate.state");
        requireStorable(candidate, "PaymentStore.candidate");
        PaymentRecord result = inTransaction("record payment " + candidate.reference(), c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                // unambiguous: the table and system have no ':', the amount is digits, the dossier comes last
                p.setString(1, table + ':' + candidate.system().name() + ':' + candidate.amount() + ':'
                        + candidate.dossierCode());
                p.execute();
            }
            Optional<PaymentRecord> existing = pending(c, candidate.system(), candidate.dossierCode(),
                    candidate.amount());
            if (existing.isPresent()) {
                return existing.get();
            }
            return insert(c, candidate) ? candidate : null;
        });
        if (result == null) {
            throw duplicate(candidate);
        }
        return result;
    }

    @Override
    public ApplyOutcome applyFinalState(PaymentSystem system, String reference, PaymentState state,
            String gatewayTransactionId, Instant at, PaymentEffect effect) {
        PaymentStore.checkFinalState(system, reference, state, at, effect);
        if (!storable(reference)) {
            return ApplyOutcome.UNKNOWN_REFERENCE;
        }
        if (gatewayTransactionId != null && !storable(gatewayTransactionId)) {
            throw ValidationException.of("noNul", "PaymentStore.gatewayTransactionId",
                    "the transaction id must not contain U+0000");
        }
        return inTransaction("apply the final state of payment " + reference, c -> {
            Optional<PaymentRecord> current = select(c, system, reference, true);
            if (current.isEmpty()) {
                return ApplyOutcome.UNKNOWN_REFERENCE;
            }
            if (current.get().state().isFinal()) {
                return ApplyOutcome.ALREADY_FINAL;
            }
            PaymentRecord updated = current.get().withFinalState(state, gatewayTransactionId, at);
            try {
                effect.onFinal(updated);
            } catch (Exception e) {
                throw new PaymentEffectException(reference, e);
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET state = ?,"
                    + " gateway_transaction_id = ?, updated_at = ? WHERE system = ? AND reference = ? AND state = ?")) {
                p.setString(1, state.name());
                p.setString(2, updated.gatewayTransactionId().orElse(null));
                p.setObject(3, PaymentRows.time(at));
                p.setString(4, system.name());
                p.setString(5, reference);
                p.setString(6, PENDING);
                p.executeUpdate();
            }
            return ApplyOutcome.APPLIED;
        });
    }

    @Override
    public List<PaymentRecord> pendingBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore,
            int limit) {
        if (limit < 1) {
            throw ValidationException.of("positive", "PaymentStore.limit", "the limit must be at least 1, was " + limit);
        }
        return window(system, createdFrom, createdBefore, " AND state = '" + PENDING + "'", " LIMIT " + limit);
    }

    @Override
    public List<PaymentRecord> createdBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore) {
        return window(system, createdFrom, createdBefore, "", "");
    }

    private List<PaymentRecord> window(PaymentSystem system, Instant from, Instant before, String filter,
            String limit) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(from, "PaymentStore.createdFrom");
        ValidationException.requireNonNull(before, "PaymentStore.createdBefore");
        return inTransaction("list payments", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + PaymentRows.COLUMNS + " FROM " + table
                    + " WHERE system = ? AND created_at >= ? AND created_at < ?" + filter
                    + " ORDER BY created_at, reference" + limit)) {
                p.setString(1, system.name());
                p.setObject(2, PaymentRows.time(from));
                p.setObject(3, PaymentRows.time(before));
                List<PaymentRecord> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(PaymentRows.read(rs));
                    }
                }
                return out;
            }
        });
    }
}
