package vn.egov.sdk.jdbc.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a store next deletes its old rows on its own, by the store's clock: at most once a period, and of several
 * threads that find it due only one is told to prune.
 */
public final class PruneSchedule {
    private final Duration every;
    private final AtomicReference<Instant> next;

    /**
     * A schedule.
     *
     * @param first when the first prune is due
     * @param every the shortest time between two prunes
     */
    public PruneSchedule(Instant first, Duration every) {
        this.every = every;
        this.next = new AtomicReference<>(first);
    }

    /**
     * Whether the caller should prune now; when it should, the next prune is due a period later.
     *
     * @param now the store's time
     * @return true for one caller once a prune is due
     */
    public boolean due(Instant now) {
        Instant due = next.get();
        return !now.isBefore(due) && next.compareAndSet(due, now.plus(every));
    }

    /**
     * Records a prune made on demand, so the next one is due a period after it.
     *
     * @param now the store's time
     */
    public void pruned(Instant now) {
        next.set(now.plus(every));
    }
}
