package vn.egov.sdk.signing.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import vn.egov.sdk.core.http.Sleeper;

/** A clock that only moves when its sleeper "sleeps". */
final class FakeClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T02:00:00Z"));
    private final AtomicReference<Duration> slept = new AtomicReference<>(Duration.ZERO);

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

    Sleeper sleeper() {
        return d -> {
            now.updateAndGet(t -> t.plus(d));
            slept.updateAndGet(s -> s.plus(d));
        };
    }

    Duration slept() {
        return slept.get();
    }
}
