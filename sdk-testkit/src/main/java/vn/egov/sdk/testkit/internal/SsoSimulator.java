package vn.egov.sdk.testkit.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The national SSO identity provider (Cổng DVCQG's WSO2, federating VNeID) under {@code /sso/}, WSO2-shaped paths:
 * discovery, JWKS, authorize with a real login page, token, userinfo, introspect, validatetoken, logout, and a test
 * API under {@code /sso/_test/} that answers the login page without a browser. The issuer is
 * {@code {baseUrl}/sso}. Signs with Nimbus, never with the SDK's identity code. Thread-safe.
 */
public final class SsoSimulator implements Simulator {

    /** The prefix. */
    public static final String PREFIX = "/sso/";
    /** The authorization endpoint's path. */
    public static final String AUTHORIZE_PATH = "/sso/oauth2/authorize";
    /** The default test client's id. */
    public static final String DEFAULT_CLIENT_ID = "sandbox-sso-client";
    /** The default test client's secret (a public test value). */
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-sso-secret";
    /** The default test client's redirect URI. */
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/login/callback";
    /** The default test client's post-logout redirect URI. */
    public static final String DEFAULT_POST_LOGOUT_URI = "http://localhost:8080/";

    private final Clock clock;
    private final SsoClients clients = new SsoClients();
    private final SsoState state = new SsoState();
    private final SsoKeys keys;
    private final SsoAuthorize authorize;
    private final SsoTokenEndpoint token;
    private final SsoResources resources;
    private final SsoLogout logout;
    private final SsoTestApi testApi;
    private volatile String baseUrl;

    /**
     * A simulator with the default test client registered.
     *
     * @param clock the sandbox clock
     */
    public SsoSimulator(Clock clock) {
        this.clock = clock;
        this.keys = new SsoKeys(clock);
        this.authorize = new SsoAuthorize(clients, state, clock);
        this.token = new SsoTokenEndpoint(clients, state, new SsoIdTokens(keys), clock);
        this.resources = new SsoResources(clients, state, clock);
        this.logout = new SsoLogout(clients, state, keys);
        this.testApi = new SsoTestApi(this);
        clients.register(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, List.of(DEFAULT_REDIRECT_URI));
        clients.addPostLogoutUri(DEFAULT_CLIENT_ID, DEFAULT_POST_LOGOUT_URI);
    }

    /**
     * Fixes the sandbox's base URL once it listens, so the issuer no longer follows the {@code Host} header.
     *
     * @param url the base URL, without a trailing slash
     */
    public void bind(String url) {
        this.baseUrl = url;
    }

    /**
     * The issuer.
     *
     * @param request the request being answered, for its {@code Host} before {@link #bind}
     * @return {@code {baseUrl}/sso}
     */
    public String issuer(SimRequest request) {
        String url = baseUrl;
        return (url != null ? url : "http://" + request.header("Host").orElse("127.0.0.1")) + "/sso";
    }

    /**
     * The issuer once bound.
     *
     * @return {@code {baseUrl}/sso}
     */
    public String issuer() {
        return baseUrl + "/sso";
    }

    /**
     * The registered clients.
     *
     * @return the registry
     */
    public SsoClients clients() {
        return clients;
    }

    /**
     * The signing keys.
     *
     * @return the keys
     */
    public SsoKeys keys() {
        return keys;
    }

    /**
     * What the simulator holds between requests.
     *
     * @return the state
     */
    public SsoState state() {
        return state;
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String issuer = issuer(request);
        String path = request.path();
        if (path.startsWith(SsoTestApi.PREFIX)) {
            return testApi.handle(request, issuer);
        }
        return switch (path) {
            case "/sso/.well-known/openid-configuration" -> get(request) ? SimResponse.json(200,
                    SsoDiscovery.document(issuer)) : notAllowed("GET");
            case "/sso/oauth2/jwks" -> get(request) ? new SimResponse(200, Map.of("Content-Type",
                    "application/jwk-set+json", "Cache-Control", "max-age=300"),
                    keys.jwksJson().getBytes(StandardCharsets.UTF_8)) : notAllowed("GET");
            case AUTHORIZE_PATH -> authorize(request, issuer);
            case SsoPages.COMMONAUTH_PATH -> request.isMethod("POST") ? authorize.commonauth(request.form(), issuer)
                    : notAllowed("POST");
            case "/sso/oauth2/token" -> token.handle(request, issuer);
            case "/sso/oauth2/userinfo" -> resources.userInfo(request, issuer);
            case "/sso/oauth2/introspect" -> resources.introspect(request, issuer);
            case "/sso/oauth2/validatetoken" -> resources.validateToken(request);
            case "/sso/oidc/logout" -> logout.handle(request, issuer);
            case "/sso/vneid/profile" -> SsoPages.profile();
            default -> SimResponse.error(404, "not_found", "no SSO endpoint at " + path
                    + "; GET /sso/.well-known/openid-configuration lists them");
        };
    }

    /** Forgets login requests, sessions, codes, tokens and armed misbehaviours; clients and keys stay. */
    @Override
    public void reset() {
        state.clear();
    }

    /**
     * Answers the login page for an authorization URL as if a user had picked a test user and consented.
     *
     * @param authorizationUrl the full authorization URL a relying party built
     * @param user who logs in
     * @param deny whether the user presses "Deny" instead
     * @return the URI the browser would be redirected to (with {@code code}, {@code state} and {@code iss}, or an
     *         OAuth {@code error})
     * @throws ValidationException when the URL is not this provider's authorization endpoint, or its client or
     *         redirect URI is wrong (the login page would show an error and redirect nowhere)
     */
    public String login(String authorizationUrl, SsoTestUser user, boolean deny) {
        URI uri;
        try {
            uri = URI.create(ValidationException.requireText(authorizationUrl, "SsoSandbox.authorizationUrl"));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("uri", "SsoSandbox.authorizationUrl", "not a URI");
        }
        if (uri.getRawPath() == null || !uri.getRawPath().endsWith(AUTHORIZE_PATH)) {
            throw ValidationException.of("endpoint", "SsoSandbox.authorizationUrl",
                    "the URL must point at the sandbox's " + AUTHORIZE_PATH);
        }
        String issuer = baseUrl == null ? uri.getScheme() + "://" + uri.getRawAuthority() + "/sso" : issuer();
        SsoAuthorize.Checked checked = authorize.check(query(uri.getRawQuery()), issuer);
        if (checked.page() != null) {
            throw ValidationException.of("authorization.request", "SsoSandbox.authorizationUrl",
                    "the login page refuses this request: " + errorText(checked.page()));
        }
        if (checked.redirect() != null) {
            return checked.redirect();
        }
        SsoState.AuthRequest request = state.takeRequest(checked.request().id(), clock.instant()).orElseThrow();
        if (deny) {
            return authorize.deny(request, issuer);
        }
        return authorize.complete(request, state.startSession(user, clock.instant()), issuer);
    }

    private SimResponse authorize(SimRequest request, String issuer) {
        if (!get(request) && !request.isMethod("POST")) {
            return notAllowed("GET, POST");
        }
        SsoAuthorize.Checked checked = authorize.check(request.isMethod("POST") ? request.form() : request.query(),
                issuer);
        if (checked.page() != null) {
            return checked.page();
        }
        if (checked.redirect() != null) {
            return SsoAuthorize.found(checked.redirect());
        }
        return SsoPages.login(checked.request(), SsoTestUser.ALL, "");
    }

    private static String errorText(SimResponse page) {
        String html = page.bodyText();
        int start = html.indexOf("<p id=\"error-description\">");
        int end = html.indexOf("</p>", Math.max(start, 0));
        return start < 0 || end < 0 ? "error" : html.substring(start + 26, end).replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    }

    /**
     * Decodes a raw query string.
     *
     * @param raw the query, or {@code null}
     * @return the parameters in order
     * @throws ValidationException when a {@code %}-escape is malformed
     */
    public static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        try {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("query", "SsoSandbox.authorizationUrl", "the query has a malformed %-escape");
        }
        return out;
    }

    private static boolean get(SimRequest request) {
        return request.isMethod("GET") || request.isMethod("HEAD");
    }

    private static SimResponse notAllowed(String allowed) {
        return SimResponse.error(405, "invalid_request", "use " + allowed).withHeader("Allow", allowed);
    }
}
