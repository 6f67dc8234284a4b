package vn.egov.sdk.dossier;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.dossier.internal.SyncDrainer;

/**
 * Drains a {@link DossierSync} in the background, on one daemon thread of its own; get one from
 * {@link DossierSync#start()} and close it to stop.
 *
 * <p>Drains never overlap (and wait for a {@link DossierSync#drain()} called on another thread). After a drain
 * that sent something the next comes after the loop interval; when there was nothing to send the pause doubles
 * after each idle drain up to the maximum back-off, and a new record wakes the loop at once; after a drain stopped
 * by a failure the loop waits until the failed entry is due again (between the interval and the maximum back-off);
 * whatever a drain throws (the outbox failing) is logged and the loop backs off exponentially. Entry outcomes go to
 * the sync's {@link SyncListener}; when another node leads the drain (see {@link DrainLeadership}) the loop asks
 * for the lead again after the interval; {@link #lastReport()} and {@link #drains()} tell how the loop is doing. No
 * JVM-wide state is touched.
 */
public final class DossierSyncLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.dossier.sync");

    private final DossierSync sync;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Duration closeTimeout;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> next;
    private boolean running;
    private boolean woken;
    private boolean closed;
    private int quiet;
    private volatile DrainReport lastReport;
    private volatile long drains;

    DossierSyncLoop(DossierSync sync, Duration interval, Duration maxBackoff, Duration closeTimeout, Clock clock) {
        this.sync = sync;
        this.interval = interval;
        this.maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
        this.closeTimeout = closeTimeout;
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "egov-dossier-sync");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    synchronized void begin() {
        schedule(Duration.ZERO);
    }

    /** A record was made: drain soon (at once when the loop is waiting). */
    synchronized void wake() {
        if (closed) {
            return;
        }
        if (running) {
            woken = true;
        } else if (next != null && next.cancel(false)) {
            quiet = 0;
            schedule(Duration.ZERO);
        }
    }

    /**
     * The report of the last drain the loop finished.
     *
     * @return the report, or empty before the first
     */
    public Optional<DrainReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /**
     * How many drains the loop finished (threw or not).
     *
     * @return the count
     */
    public long drains() {
        return drains;
    }

    /**
     * Whether the loop was closed.
     *
     * @return true once {@link #close()} began
     */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops the loop and waits (up to the close timeout) for a running drain to end. Closes neither the outbox nor
     * the transport.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("dossier sync loop closed while a drain is still running after {}", closeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sync.stopped(this);
    }

    private void run() {
        synchronized (this) {
            if (closed) {
                return;
            }
            running = true;
            woken = false;
        }
        DrainReport report = null;
        try {
            report = sync.drain();
            lastReport = report;
        } catch (Throwable e) { // logged here, or the executor would swallow it unseen
            LOG.warn("dossier sync drain failed; backing off: {}", e.toString());
        } finally {
            drains++;
        }
        synchronized (this) {
            running = false;
            Duration pause = report == null ? backoff(++quiet) : pauseAfter(report);
            if (!closed) {
                schedule(woken ? Duration.ZERO : pause);
            }
        }
    }

    private Duration pauseAfter(DrainReport report) {
        if (report.stoppedBy().filter(SyncDrainer.NOT_LEADING::equals).isPresent()) {
            quiet = 0;
            return interval; // another node drains: ask for the lead again at the next turn
        }
        if (!report.complete()) {
            quiet++;
            if (report.retryAt().isEmpty()) {
                return backoff(quiet);
            }
            Duration until = Duration.between(clock.instant(), report.retryAt().get());
            return until.compareTo(interval) < 0 ? interval : until.compareTo(maxBackoff) > 0 ? maxBackoff : until;
        }
        if (report.sent() + report.givenUp() + report.alreadyHeld() == 0) {
            quiet++;
            return backoff(quiet);
        }
        quiet = 0;
        return interval;
    }

    private Duration backoff(int times) {
        Duration d = interval.multipliedBy(1L << Math.min(times, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private void schedule(Duration pause) {
        try {
            next = executor.schedule(this::run, pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("dossier sync loop is shutting down; drain not scheduled");
        }
    }

    @Override
    public String toString() {
        return "DossierSyncLoop[drains=" + drains + (closed ? ", closed" : "") + "]";
    }
}
