package vn.egov.sdk.spring.dossier;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.egov.sdk.dossier.CatalogueSync;

/**
 * Reads the national catalogue again every {@code egov.dossier.catalogue.refresh-interval} on one daemon thread of
 * its own, from the context's start to its stop, handing what changed to the application's
 * {@link CatalogueChangesHandler} (without one, it only keeps the {@link CatalogueSync}'s snapshot current). A
 * refresh that fails is logged and tried again at the next turn; stopping waits for a refresh in progress.
 */
public final class CatalogueRefreshLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueRefreshLifecycle.class);

    private final CatalogueSync catalogue;
    private final CatalogueChangesHandler handler;
    private final Duration interval;
    private final Duration stopTimeout;
    private ScheduledThreadPoolExecutor executor;

    /**
     * Creates the lifecycle.
     *
     * @param catalogue the catalogue sync to refresh
     * @param handler what applies the changes
     * @param interval the pause between two refreshes
     * @param stopTimeout how long stopping waits for a refresh in progress
     */
    public CatalogueRefreshLifecycle(CatalogueSync catalogue, CatalogueChangesHandler handler, Duration interval,
            Duration stopTimeout) {
        this.catalogue = catalogue;
        this.handler = handler;
        this.interval = interval;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "egov-catalogue-refresh");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void refresh() {
        try {
            catalogue.sync(handler::apply);
        } catch (RuntimeException e) { // the portal failing, or the handler: reported again at the next turn
            LOG.warn("egov catalogue refresh failed; trying again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        ScheduledThreadPoolExecutor running = executor;
        executor = null;
        running.shutdown();
        try {
            if (!running.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("egov catalogue refresh still running after {}", stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public String toString() {
        return "CatalogueRefreshLifecycle[every " + interval + (isRunning() ? ", running" : "") + "]";
    }
}
