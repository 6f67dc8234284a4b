package vn.egov.sdk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import vn.egov.sdk.core.http.Sleeper;

/**
 * A clock that moves only when a test moves it, for the SDK's injectable clocks (token expiry, deadlines, polling,
 * signature and timestamp windows): {@link #advance}, {@link #set}, or a {@link #sleeper()} that advances it instead
 * of waiting, so code that polls or backs off runs instantly and deterministically. Thread-safe; zone UTC.
 *
 * <p>It lives in sdk-core, not in sdk-testkit, so that sdk-core's own tests and a vendor's tests use the same clock
 * (sdk-core cannot depend on the testkit); it changes nothing unless a test injects it.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final AtomicReference<Duration> slept = new AtomicReference<>(Duration.ZERO);

    /**
     * A clock at {@code start}.
     *
<<<<<<< HEAD:sdk-core/src/main/java/vn/egov/sdk/core/ManualClock.java
     * @param start the first instant
=======
     * @param start the clock's first reading; required
>>>>>>> javadoc:sdk-testkit/src/main/java/vn/egov/sdk/testkit/ManualClock.java
     */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(ValidationException.requireNonNull(start, "ManualClock.start"));
    }

    /** A clock at 2026-01-01T00:00:00Z. */
    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
<<<<<<< HEAD:sdk-core/src/main/java/vn/egov/sdk/core/ManualClock.java
     * @param duration how far
=======
     * @param duration how far to move; negative moves the clock back
>>>>>>> javadoc:sdk-testkit/src/main/java/vn/egov/sdk/testkit/ManualClock.java
     */
    public void advance(Duration duration) {
        ValidationException.requireNonNull(duration, "ManualClock.duration");
        now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Sets the time.
     *
<<<<<<< HEAD:sdk-core/src/main/java/vn/egov/sdk/core/ManualClock.java
     * @param instant the new time
=======
     * @param instant the new reading; required
>>>>>>> javadoc:sdk-testkit/src/main/java/vn/egov/sdk/testkit/ManualClock.java
     */
    public void set(Instant instant) {
        now.set(ValidationException.requireNonNull(instant, "ManualClock.instant"));
    }

    /**
     * A sleeper that advances this clock by the requested time instead of waiting; see {@link #slept()}.
     *
<<<<<<< HEAD:sdk-core/src/main/java/vn/egov/sdk/core/ManualClock.java
     * @return the sleeper
=======
     * @return a sleeper that returns at once after advancing this clock by the requested duration
>>>>>>> javadoc:sdk-testkit/src/main/java/vn/egov/sdk/testkit/ManualClock.java
     */
    public Sleeper sleeper() {
        return d -> {
            advance(d);
            slept.updateAndGet(s -> s.plus(d));
        };
    }

    /**
     * How long the {@link #sleeper()} has "slept" in all.
     *
<<<<<<< HEAD:sdk-core/src/main/java/vn/egov/sdk/core/ManualClock.java
     * @return the total
=======
     * @return the sum of the durations the sleeper was asked for, {@link Duration#ZERO} at first
>>>>>>> javadoc:sdk-testkit/src/main/java/vn/egov/sdk/testkit/ManualClock.java
     */
    public Duration slept() {
        return slept.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
