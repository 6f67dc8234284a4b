package vn.egov.sdk.axis.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a poll again and again on a scheduled executor: the fixed delay after a poll that succeeded, an
 * exponential backoff ({@code delay × 2ⁿ} after n failures in a row, capped) after one that threw. Whatever a
 * poll throws (an {@link Error} too, for example from the checkpoint store) is logged and the loop goes on. Each
 * run schedules the next, so polls never overlap.
 */
public final class ReceiveLoopScheduler {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.receive");

    private final Runnable poll;
    private final ScheduledExecutorService executor;
    private final Duration delay;
    private final Duration maxBackoff;
    private int failures;
    private boolean started;
    private boolean closed;
    private ScheduledFuture<?> next;

    /**
     * A scheduler (not started).
     *
     * @param poll one poll; may throw
     * @param executor where polls run
     * @param delay the pause between the end of a poll and the start of the next
     * @param maxBackoff the longest pause after failures
     */
    public ReceiveLoopScheduler(Runnable poll, ScheduledExecutorService executor, Duration delay,
            Duration maxBackoff) {
        this.poll = poll;
        this.executor = executor;
        this.delay = delay;
        this.maxBackoff = maxBackoff.compareTo(delay) < 0 ? delay : maxBackoff;
    }

    /**
     * Schedules the first poll, right away.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "receive loop is closed" : "receive loop already started");
        }
        started = true;
        schedule(Duration.ZERO);
    }

    /** Stops scheduling; a poll already running finishes. */
    public synchronized void stop() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /**
     * The pause after a number of failures in a row.
     *
     * @param failuresInARow 0 after a success
     * @return the pause
     */
    public Duration pauseAfter(int failuresInARow) {
        if (failuresInARow <= 0) {
            return delay;
        }
        Duration d = delay.multipliedBy(1L << Math.min(failuresInARow, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private void run() {
        boolean ok = false;
        try {
            poll.run();
            ok = true;
        } catch (Throwable e) { // logged here, or the executor would swallow it unseen
            LOG.warn("receive poll failed ({} in a row); backing off: {}", failures + 1, e.toString());
        } finally {
            synchronized (this) {
                failures = ok ? 0 : failures + 1;
                if (!closed) {
                    schedule(pauseAfter(failures));
                }
            }
        }
    }

    private void schedule(Duration pause) {
        try {
            next = executor.schedule(this::run, pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.error("receive loop stopped: its executor refused the next poll: {}", e.toString());
            closed = true;
        }
    }
}
