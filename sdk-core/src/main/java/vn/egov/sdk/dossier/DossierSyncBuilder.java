package vn.egov.sdk.dossier;

import java.time.Clock;
import java.time.Duration;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;

/**
 * Builder of {@link DossierSync}; get one from {@link DossierSync#builder(DossierTransport)}. Every setting has a
 * default except the transport. Not thread-safe.
 */
public final class DossierSyncBuilder {
    /** The default number of progress rows (and status changes) per call: {@value}, as the portal takes them. */
    public static final int DEFAULT_BATCH_SIZE = 10;
    /** The default attempt budget of one entry: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 100;

    final DossierTransport transport;
    DossierOutbox outbox;
    DossierValidator validator = DossierValidator.defaults();
    Clock clock = Clock.systemUTC();
    DossierStatusMapping statusMapping = DossierStatusMapping.byKey();
    int batchSize = DEFAULT_BATCH_SIZE;
    int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    RetryPolicy backoff = RetryPolicy.builder().initialDelay(Duration.ofSeconds(1))
            .maxDelay(Duration.ofMinutes(10)).build();
    SyncListener listener;
    DrainLeadership leadership = DrainLeadership.always();
    Duration loopInterval = Duration.ofSeconds(30);
    Duration loopMaxBackoff = Duration.ofMinutes(5);
    Duration closeTimeout = Duration.ofSeconds(30);

    DossierSyncBuilder(DossierTransport transport) {
        this.transport = ValidationException.requireNonNull(transport, "DossierSync.transport");
    }

    /**
     * The outbox (default: a new {@link InMemoryDossierOutbox} on the builder's clock, which loses what is not
     * sent when the process ends). One {@link DossierSync} drains an outbox at a time: nodes sharing one outbox
     * need a {@link #leadership leadership}.
     *
     * @param value the outbox
     * @return this builder
     */
    public DossierSyncBuilder outbox(DossierOutbox value) {
        this.outbox = ValidationException.requireNonNull(value, "DossierSync.outbox");
        return this;
    }

    /**
     * The validator every dossier and progress row passes before it is recorded (default
     * {@link DossierValidator#defaults()}).
     *
     * @param value the validator
     * @return this builder
     */
    public DossierSyncBuilder validator(DossierValidator value) {
        this.validator = ValidationException.requireNonNull(value, "DossierSync.validator");
        return this;
    }

    /**
     * The clock of back-offs and of the default outbox (default the system clock in UTC).
     *
     * @param value the clock
     * @return this builder
     */
    public DossierSyncBuilder clock(Clock value) {
        this.clock = ValidationException.requireNonNull(value, "DossierSync.clock");
        return this;
    }

    /**
     * How vendor statuses become national ones in {@link DossierSync#recordStatus(String, String, java.time.Instant)}
     * (default {@link DossierStatusMapping#byKey()}).
     *
     * @param value the mapping
     * @return this builder
     */
    public DossierSyncBuilder statusMapping(DossierStatusMapping value) {
        this.statusMapping = ValidationException.requireNonNull(value, "DossierSync.statusMapping");
        return this;
    }

    /**
     * At most this many progress rows (or status changes) per call (default {@value #DEFAULT_BATCH_SIZE}).
     *
     * @param value 1 to 1000
     * @return this builder
     * @throws ValidationException outside that range
     */
    public DossierSyncBuilder batchSize(int value) {
        if (value < 1 || value > 1000) {
            throw ValidationException.of("dossierSync.batchSize.range", "DossierSync.batchSize",
                    "the batch size must be between 1 and 1000");
        }
        this.batchSize = value;
        return this;
    }

    /**
     * The attempt budget of one entry (default {@value #DEFAULT_MAX_ATTEMPTS}): once this many sends of it began and
     * none succeeded, it is given up. Every failed send counts, an outage's included (only the oldest entry is
     * tried during an outage, so with the default back-off the default budget rides out about 16 hours); 0 never
     * gives up.
     *
     * @param value 0 or more
     * @return this builder
     * @throws ValidationException for a negative value
     */
    public DossierSyncBuilder maxAttempts(int value) {
        if (value < 0) {
            throw ValidationException.of("dossierSync.maxAttempts.negative", "DossierSync.maxAttempts",
                    "the attempt budget must be >= 0 (0 = never give up)");
        }
        this.maxAttempts = value;
        return this;
    }

    /**
     * The waits after a failed send: {@link RetryPolicy#delayBefore} of the entry's next attempt (default 1 s
     * doubling to at most 10 minutes, with jitter). Only the waits are used; the budget is {@link #maxAttempts}.
     *
     * @param value the policy
     * @return this builder
     */
    public DossierSyncBuilder backoff(RetryPolicy value) {
        this.backoff = ValidationException.requireNonNull(value, "DossierSync.backoff");
        return this;
    }

    /**
     * Who is told of each entry's outcome (default nobody; given-up entries are logged at WARN either way).
     *
     * @param value the listener
     * @return this builder
     */
    public DossierSyncBuilder listener(SyncListener value) {
        this.listener = ValidationException.requireNonNull(value, "DossierSync.listener");
        return this;
    }

    /**
     * Which node drains, when several nodes share the outbox (default {@link DrainLeadership#always()}, for one
     * node): a drain sends only while {@link DrainLeadership#tryLead()} says this node leads, so one node drains
     * at a time and the entries keep their order. Give every node's sync the same kind of leadership on the same
     * database (for PostgreSQL, {@code vn.egov.sdk.jdbc.JdbcDrainLeadership} of {@code sdk-jdbc}).
     *
     * @param value the leadership
     * @return this builder
     */
    public DossierSyncBuilder leadership(DrainLeadership value) {
        this.leadership = ValidationException.requireNonNull(value, "DossierSync.leadership");
        return this;
    }

    /**
     * The pause of the background loop ({@link DossierSync#start()}) after a drain that sent something (default
     * 30 s); a new record wakes it at once.
     *
     * @param value positive
     * @return this builder
     */
    public DossierSyncBuilder loopInterval(Duration value) {
        this.loopInterval = positive(value, "loopInterval");
        return this;
    }

    /**
     * The longest pause of the background loop when idle or failing (default 5 minutes; never less than the
     * interval).
     *
     * @param value positive
     * @return this builder
     */
    public DossierSyncBuilder loopMaxBackoff(Duration value) {
        this.loopMaxBackoff = positive(value, "loopMaxBackoff");
        return this;
    }

    /**
     * How long closing the background loop waits for a running drain (default 30 s).
     *
     * @param value zero or more
     * @return this builder
     */
    public DossierSyncBuilder closeTimeout(Duration value) {
        if (ValidationException.requireNonNull(value, "DossierSync.closeTimeout").isNegative()) {
            throw ValidationException.of("dossierSync.closeTimeout.negative", "DossierSync.closeTimeout",
                    "the close timeout must be >= 0");
        }
        this.closeTimeout = value;
        return this;
    }

    /**
     * Builds the sync (no thread is started: see {@link DossierSync#start()}).
     *
     * @return the sync
     */
    public DossierSync build() {
        return new DossierSync(this, outbox == null ? new InMemoryDossierOutbox(clock, 100_000) : outbox);
    }

    private static Duration positive(Duration value, String name) {
        if (ValidationException.requireNonNull(value, "DossierSync." + name).isNegative() || value.isZero()) {
            throw ValidationException.of("dossierSync." + name + ".invalid", "DossierSync." + name,
                    name + " must be positive");
        }
        return value;
    }
}
