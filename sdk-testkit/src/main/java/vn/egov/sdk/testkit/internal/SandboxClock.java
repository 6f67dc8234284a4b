package vn.egov.sdk.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock: the builder's clock moved by an offset that the control API and
 * {@code NationalSandbox.clock()} set, advance and reset. Thread-safe.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /**
     * @param base the clock the offset applies to
     */
    public SandboxClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /**
     * Sets the time; it runs on from there.
     *
     * @param now the new time
     */
    public void set(Instant now) {
        offset.set(Duration.between(base.instant(), Objects.requireNonNull(now, "now")));
    }

    /**
     * Moves the time.
     *
     * @param by how far, either sign
     */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Back to the base clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /**
     * How far the time is from the base clock.
     *
     * @return the offset
     */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
