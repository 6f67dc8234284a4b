package vn.egov.sdk.core.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.http.Sleeper;

/** A sleeper that never sleeps: it records each wait and advances a fake clock by it. */
public final class RecordingSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
