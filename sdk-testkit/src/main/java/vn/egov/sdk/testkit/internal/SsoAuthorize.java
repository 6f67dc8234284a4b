package vn.egov.sdk.testkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * {@code GET /sso/oauth2/authorize} and the login page's {@code POST /sso/commonauth}: checks the authorization request
 * (registered client, exact redirect URI, {@code response_type=code}, {@code openid} scope, PKCE S256 only), shows
 * the login page, and completes with a code (or {@code access_denied}) sent back to the redirect URI with
 * {@code state} and {@code iss}. Errors about the client or its redirect URI are shown as a page, never redirected.
 */
public final class SsoAuthorize {

    /** How long the login page waits for the user. */
    public static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    /** How long a code lives. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** The session cookie set at login and read at logout. */
    public static final String SESSION_COOKIE = "sso_session";

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final List<String> SINGLE = List.of("client_id", "redirect_uri", "response_type", "scope", "state",
            "nonce", "code_challenge", "code_challenge_method", "acr_values", "prompt");

    private final SsoClients clients;
    private final SsoState state;
    private final Clock clock;

    /**
     * The outcome of checking an authorization request: exactly one of the three is set.
     *
     * @param page an error page (client or redirect URI wrong: nothing is redirected)
     * @param redirect where to send the browser with an OAuth error
     * @param request the accepted request, waiting for the login page
     */
    public record Checked(SimResponse page, String redirect, SsoState.AuthRequest request) {
    }

    /**
     * @param clients the registered clients
     * @param state the simulator's state
     * @param clock the sandbox clock
     */
    public SsoAuthorize(SsoClients clients, SsoState state, Clock clock) {
        this.clients = clients;
        this.state = state;
        this.clock = clock;
    }

    /**
     * Checks an authorization request's parameters and, when they are right, keeps it for the login page.
     *
     * @param params the query parameters
     * @param issuer the issuer, sent back as {@code iss}
     * @return the outcome
     */
    public Checked check(Map<String, List<String>> params, String issuer) {
        for (String name : List.of("client_id", "redirect_uri")) {
            if (params.getOrDefault(name, List.of()).size() > 1) {
                return page("invalid_request", name + " is repeated");
            }
        }
        String clientId = first(params, "client_id");
        if (clientId.isEmpty()) {
            return page("invalid_request", "client_id is missing");
        }
        Optional<SsoClients.Client> client = clients.find(clientId);
        if (client.isEmpty()) {
            return page("invalid_client", "unknown client_id " + clientId);
        }
        String redirectUri = first(params, "redirect_uri");
        if (!client.get().redirectUris().contains(redirectUri)) {
            return page("invalid_request", "redirect_uri " + (redirectUri.isEmpty() ? "is missing" : redirectUri
                    + " is not registered for client " + clientId) + " (registered URIs are matched exactly)");
        }
        String st = first(params, "state");
        for (String name : SINGLE) {
            if (params.getOrDefault(name, List.of()).size() > 1) {
                return redirect(redirectUri, "invalid_request", name + " is repeated", st, issuer);
            }
        }
        if (!"code".equals(first(params, "response_type"))) {
            return redirect(redirectUri, params.containsKey("response_type") ? "unsupported_response_type"
                    : "invalid_request", "response_type must be code", st, issuer);
        }
        String scope = first(params, "scope");
        if (!Arrays.asList(scope.split(" ")).contains("openid")) {
            return redirect(redirectUri, "invalid_scope", "scope must contain openid", st, issuer);
        }
        String challenge = first(params, "code_challenge");
        String method = first(params, "code_challenge_method");
        if (!challenge.isEmpty() || !method.isEmpty()) {
            if (!"S256".equals(method)) {
                return redirect(redirectUri, "invalid_request", "code_challenge_method must be S256 (plain is refused)",
                        st, issuer);
            }
            if (!CHALLENGE.matcher(challenge).matches()) {
                return redirect(redirectUri, "invalid_request",
                        "code_challenge must be the 43-character base64url SHA-256 of the verifier", st, issuer);
            }
        }
        if (Arrays.asList(first(params, "prompt").split(" ")).contains("none")) {
            return redirect(redirectUri, "login_required", "the sandbox always shows its login page", st, issuer);
        }
        String acr = first(params, "acr_values").strip();
        acr = acr.isEmpty() ? "LoA1" : acr.split(" +")[0];
        SsoState.AuthRequest request = new SsoState.AuthRequest(SsoState.random(), clientId, redirectUri, st,
                first(params, "nonce"), scope, acr, challenge, clock.instant().plus(REQUEST_LIFETIME));
        state.putRequest(request);
        return new Checked(null, null, request);
    }

    /**
     * Answers the login page's form.
     *
     * @param form the posted fields
     * @param issuer the issuer
     * @return a redirect to the client, the page again with an error, or an error page
     */
    public SimResponse commonauth(Map<String, List<String>> form, String issuer) {
        Optional<SsoState.AuthRequest> waiting = state.peekRequest(first(form, "sessionDataKey"))
                .filter(r -> clock.instant().isBefore(r.expiresAt()));
        if (waiting.isEmpty()) {
            return SsoPages.error(400, "invalid_request", "Phiên đăng nhập không hợp lệ hoặc đã hết hạn / the login "
                    + "request is unknown, used or expired: start again from the application");
        }
        SsoState.AuthRequest request = waiting.get();
        if ("deny".equals(first(form, "action"))) {
            return state.takeRequest(request.id(), clock.instant())
                    .map(r -> found(deny(r, issuer))).orElseGet(() -> SsoPages.error(400, "invalid_request",
                            "the login request was already answered"));
        }
        if (!"yes".equals(first(form, "consent"))) {
            return SsoPages.login(request, SsoTestUser.ALL, "Bạn cần đồng ý chia sẻ thông tin / you must consent to "
                    + "share your identity, or deny");
        }
        SsoTestUser user;
        try {
            user = user(form);
        } catch (ValidationException e) {
            return SsoPages.login(request, SsoTestUser.ALL, e.getMessage());
        }
        Optional<SsoState.AuthRequest> taken = state.takeRequest(request.id(), clock.instant());
        if (taken.isEmpty()) {
            return SsoPages.error(400, "invalid_request", "the login request was already answered");
        }
        SsoState.Session session = state.startSession(user, clock.instant());
        return found(complete(taken.get(), session, issuer)).withHeader("Set-Cookie", SESSION_COOKIE + "="
                + session.id() + "; Path=/sso/; HttpOnly; SameSite=Lax");
    }

    /**
     * Logs a user in for a waiting request: a session and a code.
     *
     * @param request the request, already taken off the login page
     * @param session the user's new login session
     * @param issuer the issuer
     * @return the redirect URI with {@code code}, {@code state} and {@code iss}
     */
    public String complete(SsoState.AuthRequest request, SsoState.Session session, String issuer) {
        String code = state.putCode(new SsoState.Code(request, session, clock.instant().plus(CODE_LIFETIME),
                new java.util.concurrent.atomic.AtomicBoolean(), SsoState.random()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        if (!request.state().isEmpty()) {
            params.put("state", request.state());
        }
        params.put("iss", issuer);
        return append(request.redirectUri(), params);
    }

    /**
     * The user refused: {@code access_denied}.
     *
     * @param request the request, already taken off the login page
     * @param issuer the issuer
     * @return the redirect URI with the error
     */
    public String deny(SsoState.AuthRequest request, String issuer) {
        return redirect(request.redirectUri(), "access_denied", "the user denied the request", request.state(),
                issuer).redirect();
    }

    private static SsoTestUser user(Map<String, List<String>> form) {
        String key = first(form, "user");
        if (!"custom".equals(key)) {
            return SsoTestUser.byKey(key).orElseThrow(() -> ValidationException.of("unknown", "user",
                    "choose a test user or fill in the custom user"));
        }
        int type;
        try {
            type = Integer.parseInt(first(form, "custom_type"));
        } catch (NumberFormatException e) {
            throw ValidationException.of("integer", "custom_type", "the account type must be a number");
        }
        String ial = first(form, "custom_ial");
        OptionalInt level;
        try {
            level = ial.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ial));
        } catch (NumberFormatException e) {
            throw ValidationException.of("integer", "custom_ial", "IAL must be a number or empty");
        }
        String techId = first(form, "custom_techid").strip();
        return SsoTestUser.custom(type, first(form, "custom_name"), first(form, "custom_id"),
                techId.isEmpty() ? UUID.randomUUID().toString() : techId, level);
    }

    private static Checked page(String error, String description) {
        return new Checked(SsoPages.error(400, error, description), null, null);
    }

    private static Checked redirect(String uri, String error, String description, String st, String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (!st.isEmpty()) {
            params.put("state", st);
        }
        params.put("iss", issuer);
        return new Checked(null, append(uri, params), null);
    }

    /**
     * A 302 to a location.
     *
     * @param location the URI
     * @return the response
     */
    public static SimResponse found(String location) {
        return new SimResponse(302, Map.of("Location", location, "Cache-Control", "no-store"), null);
    }

    /**
     * Adds query parameters to a URI that may already have some.
     *
     * @param uri the URI
     * @param params the parameters, encoded here
     * @return the URI
     */
    public static String append(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri);
        char sep = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            out.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }

    /**
     * The first value of a parameter.
     *
     * @param params the parameters
     * @param name the name
     * @return the value, empty when absent
     */
    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
