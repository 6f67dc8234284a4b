package vn.egov.sdk.testkit.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The SSO simulator's token-protected endpoints: {@code userinfo} (Bearer; the national claims, and the VNeID ones
 * for a VNeID login), {@code introspect} (RFC 7662, client authentication) and {@code validatetoken} (the DVCQG
 * call: form {@code token=…&state=0} with a Bearer header, answering {@code client_id}, {@code exp}, {@code active}).
 */
public final class SsoResources {

    /** The {@code sub} userinfo answers under {@link SsoMisbehaviour#USERINFO_SUB_MISMATCH}. */
    public static final String OTHER_SUBJECT = "sandbox-someone-else";

    private final SsoClients clients;
    private final SsoState state;
    private final Clock clock;

    /**
     * @param clients the registered clients
     * @param state the simulator's state
     * @param clock the sandbox clock
     */
    public SsoResources(SsoClients clients, SsoState state, Clock clock) {
        this.clients = clients;
        this.state = state;
        this.clock = clock;
    }

    /**
     * {@code GET} or {@code POST /sso/oauth2/userinfo}.
     *
     * @param request the request
     * @param issuer the issuer (the VNeID URLs point under it)
     * @return the claims, or 401 {@code invalid_token}
     */
    public SimResponse userInfo(SimRequest request, String issuer) {
        Optional<String> bearer = bearer(request);
        if (bearer.isEmpty()) {
            return invalidToken("invalid_request", "send the access token as Authorization: Bearer");
        }
        Optional<SsoState.Grant> grant = state.access(bearer.get(), clock.instant());
        if (grant.isEmpty()) {
            return invalidToken("invalid_token", "the access token is unknown, revoked or expired");
        }
        if (!Arrays.asList(grant.get().scope().split(" ")).contains("openid")) {
            return SimResponse.error(403, "insufficient_scope", "the token was not granted the openid scope")
                    .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        }
        return SimResponse.json(200, claims(grant.get(), issuer)).withHeader("Cache-Control", "no-store");
    }

    /**
     * The userinfo claims of a grant.
     *
     * @param grant the access token's grant
     * @param issuer the issuer
     * @return {@code sub} first, then the user's claims, then the VNeID URLs
     */
    public static Map<String, Object> claims(SsoState.Grant grant, String issuer) {
        SsoTestUser user = grant.session().user();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", grant.misbehaviours().contains(SsoMisbehaviour.USERINFO_SUB_MISMATCH) ? OTHER_SUBJECT
                : user.subject());
        body.putAll(user.claims());
        if (user.viaVneid()) {
            body.put("logoutUri", issuer + "/oidc/logout");
            body.put("userProfileUri", issuer + "/vneid/profile");
        }
        return body;
    }

    /**
     * {@code POST /sso/oauth2/introspect}.
     *
     * @param request the request, with client authentication and {@code token}
     * @param issuer the issuer
     * @return RFC 7662 JSON
     */
    public SimResponse introspect(SimRequest request, String issuer) {
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "invalid_request", "use POST").withHeader("Allow", "POST");
        }
        SsoTokenEndpoint.ClientAuth auth = SsoTokenEndpoint.authenticate(clients, request);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        String token = SsoAuthorize.first(request.form(), "token");
        if (token.isEmpty()) {
            return SimResponse.error(400, "invalid_request", "token is missing");
        }
        Optional<SsoState.Grant> access = state.access(token, clock.instant());
        Optional<SsoState.Grant> grant = access.isPresent() ? access
                : state.refresh(token, clock.instant()).filter(g -> !g.used().get());
        if (grant.isEmpty()) {
            return SimResponse.json(200, Map.of("active", false));
        }
        SsoState.Grant g = grant.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("client_id", g.clientId());
        body.put("username", g.session().user().subject());
        body.put("sub", g.session().user().subject());
        body.put("scope", g.scope());
        body.put("token_type", access.isPresent() ? "Bearer" : "refresh_token");
        body.put("exp", g.expiresAt().getEpochSecond());
        body.put("iat", g.issuedAt().getEpochSecond());
        body.put("iss", issuer);
        body.put("aud", g.clientId());
        return SimResponse.json(200, body);
    }

    /**
     * {@code POST /sso/oauth2/validatetoken}: the DVCQG token-validation call.
     *
     * @param request form {@code token} (and {@code state=0}) with a Bearer header
     * @return {@code {client_id, exp, active}}, or {@code {active: false}} for a dead token
     */
    public SimResponse validateToken(SimRequest request) {
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "invalid_request", "use POST").withHeader("Allow", "POST");
        }
        Optional<String> bearer = bearer(request);
        if (bearer.isEmpty() || state.access(bearer.get(), clock.instant()).isEmpty()) {
            return invalidToken("invalid_token", "send a live access token as Authorization: Bearer");
        }
        String token = SsoAuthorize.first(request.form(), "token");
        if (token.isEmpty()) {
            return SimResponse.error(400, "invalid_request", "token is missing");
        }
        Optional<SsoState.Grant> grant = state.access(token, clock.instant());
        if (grant.isEmpty()) {
            return SimResponse.json(200, Map.of("active", false));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", grant.get().clientId());
        body.put("exp", grant.get().expiresAt().getEpochSecond());
        body.put("active", true);
        return SimResponse.json(200, body);
    }

    private static Optional<String> bearer(SimRequest request) {
        return request.header("Authorization").map(String::strip)
                .filter(v -> v.toLowerCase(Locale.ROOT).startsWith("bearer "))
                .map(v -> v.substring(7).strip()).filter(v -> !v.isEmpty());
    }

    private static SimResponse invalidToken(String code, String description) {
        return SimResponse.error(401, code, description).withHeader("WWW-Authenticate",
                "Bearer realm=\"national-sandbox-sso\", error=\"" + code + "\"");
    }
}
