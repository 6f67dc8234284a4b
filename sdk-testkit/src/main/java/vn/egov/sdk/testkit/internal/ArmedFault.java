package vn.egov.sdk.testkit.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fault preset waiting in the {@link FaultRegistry}: which requests it matches, how many more it may hit,
 * and what it does. Thread-safe.
 */
public final class ArmedFault {

    /** The remaining-count value meaning "every matching request, until cancelled". */
    public static final int ALWAYS = -1;

    private final String method;
    private final String pathPattern;
    private final String kind;
    private final FaultAction action;
    private final AtomicInteger remaining;
    private final AtomicInteger triggered = new AtomicInteger();

    /**
     * Arms a fault.
     *
     * @param method the HTTP method to match, or {@code null} for any
     * @param pathPattern an exact path, or a prefix followed by {@code *} ({@code /demo/*})
     * @param times how many requests it hits, at least 1, or {@link #ALWAYS}
     * @param action what it does to a request it hits
     * @param kind the fault's name, for listings ({@code connectionReset}, {@code status 503}...)
     */
    public ArmedFault(String method, String pathPattern, int times, FaultAction action, String kind) {
        if (times < 1 && times != ALWAYS) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.pathPattern = Objects.requireNonNull(pathPattern, "pathPattern");
        this.action = Objects.requireNonNull(action, "action");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.remaining = new AtomicInteger(times);
    }

    /**
     * Whether this preset applies to a request, regardless of its remaining count.
     *
     * @param requestMethod the request's method
     * @param path the request's path without query string
     * @return {@code true} on a match
     */
    public boolean matches(String requestMethod, String path) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        return pathPattern.endsWith("*")
                ? path.startsWith(pathPattern.substring(0, pathPattern.length() - 1))
                : pathPattern.equals(path);
    }

    /**
     * Takes one use of this preset if any is left.
     *
     * @return {@code true} when the caller must apply {@link #action()} to its request
     */
    public boolean tryConsume() {
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left == ALWAYS || remaining.compareAndSet(left, left - 1)) {
                triggered.incrementAndGet();
                return true;
            }
        }
    }

    /**
     * What this preset does to a request it hits.
     *
     * @return the action
     */
    public FaultAction action() {
        return action;
    }

    /**
     * This preset as the control API lists it.
     *
     * @return method (or "*"), path, kind, remaining (-1: always) and triggered
     */
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("method", method == null ? "*" : method);
        m.put("path", pathPattern);
        m.put("kind", kind);
        m.put("remaining", remaining.get());
        m.put("triggered", triggered.get());
        return m;
    }

    /**
     * The fault's name.
     *
     * @return for example {@code connectionReset}
     */
    public String kind() {
        return kind;
    }

    /**
     * How many requests this preset has hit so far.
     *
     * @return the count
     */
    public int triggered() {
        return triggered.get();
    }

    /**
     * Whether this preset will hit no more requests (used up or cancelled).
     *
     * @return {@code true} when exhausted
     */
    public boolean isExhausted() {
        return remaining.get() == 0;
    }

    /** Disarms this preset; requests it would have hit are served normally. */
    public void cancel() {
        remaining.set(0);
    }

    @Override
    public String toString() {
        int left = remaining.get();
        return kind + " on " + (method == null ? "" : method + ' ') + pathPattern + " ("
                + (left == ALWAYS ? "always" : left + " left") + ", " + triggered.get() + " triggered)";
    }
}
