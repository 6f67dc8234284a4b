package vn.egov.sdk.testkit.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * What the SSO simulator holds between requests: authorization requests waiting on the login page, codes, access
 * and refresh tokens, login sessions and the misbehaviours armed for the next ID token. All of it is forgotten by
 * {@link #clear()}. Thread-safe.
 */
public final class SsoState {

    /**
     * An authorization request that passed its checks and waits for the login page.
     *
     * @param id the {@code sessionDataKey} the page posts back
     * @param clientId the client
     * @param redirectUri the registered redirect URI it named
     * @param state the client's {@code state}, empty when none
     * @param nonce the client's {@code nonce}, empty when none
     * @param scope the requested scope
     * @param acr the first requested {@code acr_values} entry, else {@code LoA1}
     * @param codeChallenge the S256 {@code code_challenge}, empty when none
     * @param expiresAt when the login page stops accepting it
     */
    public record AuthRequest(String id, String clientId, String redirectUri, String state, String nonce,
            String scope, String acr, String codeChallenge, Instant expiresAt) {
    }

    /**
     * A login session: who logged in, when.
     *
     * @param id the session id ({@code sid} claim, {@code sso_session} cookie)
     * @param user the user
     * @param authTime when the user logged in
     */
    public record Session(String id, SsoTestUser user, Instant authTime) {
    }

    /**
     * An authorization code.
     *
     * @param request the authorization request it answers
     * @param session the login session
     * @param expiresAt end of its short life
     * @param used set when exchanged
     * @param family the token family the exchange starts (revoked when the code is replayed)
     */
    public record Code(AuthRequest request, Session session, Instant expiresAt, AtomicBoolean used, String family) {
    }

    /**
     * An access or refresh token.
     *
     * @param token the opaque value
     * @param clientId the client it was issued to
     * @param session the login session
     * @param scope the granted scope
     * @param acr the {@code acr} of the login
     * @param issuedAt when issued
     * @param expiresAt when it stops working
     * @param family its token family (one code exchange and the refreshes that follow)
     * @param misbehaviours what was armed for the response that issued it
     * @param used for a refresh token: set once exchanged (rotation)
     */
    public record Grant(String token, String clientId, Session session, String scope, String acr, Instant issuedAt,
            Instant expiresAt, String family, Set<SsoMisbehaviour> misbehaviours, AtomicBoolean used) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, AuthRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<SsoMisbehaviour> armed = EnumSet.noneOf(SsoMisbehaviour.class);

    /**
     * A random URL-safe value of 32 bytes.
     *
     * @return the value
     */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Keeps an authorization request for the login page.
     *
     * @param request the request
     */
    public void putRequest(AuthRequest request) {
        requests.put(request.id(), request);
    }

    /**
     * Takes an authorization request off the login page (single use).
     *
     * @param id its {@code sessionDataKey}
     * @param now the sandbox time
     * @return the request when known and not expired
     */
    public Optional<AuthRequest> takeRequest(String id, Instant now) {
        AuthRequest r = id == null ? null : requests.remove(id);
        return Optional.ofNullable(r).filter(x -> now.isBefore(x.expiresAt()));
    }

    /**
     * Looks at an authorization request without taking it.
     *
     * @param id its {@code sessionDataKey}
     * @return the request, if held
     */
    public Optional<AuthRequest> peekRequest(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(requests.get(id));
    }

    /**
     * Starts a login session.
     *
     * @param user who logged in
     * @param now when
     * @return the session
     */
    public Session startSession(SsoTestUser user, Instant now) {
        Session s = new Session(random(), user, now);
        sessions.put(s.id(), s);
        return s;
    }

    /**
     * A live login session.
     *
     * @param id the session id
     * @return the session, if live
     */
    public Optional<Session> session(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    /**
     * Ends a login session and revokes every token issued under it.
     *
     * @param id the session id
     * @return whether a live session ended
     */
    public boolean endSession(String id) {
        Session s = id == null ? null : sessions.remove(id);
        if (s == null) {
            return false;
        }
        accessTokens.values().removeIf(g -> g.session().id().equals(id));
        refreshTokens.values().removeIf(g -> g.session().id().equals(id));
        return true;
    }

    /**
     * How many login sessions are live.
     *
     * @return the count
     */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * Issues a code.
     *
     * @param code the code's record
     * @return the code value
     */
    public String putCode(Code code) {
        String value = random();
        codes.put(value, code);
        return value;
    }

    /**
     * A code, used or not.
     *
     * @param value the code
     * @return its record, if issued since the last clear
     */
    public Optional<Code> code(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(codes.get(value));
    }

    /**
     * Keeps an access token.
     *
     * @param grant the token
     */
    public void putAccess(Grant grant) {
        accessTokens.put(grant.token(), grant);
    }

    /**
     * Keeps a refresh token.
     *
     * @param grant the token
     */
    public void putRefresh(Grant grant) {
        refreshTokens.put(grant.token(), grant);
    }

    /**
     * An access token still live.
     *
     * @param token the value
     * @param now the sandbox time
     * @return the grant when known, not revoked and not expired
     */
    public Optional<Grant> access(String token, Instant now) {
        Grant g = token == null ? null : accessTokens.get(token);
        return Optional.ofNullable(g).filter(x -> now.isBefore(x.expiresAt()));
    }

    /**
     * A refresh token, used or not, unless revoked or expired.
     *
     * @param token the value
     * @param now the sandbox time
     * @return the grant
     */
    public Optional<Grant> refresh(String token, Instant now) {
        Grant g = token == null ? null : refreshTokens.get(token);
        return Optional.ofNullable(g).filter(x -> now.isBefore(x.expiresAt()));
    }

    /**
     * Revokes every access and refresh token of a family (a replayed code or refresh token).
     *
     * @param family the family
     */
    public void revokeFamily(String family) {
        accessTokens.values().removeIf(g -> g.family().equals(family));
        refreshTokens.values().removeIf(g -> g.family().equals(family));
    }

    /**
     * Arms misbehaviours for the next ID token.
     *
     * @param misbehaviours what to get wrong
     */
    public synchronized void arm(Set<SsoMisbehaviour> misbehaviours) {
        armed.addAll(misbehaviours);
    }

    /**
     * Takes the armed misbehaviours (they apply once).
     *
     * @return what to get wrong in this response, often nothing
     */
    public synchronized Set<SsoMisbehaviour> takeArmed() {
        Set<SsoMisbehaviour> out = armed.isEmpty() ? EnumSet.noneOf(SsoMisbehaviour.class) : EnumSet.copyOf(armed);
        armed.clear();
        return out;
    }

    /** Forgets requests, sessions, codes, tokens and armed misbehaviours. */
    public synchronized void clear() {
        requests.clear();
        sessions.clear();
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        armed.clear();
    }
}
