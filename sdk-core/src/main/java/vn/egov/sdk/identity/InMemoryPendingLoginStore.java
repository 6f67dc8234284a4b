package vn.egov.sdk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;

/**
 * Pending logins in this JVM's memory: for a single application node (behind several nodes without sticky
 * sessions, use {@link CookiePendingLoginStore} or a shared database store). The browser binding is a random
 * 128-bit value per login, compared in constant time.
 *
 * <p>Bounded: it keeps at most {@code maxEntries} pending logins (default 10,000); when full, saving a new login
 * first drops expired ones and then evicts the <em>oldest saved</em>, whose callback then fails with
 * {@link LoginStateFailure#UNKNOWN_STATE}. A login expires {@code ttl} (default 10 minutes) after its
 * {@link PendingLogin#createdAt()}, by the store's clock. Taken states are remembered until their expiry (also at
 * most {@code maxEntries}), so a replay gives {@link LoginStateFailure#ALREADY_USED}. Everything is lost on restart.
 *
 * <p>Thread-safe: of two concurrent takes of the same login exactly one succeeds.
 */
public final class InMemoryPendingLoginStore implements PendingLoginStore {
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Object lock = new Object();
    private final LinkedHashMap<String, Entry> pending = new LinkedHashMap<>();
    private final LinkedHashMap<String, Instant> taken = new LinkedHashMap<>();

    private static final class Entry {
        final PendingLogin login;
        final String binding;
        final Instant expiresAt;

        Entry(PendingLogin login, String binding, Instant expiresAt) {
            this.login = login;
            this.binding = binding;
            this.expiresAt = expiresAt;
        }
    }

    private InMemoryPendingLoginStore(Builder b) {
        this.ttl = b.ttl;
        this.maxEntries = b.maxEntries;
        this.clock = b.clock;
    }

    /**
     * A store with the defaults: 10 minutes, 10,000 logins, the system clock.
     *
     * @return the store
     */
    public static InMemoryPendingLoginStore create() {
        return builder().build();
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String save(PendingLogin login) {
        ValidationException.requireNonNull(login, "PendingLoginStore.login");
        String binding = BrowserBinding.newValue();
        Instant now = clock.instant();
        synchronized (lock) {
            purge(now);
            if (pending.containsKey(login.state()) || taken.containsKey(login.state())) {
                throw ValidationException.of("duplicate", "PendingLogin.state",
                        "a pending login with this state is already kept: each login needs a new random state");
            }
            while (pending.size() >= maxEntries) {
                Iterator<String> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            pending.put(login.state(), new Entry(login, binding, login.createdAt().plus(ttl)));
        }
        return binding;
    }

    @Override
    public PendingLogin take(String state, String browserBinding) {
        if (state == null || state.isBlank()) {
            throw new LoginStateException(LoginStateFailure.UNKNOWN_STATE, "the callback has no state");
        }
        Instant now = clock.instant();
        synchronized (lock) {
            Entry e = pending.get(state);
            if (e == null) {
                Instant usedUntil = taken.get(state);
                if (usedUntil != null && now.isBefore(usedUntil)) {
                    throw new LoginStateException(LoginStateFailure.ALREADY_USED,
                            "this login was already completed once (a replayed or repeated callback)");
                }
                throw new LoginStateException(LoginStateFailure.UNKNOWN_STATE,
                        "no pending login has this state (never started here, evicted, or the node restarted)");
            }
            if (!now.isBefore(e.expiresAt)) {
                throw new LoginStateException(LoginStateFailure.EXPIRED,
                        "the login was started more than " + ttl.toMinutes() + " minutes ago");
            }
            if (!BrowserBinding.matches(e.binding, browserBinding)) {
                throw new LoginStateException(LoginStateFailure.BROWSER_MISMATCH,
                        "the browser's binding cookie is absent or belongs to another login");
            }
            pending.remove(state);
            while (taken.size() >= maxEntries) {
                Iterator<String> oldest = taken.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            taken.put(state, e.expiresAt);
            return e.login;
        }
    }

    private void purge(Instant now) {
        pending.values().removeIf(e -> !now.isBefore(e.expiresAt));
        taken.values().removeIf(until -> !now.isBefore(until));
    }

    /**
     * How many logins wait for their callback (expired ones included until the next save).
     *
     * @return the number of pending logins
     */
    public int size() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * How long a pending login waits for its callback: the binding cookie's {@code Max-Age}
     * ({@link LoginStart#maxAge()}).
     *
     * @return the time-to-live
     */
    public Duration ttl() {
        return ttl;
    }

    @Override
    public String toString() {
        return "InMemoryPendingLoginStore[ttl=" + ttl + ", maxEntries=" + maxEntries + ", pending=" + size() + "]";
    }

    /** Builds an {@link InMemoryPendingLoginStore}. Not thread-safe. */
    public static final class Builder {
        private Duration ttl = Duration.ofMinutes(10);
        private int maxEntries = 10_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How long a pending login may wait for its callback, counted from its {@link PendingLogin#createdAt()}.
         *
         * @param ttl 1 second to 1 hour; default 10 minutes
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            this.ttl = StoreSettings.ttl(ttl, "InMemoryPendingLoginStore.ttl");
            return this;
        }

        /**
         * The most pending logins kept (and the most taken states remembered); the oldest is evicted beyond.
         *
         * @param maxEntries 1 to 10,000,000; default 10,000
         * @return this builder
         */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = StoreSettings.bound(maxEntries, "InMemoryPendingLoginStore.maxEntries");
            return this;
        }

        /**
         * The clock expiry is measured by.
         *
         * @param clock the clock; default the system clock (UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = ValidationException.requireNonNull(clock, "InMemoryPendingLoginStore.clock");
            return this;
        }

        /**
         * Builds the store.
         *
         * @return the store
         */
        public InMemoryPendingLoginStore build() {
            return new InMemoryPendingLoginStore(this);
        }
    }
}
