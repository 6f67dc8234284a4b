package vn.egov.sdk.payment.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a simulator does on its own threads (callbacks, replies). */
public final class Await {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Await() {
    }

    /**
     * Polls {@code condition} every 20 ms for up to 10 s.
     *
     * @param condition what must become true
     * @param what what is awaited, for the failure message
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError if the condition is still false after 10 s
     */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
