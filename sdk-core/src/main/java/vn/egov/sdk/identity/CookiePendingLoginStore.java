package vn.egov.sdk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.ConsumedStates;
import vn.egov.sdk.identity.internal.CookieKeys;
import vn.egov.sdk.identity.internal.SealedLogins;

/**
 * Pending logins kept in the browser, sealed: {@link #save(PendingLogin)} returns the whole login as a JWT signed
 * with HS256 and then encrypted (JWE, {@code dir} + {@code A256GCM}), with its expiry and state inside, to set as the
 * binding cookie; {@link #take(String, String)} decrypts it, verifies it, checks that the state inside equals the
 * callback's (in constant time) and that it has not expired. No server-side storage, so several application nodes
 * work without sticky sessions or a shared database. The browser sees only ciphertext: the nonce and the PKCE
 * verifier stay secret.
 *
 * <p><b>Keys.</b> One secret of at least 32 bytes ({@link Builder#secret(byte[])}; two 32-byte keys are derived from
 * it with HKDF-SHA256), or the two keys given ({@link Builder#keys(byte[], byte[])}). Every node must have the same
 * keys. To rotate, make the new secret current and keep the old one in {@link Builder#retiredSecret(byte[])} for
 * one time-to-live: values sealed with it still open; values sealed with a key no longer configured are
 * {@link LoginStateFailure#TAMPERED}.
 *
 * <p><b>Replays.</b> A taken state is remembered on this node until its expiry (at most {@code maxConsumed}
 * states, default 10,000; beyond, the oldest is forgotten first), so replaying the same callback and cookie to the
 * <em>same</em> node gives {@link LoginStateFailure#ALREADY_USED}. The set is per node: a replay sent to
 * <em>another</em> node is not stopped by this store. What stops it there is that the provider's authorization code
 * is single-use (OAuth 2.0 requires it; the replayed code exchange fails once the first one was made) and the short
 * time-to-live (default 10 minutes); and a replay needs both the callback URL and the victim's {@code HttpOnly}
 * cookie. A vendor that needs cross-node single use of the state itself must use a shared store.
 *
 * <p>Values are at most {@value #MAX_VALUE} characters (a cookie must fit in 4 KiB); anything longer, altered,
 * truncated or foreign is {@link LoginStateFailure#TAMPERED}. Thread-safe.
 */
public final class CookiePendingLoginStore implements PendingLoginStore {
    /** The longest value accepted, in characters. */
    public static final int MAX_VALUE = 3800;

    private final CookieKeys current;
    private final Map<String, CookieKeys> keysById;
    private final Duration ttl;
    private final Clock clock;
    private final ConsumedStates consumed;

    private CookiePendingLoginStore(Builder b) {
        this.current = b.current;
        Map<String, CookieKeys> byId = new LinkedHashMap<>();
        byId.put(current.keyId(), current);
        for (CookieKeys k : b.retired) {
            byId.putIfAbsent(k.keyId(), k);
        }
        this.keysById = Map.copyOf(byId);
        this.ttl = b.ttl;
        this.clock = b.clock;
        this.consumed = new ConsumedStates(b.maxConsumed);
    }

    /**
     * A builder; a secret or two keys are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String save(PendingLogin login) {
        ValidationException.requireNonNull(login, "PendingLoginStore.login");
        String value = SealedLogins.seal(login, login.createdAt().plus(ttl), current);
        if (value.length() > MAX_VALUE) {
            throw ValidationException.of("tooLong", "PendingLogin",
                    "the sealed login has " + value.length() + " characters, more than a cookie holds (" + MAX_VALUE
                            + "): shorten the return path or the redirect URI");
        }
        return value;
    }

    @Override
    public PendingLogin take(String state, String browserBinding) {
        if (state == null || state.isBlank()) {
            throw new LoginStateException(LoginStateFailure.UNKNOWN_STATE, "the callback has no state");
        }
        if (browserBinding == null || browserBinding.isBlank()) {
            throw new LoginStateException(LoginStateFailure.BROWSER_MISMATCH,
                    "the browser sent no pending-login cookie");
        }
        if (browserBinding.length() > MAX_VALUE) {
            throw new LoginStateException(LoginStateFailure.TAMPERED,
                    "the pending-login cookie is longer than any this store makes");
        }
        Optional<SealedLogins.Opened> opened = SealedLogins.open(browserBinding, keysById);
        if (opened.isEmpty()) {
            throw new LoginStateException(LoginStateFailure.TAMPERED, "the pending-login cookie is altered, "
                    + "truncated, not made by this store, or sealed with a key no longer configured");
        }
        PendingLogin login = opened.get().login;
        if (!BrowserBinding.matches(login.state(), state)) {
            throw new LoginStateException(LoginStateFailure.BROWSER_MISMATCH,
                    "the pending-login cookie belongs to another login than this callback's state");
        }
        Instant now = clock.instant();
        Instant expiresAt = opened.get().expiresAt;
        if (!now.isBefore(expiresAt)) {
            throw new LoginStateException(LoginStateFailure.EXPIRED,
                    "the login was started more than " + ttl.toMinutes() + " minutes ago");
        }
        if (!consumed.consume(login.state(), expiresAt, now)) {
            throw new LoginStateException(LoginStateFailure.ALREADY_USED,
                    "this login was already completed once on this node (a replayed or repeated callback)");
        }
        return login;
    }

    /**
     * How long a sealed login stays valid: use it as the cookie's {@code Max-Age}.
     *
     * @return the time-to-live
     */
    public Duration ttl() {
        return ttl;
    }

    @Override
    public String toString() {
        return "CookiePendingLoginStore[ttl=" + ttl + ", keys=" + keysById.size() + ", consumed=" + consumed.size()
                + "]";
    }

    /** Builds a {@link CookiePendingLoginStore}. Not thread-safe. Keys are copied; clear your arrays after. */
    public static final class Builder {
        private CookieKeys current;
        private final List<CookieKeys> retired = new ArrayList<>();
        private Duration ttl = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private int maxConsumed = 10_000;

        private Builder() {
        }

        /**
         * The current secret, from which the signing and encryption keys are derived (HKDF-SHA256).
         *
         * @param secret at least 32 random bytes, the same on every node; keep it like a password
         * @return this builder
         */
        public Builder secret(byte[] secret) {
            this.current = CookieKeys.derive(secretBytes(secret, "CookiePendingLoginStore.secret"));
            return this;
        }

        /**
         * The current keys, given separately instead of a secret.
         *
         * @param signingKey the HS256 key, exactly 32 bytes
         * @param encryptionKey the A256GCM key, exactly 32 bytes
         * @return this builder
         */
        public Builder keys(byte[] signingKey, byte[] encryptionKey) {
            this.current = CookieKeys.of(key(signingKey, "CookiePendingLoginStore.signingKey"),
                    key(encryptionKey, "CookiePendingLoginStore.encryptionKey"));
            return this;
        }

        /**
         * A former secret whose values still open (during a rotation); may be called several times.
         *
         * @param secret at least 32 bytes
         * @return this builder
         */
        public Builder retiredSecret(byte[] secret) {
            retired.add(CookieKeys.derive(secretBytes(secret, "CookiePendingLoginStore.retiredSecret")));
            return this;
        }

        /**
         * Former keys whose values still open (during a rotation); may be called several times.
         *
         * @param signingKey the former HS256 key, exactly 32 bytes
         * @param encryptionKey the former A256GCM key, exactly 32 bytes
         * @return this builder
         */
        public Builder retiredKeys(byte[] signingKey, byte[] encryptionKey) {
            retired.add(CookieKeys.of(key(signingKey, "CookiePendingLoginStore.retiredSigningKey"),
                    key(encryptionKey, "CookiePendingLoginStore.retiredEncryptionKey")));
            return this;
        }

        /**
         * How long a sealed login stays valid, counted from its {@link PendingLogin#createdAt()}.
         *
         * @param ttl 1 second to 1 hour; default 10 minutes
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            this.ttl = StoreSettings.ttl(ttl, "CookiePendingLoginStore.ttl");
            return this;
        }

        /**
         * The clock expiry is measured by.
         *
         * @param clock the clock; default the system clock (UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = ValidationException.requireNonNull(clock, "CookiePendingLoginStore.clock");
            return this;
        }

        /**
         * The most taken states this node remembers to refuse replays.
         *
         * @param maxConsumed 1 to 10,000,000; default 10,000
         * @return this builder
         */
        public Builder maxConsumed(int maxConsumed) {
            this.maxConsumed = StoreSettings.bound(maxConsumed, "CookiePendingLoginStore.maxConsumed");
            return this;
        }

        /**
         * Builds the store.
         *
         * @return the store
         * @throws ValidationException if neither a secret nor keys were given
         */
        public CookiePendingLoginStore build() {
            if (current == null) {
                throw ValidationException.of("required", "CookiePendingLoginStore.secret",
                        "a secret (or a signing and an encryption key) is required");
            }
            return new CookiePendingLoginStore(this);
        }

        private static byte[] secretBytes(byte[] secret, String path) {
            ValidationException.requireNonNull(secret, path);
            if (secret.length < 32) {
                throw ValidationException.of("tooShort", path,
                        path + " must have at least 32 bytes, has " + secret.length);
            }
            return secret;
        }

        private static byte[] key(byte[] key, String path) {
            ValidationException.requireNonNull(key, path);
            if (key.length != 32) {
                throw ValidationException.of("length", path, path + " must have exactly 32 bytes, has "
                        + key.length);
            }
            return key;
        }
    }
}
