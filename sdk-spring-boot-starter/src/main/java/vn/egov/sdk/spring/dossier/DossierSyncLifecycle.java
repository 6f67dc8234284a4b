package vn.egov.sdk.spring.dossier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierSyncLoop;
import vn.egov.sdk.dossier.DrainReport;

/**
 * A {@link DossierSync}'s background drain run by the application context: {@link DossierSync#start()} when the
 * context starts; when it stops, the loop is closed (waiting, up to its stop timeout, for a drain in progress) and,
 * unless told otherwise, what is due is drained once more, so a dossier recorded just before the shutdown reaches the
 * portal. What cannot be sent then (the portal unreachable) stays in the outbox for the next start. Each start begins
 * a new loop, so a context stopped and started again drains again.
 */
public final class DossierSyncLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DossierSyncLifecycle.class);

    private final DossierSync sync;
    private final boolean drainOnStop;
    private DossierSyncLoop loop;
    private DrainReport lastStopDrain;

    /**
     * Creates the lifecycle.
     *
     * @param sync the sync to drain
     * @param drainOnStop whether stopping drains once more after the loop stopped
     */
    public DossierSyncLifecycle(DossierSync sync, boolean drainOnStop) {
        this.sync = sync;
        this.drainOnStop = drainOnStop;
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            loop = sync.start();
            LOG.info("egov dossier sync started");
        }
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        DossierSyncLoop running = loop;
        loop = null;
        running.close();
        if (drainOnStop) {
            try {
                lastStopDrain = sync.drain();
                LOG.info("egov dossier sync stopped after a last drain: {}", lastStopDrain);
            } catch (RuntimeException e) { // the outbox failing: what was recorded is kept for the next start
                LOG.warn("egov dossier sync stopped; its last drain failed: {}", e.toString());
            }
        } else {
            LOG.info("egov dossier sync stopped");
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    /**
     * The background loop while running, for {@link DossierSyncLoop#lastReport()} and {@link DossierSyncLoop#drains()}.
     *
     * @return the loop, or {@code null} when stopped
     */
    public synchronized DossierSyncLoop loop() {
        return loop;
    }

    /**
     * Started early and stopped late: after the web server and the receive loops, so the records their last
     * requests and packages made are drained.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public String toString() {
        return "DossierSyncLifecycle[" + sync + (isRunning() ? ", running" : "") + "]";
    }
}
