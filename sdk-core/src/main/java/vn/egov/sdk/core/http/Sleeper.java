package vn.egov.sdk.core.http;

import java.time.Duration;

/**
 * Waits between attempts. Tests inject a sleeper that advances a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
