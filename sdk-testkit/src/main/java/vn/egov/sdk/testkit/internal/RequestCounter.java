package vn.egov.sdk.testkit.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests received per path, faulted ones included. Thread-safe. */
public final class RequestCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /**
     * Records one request.
     *
     * @param path the request path without query string
     */
    public void record(String path) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * The number of requests recorded for a path since the last {@link #reset()}.
     *
     * @param path the exact path, without query string
     * @return the count, 0 when never requested
     */
    public int count(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    /** Forgets every count. */
    public void reset() {
        counts.clear();
    }
}
