package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.egov.sdk.testkit.SsoMisbehaviour;

/**
 * {@code POST /sso/oauth2/token}: {@code authorization_code} (single-use code bound to its client and redirect URI,
 * PKCE verifier checked, 60 s life; a replayed code revokes what it issued) and {@code refresh_token} (rotated: a
 * refresh token works once, a replay revokes its family), with {@code client_secret_basic} or
 * {@code client_secret_post}. Errors are OAuth JSON.
 */
public final class SsoTokenEndpoint {

    /** How long an access token lives. */
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    /** How long a refresh token lives. */
    public static final Duration REFRESH_LIFETIME = Duration.ofHours(24);

    private final SsoClients clients;
    private final SsoState state;
    private final SsoIdTokens idTokens;
    private final Clock clock;

    /**
     * @param clients the registered clients
     * @param state the simulator's state
     * @param idTokens the ID token maker
     * @param clock the sandbox clock
     */
    public SsoTokenEndpoint(SsoClients clients, SsoState state, SsoIdTokens idTokens, Clock clock) {
        this.clients = clients;
        this.state = state;
        this.idTokens = idTokens;
        this.clock = clock;
    }

    /**
     * Answers a token request.
     *
     * @param request the request
     * @param issuer the issuer
     * @return the tokens or an OAuth error
     */
    public SimResponse handle(SimRequest request, String issuer) {
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "invalid_request", "the token endpoint accepts POST only")
                    .withHeader("Allow", "POST");
        }
        Map<String, List<String>> form = request.form();
        ClientAuth auth = authenticate(clients, request);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        SsoClients.Client client = auth.client();
        String grant = SsoAuthorize.first(form, "grant_type");
        return switch (grant) {
            case "authorization_code" -> code(client, form, issuer);
            case "refresh_token" -> refresh(client, form, issuer);
            case "" -> error(400, "invalid_request", "grant_type is missing");
            default -> error(400, "unsupported_grant_type", "the sandbox SSO supports authorization_code and "
                    + "refresh_token, not " + grant);
        };
    }

    /**
     * A client authentication's outcome: the client, or the response refusing the request.
     *
     * @param client the authenticated client, {@code null} when refused
     * @param refusal the refusal, {@code null} when authenticated
     */
    public record ClientAuth(SsoClients.Client client, SimResponse refusal) {
    }

    /**
     * Authenticates the client of a token or introspection request: HTTP Basic or the form, not both.
     *
     * @param clients the registered clients
     * @param request the request
     * @return the outcome
     */
    public static ClientAuth authenticate(SsoClients clients, SimRequest request) {
        Map<String, List<String>> form = request.form();
        Optional<PresentedClient> presented = PresentedClient.from(request, form);
        if (presented.isEmpty()) {
            return new ClientAuth(null, unauthorized(
                    "no client credentials (use HTTP Basic or client_id and client_secret in the form)"));
        }
        PresentedClient p = presented.get();
        if (p.viaBasic() && form.containsKey("client_secret")) {
            return new ClientAuth(null, error(400, "invalid_request",
                    "use one client authentication method, not Basic and the form"));
        }
        String formId = SsoAuthorize.first(form, "client_id");
        if (p.viaBasic() && !formId.isEmpty() && !formId.equals(p.clientId())) {
            return new ClientAuth(null, error(400, "invalid_request",
                    "client_id in the form differs from the Basic credentials"));
        }
        return clients.authenticate(p).map(c -> new ClientAuth(c, null)).orElseGet(() -> new ClientAuth(null,
                unauthorized(clients.find(p.clientId()).isPresent() ? "wrong secret for client " + p.clientId()
                        : "unknown client " + p.clientId())));
    }

    private SimResponse code(SsoClients.Client client, Map<String, List<String>> form, String issuer) {
        String value = SsoAuthorize.first(form, "code");
        if (value.isEmpty()) {
            return error(400, "invalid_request", "code is missing");
        }
        Optional<SsoState.Code> found = state.code(value);
        if (found.isEmpty()) {
            return error(400, "invalid_grant", "unknown code");
        }
        SsoState.Code code = found.get();
        if (code.used().getAndSet(true)) {
            state.revokeFamily(code.family());
            return error(400, "invalid_grant", "the code was already used; the tokens it gave are revoked");
        }
        if (!clock.instant().isBefore(code.expiresAt())) {
            return error(400, "invalid_grant", "the code has expired (codes live "
                    + SsoAuthorize.CODE_LIFETIME.toSeconds() + " s)");
        }
        SsoState.AuthRequest req = code.request();
        if (!req.clientId().equals(client.clientId())) {
            return error(400, "invalid_grant", "the code was issued to another client");
        }
        if (!req.redirectUri().equals(SsoAuthorize.first(form, "redirect_uri"))) {
            return error(400, "invalid_grant", "redirect_uri differs from the authorization request's");
        }
        String verifier = SsoAuthorize.first(form, "code_verifier");
        if (req.codeChallenge().isEmpty() && !verifier.isEmpty()) {
            return error(400, "invalid_grant", "code_verifier sent, but the authorization request had no "
                    + "code_challenge");
        }
        if (!req.codeChallenge().isEmpty()) {
            if (verifier.isEmpty()) {
                return error(400, "invalid_grant", "code_verifier is missing (the authorization request sent a "
                        + "code_challenge)");
            }
            if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                    req.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
                return error(400, "invalid_grant", "code_verifier does not match the code_challenge (S256)");
            }
        }
        return issue(client.clientId(), code.session(), req.scope(), req.acr(), req.nonce(), code.family(), issuer);
    }

    private SimResponse refresh(SsoClients.Client client, Map<String, List<String>> form, String issuer) {
        String value = SsoAuthorize.first(form, "refresh_token");
        if (value.isEmpty()) {
            return error(400, "invalid_request", "refresh_token is missing");
        }
        Optional<SsoState.Grant> found = state.refresh(value, clock.instant());
        if (found.isEmpty()) {
            return error(400, "invalid_grant", "unknown, revoked or expired refresh token");
        }
        SsoState.Grant old = found.get();
        if (!old.clientId().equals(client.clientId())) {
            return error(400, "invalid_grant", "the refresh token was issued to another client");
        }
        if (old.used().getAndSet(true)) {
            state.revokeFamily(old.family());
            return error(400, "invalid_grant", "the refresh token was already used (they rotate); its family is "
                    + "revoked");
        }
        return issue(client.clientId(), old.session(), old.scope(), old.acr(), "", old.family(), issuer);
    }

    private SimResponse issue(String clientId, SsoState.Session session, String scope, String acr, String nonce,
            String family, String issuer) {
        Instant now = clock.instant();
        Set<SsoMisbehaviour> misbehaviours = state.takeArmed();
        String access = SsoState.random();
        state.putAccess(new SsoState.Grant(access, clientId, session, scope, acr, now, now.plus(ACCESS_LIFETIME),
                family, misbehaviours, new AtomicBoolean()));
        String refresh = SsoState.random();
        state.putRefresh(new SsoState.Grant(refresh, clientId, session, scope, acr, now, now.plus(REFRESH_LIFETIME),
                family, Set.of(), new AtomicBoolean()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("refresh_token", refresh);
        body.put("scope", scope);
        body.put("id_token", idTokens.issue(new SsoIdTokens.Content(issuer, clientId, session, nonce, acr, access,
                now), misbehaviours));
        body.put("token_type", "Bearer");
        body.put("expires_in", ACCESS_LIFETIME.toSeconds());
        return SimResponse.json(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static SimResponse error(int status, String code, String description) {
        return SimResponse.error(status, code, description).withHeader("Cache-Control", "no-store");
    }

    private static SimResponse unauthorized(String description) {
        return SimResponse.error(401, "invalid_client", description)
                .withHeader("WWW-Authenticate", "Basic realm=\"national-sandbox-sso\"");
    }
}
