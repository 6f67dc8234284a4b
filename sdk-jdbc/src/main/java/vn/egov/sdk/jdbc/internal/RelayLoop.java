package vn.egov.sdk.jdbc.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;
import vn.egov.sdk.core.ValidationException;

/** A background thread running rounds until stopped, pausing as told after each. */
public final class RelayLoop {
    /** How long to pause after a round. */
    @FunctionalInterface
    public interface Pause {
        /**
         * @param consecutiveFailures rounds failed in a row (0 after a round that succeeded)
         * @param idle whether the last round found nothing to do
         * @return the pause
         */
        Duration after(int consecutiveFailures, boolean idle);
    }

    private final IntSupplier round;
    private final Pause pause;
    private final Object lock = new Object();
    private Thread thread;
    private boolean stopping;
    private volatile RuntimeException lastFailure;

    /**
     * @param round one round: how much it did (0 for nothing)
     * @param pause the pause after a round
     */
    public RelayLoop(IntSupplier round, Pause pause) {
        this.round = round;
        this.pause = pause;
    }

    /** Starts the thread. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                throw ValidationException.of("jdbc.relay.started", "start", "the relay is already started");
            }
            thread = new Thread(this::run, "egov-send-outbox-relay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The last round's failure, if it failed. */
    public Optional<RuntimeException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Stops the thread and waits for it. */
    public void stop() {
        Thread t;
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int failures = 0;
        while (true) {
            boolean idle = false;
            try {
                idle = round.getAsInt() == 0;
                failures = 0;
                lastFailure = null;
            } catch (RuntimeException e) {
                failures++;
                lastFailure = e;
            }
            long millis = pause.after(failures, idle).toMillis();
            synchronized (lock) {
                long end = System.currentTimeMillis() + millis;
                while (!stopping && System.currentTimeMillis() < end) {
                    try {
                        lock.wait(Math.max(1, end - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (stopping) {
                    return;
                }
            }
        }
    }
}
