package vn.egov.sdk.signing.internal.validation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small bounded cache (least recently used out) of values that expire at a given instant: OCSP answers and CRLs
 * kept until their next update. Thread-safe.
 *
 * @param <V> the cached value
 */
public final class RevocationCache<V> {
    private record Held<V>(V value, Instant until) {
    }

    private final Map<String, Held<V>> map;
    private final Function<V, Instant> expiry;

    /**
     * @param maxEntries the most entries kept
     * @param expiry when a value stops being usable
     */
    public RevocationCache(int maxEntries, Function<V, Instant> expiry) {
        this.expiry = expiry;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value for {@code key} if present and not expired at {@code now}. */
    public synchronized Optional<V> get(String key, Instant now) {
        Held<V> h = map.get(key);
        if (h == null) {
            return Optional.empty();
        }
        if (!now.isBefore(h.until())) {
            map.remove(key);
            return Optional.empty();
        }
        return Optional.of(h.value());
    }

    /** Keeps {@code value} until its expiry. */
    public synchronized void put(String key, V value) {
        map.put(key, new Held<>(value, expiry.apply(value)));
    }

    /** How many entries are held. */
    public synchronized int size() {
        return map.size();
    }
}
