package vn.egov.sdk.testkit.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The armed fault presets, oldest first. When several match a request, the oldest one with uses left wins.
 * Thread-safe.
 */
public final class FaultRegistry {

    private final List<ArmedFault> armed = new CopyOnWriteArrayList<>();

    /**
     * Adds a preset.
     *
     * @param fault the preset
     * @return the same preset
     */
    public ArmedFault arm(ArmedFault fault) {
        armed.add(Objects.requireNonNull(fault, "fault"));
        return fault;
    }

    /**
     * Finds the preset that hits this request and takes one of its uses.
     *
     * @param method the request's method
     * @param path the request's path without query string
     * @return the preset whose action to apply, or empty to serve normally
     */
    public Optional<ArmedFault> take(String method, String path) {
        if (armed.isEmpty()) {
            return Optional.empty();
        }
        for (ArmedFault fault : armed) {
            if (fault.matches(method, path) && fault.tryConsume()) {
                if (fault.isExhausted()) {
                    armed.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /**
     * How many presets can still hit a request.
     *
     * @return the count
     */
    public int armedCount() {
        armed.removeIf(ArmedFault::isExhausted);
        return armed.size();
    }

    /**
     * The presets that can still hit a request, oldest first.
     *
     * @return the presets
     */
    public List<ArmedFault> armed() {
        armed.removeIf(ArmedFault::isExhausted);
        return List.copyOf(armed);
    }

    /**
     * Disarms the presets on one path pattern.
     *
     * @param pathPattern the pattern they were armed with
     * @return how many were disarmed
     */
    public int clear(String pathPattern) {
        int[] n = new int[1];
        armed.removeIf(fault -> {
            if (fault.describe().get("path").equals(pathPattern)) {
                fault.cancel();
                n[0]++;
                return true;
            }
            return false;
        });
        return n[0];
    }

    /** Disarms and forgets every preset. */
    public void clear() {
        armed.removeIf(fault -> {
            fault.cancel();
            return true;
        });
    }
}
