package vn.egov.sdk.axis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.axis.internal.CheckpointTable;

/**
 * A {@link CheckpointStore} in memory: thread-safe, forgets everything when the process ends. For tests, and for
 * vendors whose handler is idempotent on its own. Entries unchanged for longer than the retention window are
 * pruned (checked at most hourly, on the next mark).
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
    /** The default retention window: 30 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final CheckpointTable table;

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
        this.table = new CheckpointTable(clock, retention);
    }

    @Override
    public synchronized Optional<CheckpointEntry> find(String docId) {
        return table.find(docId);
    }

    @Override
    public synchronized int markAttempt(String docId) {
        mark(docId, CheckpointState.IN_PROGRESS, "");
        return table.find(docId).map(CheckpointEntry::attempts).orElse(0);
    }

    @Override
    public synchronized void markHandled(String docId) {
        mark(docId, CheckpointState.HANDLED, "");
    }

    @Override
    public synchronized void markDone(String docId) {
        mark(docId, CheckpointState.DONE, "");
    }

    @Override
    public synchronized int markFailed(String docId, String reason) {
        mark(docId, CheckpointState.FAILED, reason);
        return table.find(docId).map(CheckpointEntry::attempts).orElse(0);
    }

    @Override
    public synchronized void markGivenUp(String docId, String reason) {
        mark(docId, CheckpointState.GAVE_UP, reason);
    }

    @Override
    public synchronized int prune() {
        return table.prune();
    }

    /** Every entry, oldest change first (a copy). */
    public synchronized List<CheckpointEntry> entries() {
        return table.entries();
    }

    private void mark(String docId, CheckpointState state, String reason) {
        table.next(docId, state, reason).ifPresent(table::put);
        if (table.pruneDue()) {
            table.prune();
        }
    }
}
