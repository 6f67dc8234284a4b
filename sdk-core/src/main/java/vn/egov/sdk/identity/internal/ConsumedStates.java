package vn.egov.sdk.identity.internal;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The states taken on this node, each kept until its login's expiry, at most {@code max} of them (beyond, the
 * oldest is dropped first). Thread-safe; {@link #consume} is atomic.
 */
public final class ConsumedStates {
    private final int max;
    private final LinkedHashMap<String, Instant> states = new LinkedHashMap<>();

    /** A set holding at most {@code max} states. */
    public ConsumedStates(int max) {
        this.max = max;
    }

    /** Marks a state consumed until {@code expiresAt}; {@code false} if it already was. */
    public synchronized boolean consume(String state, Instant expiresAt, Instant now) {
        states.values().removeIf(until -> !now.isBefore(until));
        if (states.containsKey(state)) {
            return false;
        }
        while (states.size() >= max) {
            Iterator<String> oldest = states.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        states.put(state, expiresAt);
        return true;
    }

    /** How many states are remembered. */
    public synchronized int size() {
        return states.size();
    }
}
