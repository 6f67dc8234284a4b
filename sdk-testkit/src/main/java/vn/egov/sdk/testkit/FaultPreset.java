package vn.egov.sdk.testkit;

import java.util.Objects;
import vn.egov.sdk.testkit.internal.ArmedFault;

/**
 * A fault preset armed on the sandbox, as returned by {@link FaultPresetBuilder}: lets a test check how often
 * it fired, or disarm it early. Thread-safe.
 */
public final class FaultPreset {

    private final ArmedFault armed;

    FaultPreset(ArmedFault armed) {
        this.armed = Objects.requireNonNull(armed, "armed");
    }

    /**
     * How many requests this preset has hit so far.
     *
     * @return the count
     */
    public int triggered() {
        return armed.triggered();
    }

    /**
     * Whether this preset will hit no more requests: its count is used up, or it was cancelled or cleared.
     *
     * @return {@code true} when exhausted
     */
    public boolean isExhausted() {
        return armed.isExhausted();
    }

    /** Disarms this preset; the requests it would have hit are served normally. */
    public void cancel() {
        armed.cancel();
    }

    @Override
    public String toString() {
        return armed.toString();
    }
}
