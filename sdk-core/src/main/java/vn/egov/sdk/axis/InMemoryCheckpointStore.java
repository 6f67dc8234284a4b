package vn.egov.sdk.axis;

import java.time.Clock;
import java.time.Duration;
import vn.egov.sdk.axis.internal.CheckpointTable;

/**
 * A {@link CheckpointStore} in memory: thread-safe, forgets everything when the process ends. For tests, and for
 * vendors whose handler is idempotent on its own. Entries unchanged for longer than the retention window are
 * pruned (checked at most hourly, on the next mark).
 */
public final class InMemoryCheckpointStore extends TableBackedCheckpointStore {
    /** The default retention window: 30 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    /** A store on the system clock with the default retention. */
    public InMemoryCheckpointStore() {
        this(Clock.systemUTC(), DEFAULT_RETENTION);
    }

    /**
     * A store.
     *
     * @param clock the time source of entries and pruning
     * @param retention how long an unchanged entry is kept; positive
     * @throws vn.egov.sdk.core.ValidationException naming {@code clock} or {@code retention}
     */
    public InMemoryCheckpointStore(Clock clock, Duration retention) {
        super(new CheckpointTable(clock, retention));
    }

    @Override
    public synchronized int prune() {
        return table.prune();
    }

    @Override
    void record(String docId, CheckpointState state, String reason) {
        table.next(docId, state, reason).ifPresent(table::put);
        if (table.pruneDue()) {
            table.prune();
        }
    }
}
