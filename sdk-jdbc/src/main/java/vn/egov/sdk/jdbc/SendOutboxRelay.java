package vn.egov.sdk.jdbc;

import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.jdbc.internal.PruneSchedule;
import vn.egov.sdk.jdbc.internal.RelayLoop;
import vn.egov.sdk.jdbc.internal.SendOutboxRows;
import vn.egov.sdk.jdbc.internal.SqlFailures;
import vn.egov.sdk.jdbc.internal.StoreSettings;

/**
 * Sends what {@link JdbcSendOutbox} recorded, through an axis client; any number of nodes may run one on the same
 * database. Build with {@link #builder(DataSource, DocumentAxisClient)}; call {@link #relayOnce()} from the vendor's
 * scheduler, or {@link #start()} a background loop.
 *
 * <p><b>How a row moves.</b> A relay claims a batch of due rows in one committed statement ({@code FOR UPDATE SKIP
 * LOCKED}, so two relays never claim the same row at once): each becomes {@code SENDING}, its {@code attempts}
 * counted and its {@code next_attempt_at} moved a lease ahead, so no other relay takes it while it is sent. Then
 * the package is sent and the row marked {@code SENT} with the axis' {@code DocId}. A failed send is retried with
 * the {@link RetryPolicy}'s backoff, or the row becomes {@code DEAD} (with {@code last_error}) when the failure is
 * not retryable (an invalid package, an unknown recipient) or the policy's attempts are spent.
 *
 * <p><b>What is guaranteed.</b> A row committed by the vendor is sent at least once unless it ends {@code DEAD}:
 * a relay that dies after its claim leaves the row to be taken again when its lease ends. A row taken again after
 * an attempt that began ({@code attempts > 1}: a crash after the send and before the mark, a timeout, a lost
 * mark) may already be at the axis. For such a row the relay first asks the {@link DuplicateCheck}, if one is set
 * (a look-up by the row's id or payload in a place the vendor trusts): when it names the axis' {@code DocId}, the
 * row is marked sent without sending; when it fails, nothing is sent and the row waits its backoff. Otherwise the
 * relay re-sends, relying on the duplicate check of the axis client and the axis: the {@code DocumentAxisClient}
 * API has no look-up of a sent package by its edXML id ({@code listSent} carries the axis' {@code DocId} only), but
 * an identical re-upload by the same system is answered with the first upload's {@code DocId} and
 * {@link SendResult#duplicate()} set, storing nothing new (the sandbox's national and provincial axes do; the
 * national client also looks for the package's hash in {@code getSentEdocList} when a send's outcome is unknown;
 * whether a real provincial LGSP deduplicates is not known). The relay re-sends the very bytes stored in
 * {@code payload} (read and written the same way each time), so such an axis holds the package once and the row
 * is marked with the original {@code DocId}. This rests on: the axis keeping its duplicate record at least as
 * long as a row can stay in flight; the bytes that leave being the same on each attempt (true without a signer,
 * and with a signer that signs the same bytes the same way; a signer that puts a fresh time or nonce in each
 * signature defeats it); and one system identity for all the relays of one table. The mark is not transactional
 * with the send: a relay slower than its lease lets a second relay send the same bytes, which the same check
 * absorbs. Against an axis without such a check, a crash between send and mark can send a package twice.
 *
 * <p><b>Retention.</b> A sent row is deleted, with its payload, once it was sent longer ago than the
 * {@linkplain Builder#retention retention window} (7 days by default), by {@link #prune()}, which each relay runs at
 * most once an hour; {@code DEAD} rows are kept until an operator deals with them.
 *
 * <p><b>When the database is down</b> {@link #relayOnce()} throws a {@link SendOutboxException} with
 * {@link SendOutboxException#retryable()} set; the background loop waits by the retry policy's backoff, longer
 * after each consecutive failure, and carries on when the database is back.
 */
public final class SendOutboxRelay implements AutoCloseable {
    /** What comes before a row's id in its {@code Idempotency-Key} when {@link Builder#idempotencyKeys} is on. */
    public static final String IDEMPOTENCY_PREFIX = "egov-send-outbox-";
    /** How many rows one delete of {@link #prune()} takes at most. */
    public static final int PRUNE_BATCH = 1000;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    /** The steps of one row, for {@link Builder#hook}. */
    public enum Step {
        /** The row is claimed (committed {@code SENDING}); the package is not sent yet. */
        CLAIMED,
        /** The axis accepted the package (or the duplicate check found it there); the row is not marked yet. */
        SENT,
        /** The row is marked {@code SENT}. */
        MARKED
    }

    /** Told each step of each row, on the relaying thread; for metrics and for crash tests. */
    @FunctionalInterface
    public interface Hook {
        /**
         * One step is done.
         *
         * @param step the step
         * @param id the row's id
         */
        void reached(Step step, UUID id);
    }

    private final SendOutboxRows rows;
    private final DocumentAxisClient axis;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Duration pollInterval;
    private final int batchSize;
    private final Hook hook;
    private final DuplicateCheck duplicateCheck;
    private final boolean idempotencyKeys;
    private final RelayLoop loop;
    private final Duration retention;
    private final PruneSchedule pruning;

    private SendOutboxRelay(Builder b) {
        this.rows = new SendOutboxRows(b.dataSource, b.tables.table("send_outbox"));
        this.axis = b.axis;
        this.clock = b.clock;
        this.retry = b.retry;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.batchSize = b.batchSize;
        this.hook = b.hook;
        this.duplicateCheck = b.duplicateCheck;
        this.idempotencyKeys = b.idempotencyKeys;
        this.loop = new RelayLoop(this::relayOnce, this::pause);
        this.retention = b.retention;
        this.pruning = new PruneSchedule(clock.instant(), PRUNE_EVERY);
    }

    /**
     * A builder.
     *
     * @param dataSource the vendor's database, holding the outbox table
     * @param axis the client the packages are sent through (one system identity for all relays of a table)
     * @return a builder with a batch of 10, a lease of 5 minutes, a poll every second, and up to 20 attempts
     *         a row, waiting 1 s doubling to at most 10 minutes
     * @throws ValidationException naming the argument that is null
     */
    public static Builder builder(DataSource dataSource, DocumentAxisClient axis) {
        return new Builder(ValidationException.requireNonNull(dataSource, "dataSource"),
                ValidationException.requireNonNull(axis, "axis"));
    }

    /**
     * Claims one batch of due rows and sends each.
     *
     * @return how many rows were claimed (0 when none was due)
     * @throws SendOutboxException when the database cannot be read or written; rows already claimed stay
     *         {@code SENDING} and are taken again when their lease ends
     */
    public int relayOnce() {
        Instant now = clock.instant();
        if (pruning.due(now)) {
            prune();
        }
        List<SendOutboxRows.Claimed> claimed;
        try {
            claimed = rows.claim(batchSize, now, now.plus(lease));
        } catch (SQLException e) {
            throw failure("could not claim rows of the send outbox", e);
        }
        for (SendOutboxRows.Claimed row : claimed) {
            hook.reached(Step.CLAIMED, row.id());
            relay(row);
        }
        return claimed.size();
    }

    /**
     * Deletes the rows marked {@code SENT} longer ago than the retention window, in batches of
     * {@value #PRUNE_BATCH}; {@link #relayOnce()} runs it at most once an hour. {@code DEAD} rows are never deleted
     * here: they wait for an operator (to send again by setting {@code status = 'PENDING'}, or to delete).
     *
     * @return how many rows were deleted
     * @throws SendOutboxException when the database cannot be written
     */
    public int prune() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        try {
            int batch;
            do {
                batch = rows.deleteSentBefore(cutoff, PRUNE_BATCH);
                deleted += batch;
            } while (batch == PRUNE_BATCH);
        } catch (SQLException e) {
            throw failure("could not delete old sent rows of the send outbox", e);
        }
        return deleted;
    }

    private void relay(SendOutboxRows.Claimed row) {
        String docId;
        try {
            Optional<String> known = row.inFlight() && duplicateCheck != null
                    ? duplicateCheck.sentDocId(row.id(), row.payload()) : Optional.empty();
            if (known.isPresent()) {
                docId = known.get();
            } else {
                try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(row.payload()))) {
                    docId = (idempotencyKeys ? axis.send(pkg, RequestOptions.builder()
                            .idempotencyKey(IDEMPOTENCY_PREFIX + row.id()).build()) : axis.send(pkg)).docId();
                }
            }
        } catch (EgovException e) {
            recordFailure(row, e.retryable(), e);
            return;
        } catch (RuntimeException e) {
            recordFailure(row, true, e);
            return;
        }
        hook.reached(Step.SENT, row.id());
        try {
            rows.markSent(row.id(), clock.instant(), docId);
        } catch (SQLException e) {
            throw failure("the axis accepted row " + row.id() + " but it could not be marked sent (it will be"
                    + " sent again and found a duplicate)", e);
        }
        hook.reached(Step.MARKED, row.id());
    }

    private void recordFailure(SendOutboxRows.Claimed row, boolean retryable, RuntimeException e) {
        Instant next = null;
        if (retryable && row.attempts() < retry.maxAttempts()) {
            Duration wait = retry.delayBefore(row.attempts() + 1, Optional.empty()).orElse(Duration.ZERO);
            next = clock.instant().plus(wait);
        }
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        try {
            rows.markFailed(row.id(), next, error);
        } catch (SQLException sql) {
            throw failure("could not record a failed send of row " + row.id(), sql);
        }
    }

    private Duration pause(int consecutiveFailures, boolean idle) {
        if (consecutiveFailures > 0) {
            return retry.delayBefore(Math.min(consecutiveFailures + 1, 30), Optional.empty()).orElse(pollInterval);
        }
        return idle ? pollInterval : Duration.ZERO;
    }

    private static SendOutboxException failure(String what, SQLException e) {
        return new SendOutboxException(what + " (SQLState " + e.getSQLState() + ")", SqlFailures.retryable(e), e);
    }

    /**
     * Starts relaying on a background thread until {@link #close()}: a batch after another while rows are due,
     * a poll every poll interval when none is, and a growing backoff while the database fails.
     *
     * @throws ValidationException when already started
     */
    public void start() {
        loop.start();
    }

    /**
     * The last failure of the background loop, if its last round failed: a {@link SendOutboxException} when the
     * database failed, or what a {@linkplain Builder#hook hook} threw.
     *
     * @return the failure, or empty when the last round succeeded
     */
    public Optional<RuntimeException> lastFailure() {
        return loop.lastFailure();
    }

    /** Stops the background loop, if started, and waits for its round to end; the axis client is not closed. */
    @Override
    public void close() {
        loop.stop();
    }

    /** Builder of {@link SendOutboxRelay}. */
    public static final class Builder {
        private final DataSource dataSource;
        private final DocumentAxisClient axis;
        private JdbcTables tables = JdbcTables.defaults();
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = RetryPolicy.builder().maxAttempts(20).initialDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofMinutes(10)).build();
        private Duration lease = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(1);
        private int batchSize = 10;
        private Hook hook = (step, id) -> { };
        private DuplicateCheck duplicateCheck;
        private boolean idempotencyKeys;
        private Duration retention = Duration.ofDays(7);

        private Builder(DataSource dataSource, DocumentAxisClient axis) {
            this.dataSource = dataSource;
            this.axis = axis;
        }

        /**
         * Sets the table names.
         *
         * @param value the tables; default {@link JdbcTables#defaults()}
         * @return this builder
         */
        public Builder tables(JdbcTables value) {
            this.tables = ValidationException.requireNonNull(value, "tables");
            return this;
        }

        /**
         * Sets the clock of leases and backoff (a relay on each node should have a synchronized clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the backoff of failed sends and of database failures; its {@code maxAttempts} is the attempts a row
         * gets before it becomes {@code DEAD}.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retry = ValidationException.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Sets how long a claimed row is hidden from other relays; longer than a send takes.
         *
         * @param value positive
         * @return this builder
         */
        public Builder lease(Duration value) {
            this.lease = StoreSettings.positive(value, "jdbc.relay.lease", "lease");
            return this;
        }

        /**
         * Sets how long the background loop waits when no row is due.
         *
         * @param value positive
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = StoreSettings.positive(value, "jdbc.relay.pollInterval", "pollInterval");
            return this;
        }

        /**
         * Sets how many rows one round claims.
         *
         * @param value 1 to 1000
         * @return this builder
         */
        public Builder batchSize(int value) {
            if (value < 1 || value > 1000) {
                throw ValidationException.of("jdbc.relay.batchSize", "batchSize", "batchSize is 1 to 1000");
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Sets a hook told each step of each row (an exception it throws ends the round as a crash would).
         *
         * @param value the hook
         * @return this builder
         */
        public Builder hook(Hook value) {
            this.hook = ValidationException.requireNonNull(value, "hook");
            return this;
        }

        /**
         * Sets the check asked before a row that may already be at the axis is sent again.
         *
         * @param value the check; by default none (the axis' answer to an identical re-upload is relied on)
         * @return this builder
         */
        public Builder duplicateCheck(DuplicateCheck value) {
            this.duplicateCheck = ValidationException.requireNonNull(value, "duplicateCheck");
            return this;
        }

        /**
         * Sends each row's id as the {@code Idempotency-Key} of every attempt ({@value SendOutboxRelay#IDEMPOTENCY_PREFIX}
         * followed by the row's UUID), for an axis known to honour one (a provincial LGSP that says so; the
         * national axis client refuses any key).
         *
         * @param value whether to send the key; default false
         * @return this builder
         */
        public Builder idempotencyKeys(boolean value) {
            this.idempotencyKeys = value;
            return this;
        }

        /**
         * Sets how long a sent row (with its payload) is kept before {@link SendOutboxRelay#prune()} deletes it;
         * longer than a CDC consumer or an audit needs the rows.
         *
         * @param value positive; default 7 days
         * @return this builder
         */
        public Builder retention(Duration value) {
            this.retention = StoreSettings.positive(value, "jdbc.relay.retention", "retention");
            return this;
        }

        /**
         * Builds the relay.
         *
         * @return the relay, not started
         */
        public SendOutboxRelay build() {
            return new SendOutboxRelay(this);
        }
    }
}
