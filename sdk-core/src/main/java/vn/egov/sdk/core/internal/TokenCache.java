package vn.egov.sdk.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import vn.egov.sdk.core.Secret;

/**
 * Caches one access token and refreshes it before it expires, with at most one refresh in flight: while one
 * thread fetches, the others keep using a still-valid token, or wait for the fetch if the token has expired.
 */
public final class TokenCache {
    /** A token and the instant it stops being valid. */
    public record Token(Secret value, Instant expiresAt) {
        /** Validates the components. */
        public Token {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    private final Supplier<Token> fetcher;
    private final Clock clock;
    private final Duration refreshBefore;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;
    private volatile Instant fetchedAt;

    /**
     * @param fetcher obtains a new token (called under the lock, one at a time)
     * @param clock the clock
     * @param refreshBefore refresh this long before expiry (at most half the token's lifetime)
     */
    public TokenCache(Supplier<Token> fetcher, Clock clock, Duration refreshBefore) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.refreshBefore = refreshBefore;
    }

    /** A valid token, fetching one if needed. */
    public Secret get() {
        Token t = current;
        Instant now = clock.instant();
        if (t != null && now.isBefore(refreshAt(t))) {
            return t.value();
        }
        if (t != null && now.isBefore(t.expiresAt())) {
            // still valid: refresh if nobody else is, otherwise keep using it
            if (lock.tryLock()) {
                try {
                    return refreshIfStale(t);
                } finally {
                    lock.unlock();
                }
            }
            return t.value();
        }
        lock.lock();
        try {
            return refreshIfStale(t);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the token if it is the rejected one, so the next {@link #get()} fetches a new one. */
    public void invalidate(String rejectedValue) {
        lock.lock();
        try {
            Token t = current;
            if (t != null && (rejectedValue == null || t.value().matches(rejectedValue))) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private Secret refreshIfStale(Token seen) {
        Token t = current;
        if (t != null && t != seen && clock.instant().isBefore(refreshAt(t))) {
            return t.value(); // another thread refreshed while we waited
        }
        Token fresh = fetcher.get();
        fetchedAt = clock.instant();
        current = fresh;
        return fresh.value();
    }

    private Instant refreshAt(Token t) {
        Instant fetched = fetchedAt == null ? clock.instant() : fetchedAt;
        Duration lifetime = Duration.between(fetched, t.expiresAt());
        Duration early = refreshBefore.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : refreshBefore;
        return t.expiresAt().minus(early);
    }
}
