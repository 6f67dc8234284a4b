package vn.egov.sdk.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /sso/oidc/logout} (RP-initiated logout, WSO2-shaped): {@code id_token_hint} (an ID token this simulator
 * signed, expired or not) or {@code client_id}, {@code post_logout_redirect_uri} checked exactly against the
 * client's registration, {@code state}. Ends the login session named by the hint's {@code sid} or the
 * {@code sso_session} cookie (revoking its tokens), then redirects, or shows a "logged out" page.
 */
public final class SsoLogout {

    private final SsoClients clients;
    private final SsoState state;
    private final SsoKeys keys;

    /**
     * @param clients the registered clients
     * @param state the simulator's state
     * @param keys the signing keys, to check an {@code id_token_hint}
     */
    public SsoLogout(SsoClients clients, SsoState state, SsoKeys keys) {
        this.clients = clients;
        this.state = state;
        this.keys = keys;
    }

    /**
     * Answers a logout request.
     *
     * @param request the request (query, or form for a POST)
     * @param issuer the issuer
     * @return a redirect, the logged-out page, or an error page
     */
    public SimResponse handle(SimRequest request, String issuer) {
        Map<String, List<String>> params = request.isMethod("POST") ? request.form() : request.query();
        String hint = SsoAuthorize.first(params, "id_token_hint");
        String clientId = SsoAuthorize.first(params, "client_id");
        String sessionId = cookie(request).orElse("");
        if (!hint.isEmpty()) {
            Optional<SignedJWT> jwt = verify(hint, issuer);
            if (jwt.isEmpty()) {
                return SsoPages.error(400, "invalid_request", "id_token_hint is not an ID token this provider signed");
            }
            try {
                List<String> aud = jwt.get().getJWTClaimsSet().getAudience();
                if (!clientId.isEmpty() && !aud.contains(clientId)) {
                    return SsoPages.error(400, "invalid_request", "client_id is not the id_token_hint's audience");
                }
                clientId = aud.isEmpty() ? clientId : aud.get(0);
                String sid = jwt.get().getJWTClaimsSet().getStringClaim("sid");
                sessionId = sid == null ? sessionId : sid;
            } catch (ParseException e) {
                return SsoPages.error(400, "invalid_request", "id_token_hint has unreadable claims");
            }
        }
        String target = SsoAuthorize.first(params, "post_logout_redirect_uri");
        if (!target.isEmpty()) {
            if (clientId.isEmpty()) {
                return SsoPages.error(400, "invalid_request",
                        "post_logout_redirect_uri needs id_token_hint or client_id");
            }
            Optional<SsoClients.Client> client = clients.find(clientId);
            if (client.isEmpty()) {
                return SsoPages.error(400, "invalid_client", "unknown client_id " + clientId);
            }
            if (!client.get().postLogoutUris().contains(target) && !client.get().redirectUris().contains(target)) {
                return SsoPages.error(400, "invalid_request", "post_logout_redirect_uri " + target
                        + " is not registered for client " + clientId);
            }
        }
        state.endSession(sessionId);
        String clear = SsoAuthorize.SESSION_COOKIE + "=; Path=/sso/; Max-Age=0; HttpOnly; SameSite=Lax";
        if (target.isEmpty()) {
            return SsoPages.loggedOut().withHeader("Set-Cookie", clear);
        }
        Map<String, String> back = new LinkedHashMap<>();
        String st = SsoAuthorize.first(params, "state");
        if (!st.isEmpty()) {
            back.put("state", st);
        }
        return SsoAuthorize.found(SsoAuthorize.append(target, back)).withHeader("Set-Cookie", clear);
    }

    private Optional<SignedJWT> verify(String hint, String issuer) {
        try {
            SignedJWT jwt = SignedJWT.parse(hint);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.published(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))
                    || !issuer.equals(jwt.getJWTClaimsSet().getIssuer())) {
                return Optional.empty();
            }
            return Optional.of(jwt);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> cookie(SimRequest request) {
        for (String header : request.headers().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String p = pair.strip();
                if (p.startsWith(SsoAuthorize.SESSION_COOKIE + "=")) {
                    return Optional.of(p.substring(SsoAuthorize.SESSION_COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
