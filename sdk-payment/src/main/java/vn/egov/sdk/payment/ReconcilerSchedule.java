package vn.egov.sdk.payment;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The handle of a reconciler running on the vendor's executor ({@link Reconciler#scheduleEvery}): the last run,
 * the last failure of a whole run (a store that could not be read), and a way to stop. Stopping does not shut the
 * executor down: it is the vendor's. Thread-safe.
 */
public final class ReconcilerSchedule implements AutoCloseable {
    private final AtomicReference<ReconciliationRun> lastRun = new AtomicReference<>();
    private final AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();
    private volatile ScheduledFuture<?> future;

    ReconcilerSchedule() {
    }

    void start(ScheduledFuture<?> scheduled) {
        this.future = scheduled;
    }

    void completed(ReconciliationRun run) {
        lastRun.set(run);
        lastFailure.set(null);
    }

    void failed(RuntimeException e) {
        lastFailure.set(e);
    }

    /**
     * The last run that completed.
     *
     * @return the run, or empty before the first one ends
     */
    public Optional<ReconciliationRun> lastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    /**
     * Why the last run stopped before it could check anything (the store could not be read), if it did; cleared
     * by the next run that completes. Failures of single payments are in {@link ReconciliationRun#errors()}.
     *
     * @return the failure, or empty
     */
    public Optional<RuntimeException> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Whether the schedule was stopped.
     *
     * @return {@code true} after {@link #stop()}
     */
    public boolean isStopped() {
        ScheduledFuture<?> f = future;
        return f != null && f.isCancelled();
    }

    /** Stops further runs; a run under way finishes. Repeating it does nothing. */
    public void stop() {
        ScheduledFuture<?> f = future;
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
