package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.core.internal.TokenCache;
import vn.egov.sdk.dossier.AdapterException;

/**
 * The adapter session: one login ({@code {username, password}}) at a time, its session cached for a lifetime and
 * renewed early; a session the portal called invalid is dropped so the next call logs in again. Internal.
 */
public final class AdapterSession {
    private static final int MAX_SESSION_LENGTH = 4096;

    private final AdapterWire wire;
    private final String loginUrl;
    private final String username;
    private final Secret password;
    private final Duration lifetime;
    private final Clock clock;
    private final TokenCache cache;

    /**
     * @param wire the wire
     * @param loginUrl adapter URL + auth endpoint
     * @param username the user name
     * @param password the password
     * @param lifetime how long a session is assumed valid
     * @param refreshBefore log in again this long before that
     * @param clock the clock
     */
    public AdapterSession(AdapterWire wire, String loginUrl, String username, Secret password, Duration lifetime,
            Duration refreshBefore, Clock clock) {
        this.wire = wire;
        this.loginUrl = loginUrl;
        this.username = username;
        this.password = password;
        this.lifetime = lifetime;
        this.clock = clock;
        this.cache = new TokenCache(this::login, clock, refreshBefore);
    }

    /**
     * A valid session, logging in when there is none (one login in flight; concurrent callers share it).
     *
     * @return the session
     */
    public Secret current() {
        return cache.get();
    }

    /**
     * Drops the session if it is still the given one.
     *
     * @param rejected the session the portal called invalid
     */
    public void invalidate(Secret rejected) {
        cache.invalidate(rejected.reveal());
    }

    private TokenCache.Token login() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("username", username);
        body.put("password", password.reveal());
        JsonNode reply = wire.post(loginUrl, body, "login", true);
        String code = ReplyReader.code(reply);
        JsonNode session = reply.path("session").isMissingNode() ? reply.path("result").path("session")
                : reply.path("session");
        if (code == null || !ReplyReader.isSuccess(code) || !session.isValueNode() || session.asText().isEmpty()) {
            throw new AdapterException("the DVCQG adapter login refused user " + Redactor.printable(username, 60)
                    + (code == null ? "" : " (error_code " + Redactor.printable(code, 40) + ")") + ": "
                    + Redactor.printable(reply.path("message").asText(""), 200)
                    + (code != null && ReplyReader.isSuccess(code) ? " (no session in the reply)" : ""),
                    ErrorDetails.of(code != null && ReplyReader.isSuccess(code) ? Fault.PLATFORM : Fault.CALLER, false)
                            .withPlatformErrorCode(code),
                    null, "login", null, false);
        }
        String value = session.asText();
        if (value.length() > MAX_SESSION_LENGTH) {
            throw new AdapterException("the DVCQG adapter login issued a session longer than " + MAX_SESSION_LENGTH
                    + " characters", ErrorDetails.of(Fault.PLATFORM, false), null, "login", null, false);
        }
        return new TokenCache.Token(Secret.of(value), clock.instant().plus(lifetime));
    }

    @Override
    public String toString() {
        return "AdapterSession[" + loginUrl + ", username=" + username + ", password=" + password + "]";
    }
}
