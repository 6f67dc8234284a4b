package vn.egov.sdk.spring;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.egov.sdk.axis.ReceiveLoop;

/**
 * A {@link ReceiveLoop} run by the application context: built and started when the context starts, and closed
 * (waiting for a running poll to end, so nothing is left half handed over) when it stops. Each start builds a new
 * loop, so a context that is stopped and started again polls again.
 */
public final class ReceiveLoopLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoopLifecycle.class);

    private final Supplier<ReceiveLoop> loops;
    private ReceiveLoop loop;

    /**
     * Creates the lifecycle.
     *
     * @param loops builds a new, not yet started loop on each start
     */
    public ReceiveLoopLifecycle(Supplier<ReceiveLoop> loops) {
        this.loops = loops;
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            ReceiveLoop fresh = loops.get();
            fresh.start();
            loop = fresh;
            LOG.info("egov receive loop started");
        }
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            ReceiveLoop running = loop;
            loop = null;
            running.close();
            LOG.info("egov receive loop stopped");
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    /**
     * Started late and stopped early (just inside the web server's phase), so the vendor's handler and what it uses
     * are up while packages are handed over.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
