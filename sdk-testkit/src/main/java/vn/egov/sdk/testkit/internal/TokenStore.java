package vn.egov.sdk.testkit.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues opaque bearer tokens, remembers until when each is valid, and revokes them on request. Thread-safe. */
public final class TokenStore {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock;
    private final Duration lifetime;

    /** A token and the client it was issued to. */
    private record IssuedToken(String clientId, Instant expiresAt) {
    }

    /**
     * Creates an empty store.
     *
     * @param clock the time source deciding expiry
     * @param lifetime how long each token is valid, at least one second
     */
    public TokenStore(Clock clock, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("token lifetime must be at least 1 s, was " + lifetime);
        }
    }

    /**
     * Issues a new random token.
     *
     * @param clientId the client it is issued to
     * @return the token value (43 URL-safe characters)
     */
    public String issue(String clientId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new IssuedToken(clientId, clock.instant().plus(lifetime)));
        issued.incrementAndGet();
        return token;
    }

    /**
     * Whether a token was issued here, has not expired and has not been revoked.
     *
     * @param token the presented token
     * @return {@code true} when it may be used
     */
    public boolean isActive(String token) {
        IssuedToken found = token == null ? null : tokens.get(token);
        if (found == null) {
            return false;
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            tokens.remove(token, found);
            return false;
        }
        return true;
    }

    /**
     * The lifetime of each issued token.
     *
     * @return the lifetime
     */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * How many tokens were issued since the last {@link #resetCount()}.
     *
     * @return the count
     */
    public int issuedCount() {
        return issued.get();
    }

    /** Revokes every token issued so far; clients must ask for a new one. */
    public void revokeAll() {
        tokens.clear();
    }

    /** Sets the issued-token counter back to zero; tokens stay valid. */
    public void resetCount() {
        issued.set(0);
    }
}
