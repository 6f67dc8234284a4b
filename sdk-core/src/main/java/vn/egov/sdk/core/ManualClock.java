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
     * @param start the first instant
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
     * @param duration how far
     */
    public void advance(Duration duration) {
        ValidationException.requireNonNull(duration, "ManualClock.duration");
        now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Sets the time.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(ValidationException.requireNonNull(instant, "ManualClock.instant"));
    }

    /**
     * A sleeper that advances this clock by the requested time instead of waiting; see {@link #slept()}.
     *
     * @return the sleeper
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
     * @return the total
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
