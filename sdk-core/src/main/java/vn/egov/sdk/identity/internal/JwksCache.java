package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * The provider's signing keys, cached for a lifetime and refetched at most once per interval. Thread-safe: the
 * cached keys are read without a lock; fetches are serialised, and a thread that waited for another's fetch uses
 * its result instead of fetching again.
 *
 * <ul>
 *   <li>Within the lifetime the cached keys are returned, whether or not the endpoint is up.</li>
 *   <li>Past it, the keys are fetched; if that fails, validation fails closed ({@code JWKS_UNAVAILABLE}), and
 *       for the next interval it fails at once, without trying again.</li>
 *   <li>A key lookup that found nothing may refetch, at most once per interval (counting every fetch), so a flood
 *       of tokens with unknown {@code kid}s costs one fetch per interval.</li>
 * </ul>
 */
public final class JwksCache {
    /** Fetches the key set; fails with {@link IdTokenFailure#JWKS_UNAVAILABLE}. */
    @FunctionalInterface
    public interface Fetch {
        /**
         * Fetches and parses the key set.
         *
         * @return the usable keys
         */
        JWKSet fetch();
    }

    private record Snapshot(JWKSet keys, long expiresAtMillis) {
    }

    private final Fetch fetch;
    private final Clock clock;
    private final long ttlMillis;
    private final long minIntervalMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong fetches = new AtomicLong();
    private volatile Snapshot current;
    private boolean attempted;
    private long lastAttemptMillis;
    private IdTokenException lastFailure;

    /**
     * A cache that fetches.
     *
     * @param fetch fetches the keys
     * @param clock the clock
     * @param ttl how long fetched keys are used
     * @param minInterval the least time between two fetches triggered by unknown keys or after a failure
     */
    public JwksCache(Fetch fetch, Clock clock, Duration ttl, Duration minInterval) {
        this.fetch = fetch;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.minIntervalMillis = minInterval.toMillis();
    }

    /**
     * A fixed key set that never expires and is never refetched.
     *
     * @param keys the keys
     * @return the cache
     */
    public static JwksCache fixed(JWKSet keys) {
        JwksCache c = new JwksCache(null, Clock.systemUTC(), Duration.ZERO, Duration.ZERO);
        c.current = new Snapshot(keys, Long.MAX_VALUE);
        return c;
    }

    /**
     * How many times the keys were requested from the endpoint, failed attempts included.
     *
     * @return the count
     */
    public long fetches() {
        return fetches.get();
    }

    /**
     * The keys in force: the cached ones within their lifetime, else freshly fetched ones.
     *
     * @return the keys
     * @throws IdTokenException {@code JWKS_UNAVAILABLE} when the lifetime is over and no fetch succeeds
     */
    public JWKSet keys() {
        Snapshot s = current;
        if (s != null && clock.millis() < s.expiresAtMillis) {
            return s.keys;
        }
        lock.lock();
        try {
            long now = clock.millis();
            s = current;
            if (s != null && now < s.expiresAtMillis) {
                return s.keys;
            }
            if (lastFailure != null && now - lastAttemptMillis < minIntervalMillis) {
                throw new IdTokenException(IdTokenFailure.JWKS_UNAVAILABLE, null, lastFailure.getMessage()
                        + " (last attempt " + (now - lastAttemptMillis) + " ms ago; the next one after "
                        + minIntervalMillis + " ms)", lastFailure.details(), lastFailure);
            }
            return fetchNow(now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called when no key of {@code seen} matched a token: the keys to look in again, refetched unless the last
     * fetch was less than the interval ago.
     *
     * @param seen the keys that were searched
     * @return newer keys to search, or {@code null} when nothing newer is available (rate-limited or fixed)
     * @throws IdTokenException {@code JWKS_UNAVAILABLE} when the refetch fails
     */
    public JWKSet refetchForUnknownKey(JWKSet seen) {
        if (fetch == null) {
            return null;
        }
        lock.lock();
        try {
            long now = clock.millis();
            Snapshot s = current;
            if (s != null && s.keys != seen && now < s.expiresAtMillis) {
                return s.keys; // another thread fetched while this one searched
            }
            if (attempted && now - lastAttemptMillis < minIntervalMillis) {
                return null;
            }
            return fetchNow(now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The least time between two fetches.
     *
     * @return the interval in milliseconds
     */
    public long minIntervalMillis() {
        return minIntervalMillis;
    }

    private JWKSet fetchNow(long now) {
        attempted = true;
        lastAttemptMillis = now;
        fetches.incrementAndGet();
        try {
            JWKSet keys = fetch.fetch();
            current = new Snapshot(keys, now + ttlMillis);
            lastFailure = null;
            return keys;
        } catch (IdTokenException e) {
            lastFailure = e;
            throw e;
        }
    }
}
