package vn.egov.sdk.testkit.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The adapter sessions the simulated DVCQG portal issued, each living a fixed time on the sandbox clock. */
public final class DvcqgPortalSessions {

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();

    /**
     * @param clock the sandbox clock
     * @param lifetime how long a session lives
     */
    public DvcqgPortalSessions(Clock clock, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * Issues a new session.
     *
     * @return the session string
     */
    public String issue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String session = HexFormat.of().formatHex(bytes);
        expiries.put(session, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return session;
    }

    /**
     * Whether a session is known and not expired.
     *
     * @param session the session string, may be {@code null}
     * @return {@code true} when it may be used
     */
    public boolean isValid(String session) {
        if (session == null) {
            return false;
        }
        Instant expiry = expiries.get(session);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Expires every session issued so far. */
    public void expireAll() {
        expiries.clear();
    }

    /**
     * How many sessions were issued since the last reset.
     *
     * @return the count
     */
    public int issued() {
        return issued.get();
    }

    /** Forgets every session and the count. */
    public void reset() {
        expiries.clear();
        issued.set(0);
    }
}
