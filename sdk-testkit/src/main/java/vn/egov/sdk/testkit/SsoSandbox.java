package vn.egov.sdk.testkit;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.SsoSimulator;

/**
 * The sandbox's national SSO identity provider under {@code /sso/} (the Cổng DVCQG login, WSO2-shaped, federating
 * VNeID), from {@link NationalSandbox#sso()}. Issuer {@code {baseUrl}/sso}; endpoints:
 * <ul>
 *   <li>{@code GET /sso/.well-known/openid-configuration} and {@code GET /sso/oauth2/jwks} (RSA 2048, with
 *       {@code kid});</li>
 *   <li>{@code GET /sso/oauth2/authorize}: a real HTML login page (one button per {@linkplain #testUsers() test
 *       user}, a custom user, consent, "Từ chối / Deny"), which posts to {@code /sso/commonauth} and then redirects
 *       with {@code code}, {@code state} and {@code iss}. Only registered clients and exact registered redirect URIs;
 *       {@code response_type=code}; the {@code openid} scope; PKCE S256 when sent ({@code plain} refused);</li>
 *   <li>{@code POST /sso/oauth2/token}: {@code authorization_code} and {@code refresh_token} (rotating), with
 *       {@code client_secret_post} or {@code client_secret_basic}; the ID token is RS256 with {@code iss},
 *       {@code sub}, {@code aud}, {@code azp}, {@code exp}, {@code iat}, {@code auth_time}, {@code nonce} (when
 *       sent), {@code acr}, {@code sid} and {@code at_hash};</li>
 *   <li>{@code GET /sso/oauth2/userinfo} (Bearer), {@code POST /sso/oauth2/introspect} (RFC 7662),
 *       {@code POST /sso/oauth2/validatetoken} (the DVCQG token check) and {@code GET /sso/oidc/logout};</li>
 *   <li>{@code /sso/_test/}: the same test actions as this handle, for curl.</li>
 * </ul>
 * The default client is {@value #DEFAULT_CLIENT_ID} / {@value #DEFAULT_CLIENT_SECRET} with redirect URI
 * {@value #DEFAULT_REDIRECT_URI} (public test values). Break the JWKS or slow the token endpoint with the sandbox's
 * {@link NationalSandbox#faults() fault presets} on {@code /sso/oauth2/jwks} and {@code /sso/oauth2/token}.
 * {@link NationalSandbox#reset()} forgets login requests, sessions, codes, tokens and armed misbehaviours; clients
 * and keys stay.
 *
 * <pre>{@code
 * String location = sandbox.sso().login(authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
 * // location = redirect_uri?code=...&state=...&iss=...: hand it to the relying party's callback
 * }</pre>
 */
public final class SsoSandbox {

    /** The default test client's id. */
    public static final String DEFAULT_CLIENT_ID = SsoSimulator.DEFAULT_CLIENT_ID;
    /** The default test client's secret (a public test value). */
    public static final String DEFAULT_CLIENT_SECRET = SsoSimulator.DEFAULT_CLIENT_SECRET;
    /** The default test client's registered redirect URI. */
    public static final String DEFAULT_REDIRECT_URI = SsoSimulator.DEFAULT_REDIRECT_URI;
    /** The default test client's registered post-logout redirect URI. */
    public static final String DEFAULT_POST_LOGOUT_REDIRECT_URI = SsoSimulator.DEFAULT_POST_LOGOUT_URI;

    private final SsoSimulator simulator;
    private final String baseUrl;

    SsoSandbox(SsoSimulator simulator, String baseUrl) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.baseUrl = baseUrl;
    }

    /**
     * The issuer, also the base of every SSO endpoint.
     *
     * @return {@code baseUrl + "/sso"}
     */
    public String issuer() {
        return baseUrl + "/sso";
    }

    /**
     * The discovery document's URL.
     *
     * @return {@code issuer() + "/.well-known/openid-configuration"}
     */
    public String discoveryUrl() {
        return issuer() + "/.well-known/openid-configuration";
    }

    /**
     * The JWKS URL.
     *
     * @return {@code issuer() + "/oauth2/jwks"}
     */
    public String jwksUrl() {
        return issuer() + "/oauth2/jwks";
    }

    /**
     * Registers a relying party (or replaces its secret and redirect URIs). Clients survive {@link NationalSandbox#reset()}.
     *
     * @param clientId the client id, not blank
     * @param clientSecret its secret, not blank
     * @param redirectUris the redirect URIs, matched exactly, at least one
     * @return this handle
     */
    public SsoSandbox registerClient(String clientId, String clientSecret, String... redirectUris) {
        ValidationException.requireText(clientId, "SsoSandbox.clientId");
        ValidationException.requireText(clientSecret, "SsoSandbox.clientSecret");
        ValidationException.requireNonNull(redirectUris, "SsoSandbox.redirectUris");
        if (redirectUris.length == 0) {
            throw ValidationException.of("required", "SsoSandbox.redirectUris", "register at least one redirect URI");
        }
        for (int i = 0; i < redirectUris.length; i++) {
            requireAbsolute(redirectUris[i], "SsoSandbox.redirectUris[" + i + "]");
        }
        simulator.clients().register(clientId, clientSecret, Arrays.asList(redirectUris));
        return this;
    }

    /**
     * Registers a post-logout redirect URI for a client (its redirect URIs are accepted as well).
     *
     * @param clientId a registered client
     * @param uri the exact URI
     * @return this handle
     * @throws ValidationException when the client is not registered
     */
    public SsoSandbox registerPostLogoutRedirectUri(String clientId, String uri) {
        ValidationException.requireText(clientId, "SsoSandbox.clientId");
        requireAbsolute(uri, "SsoSandbox.postLogoutRedirectUri");
        if (!simulator.clients().addPostLogoutUri(clientId, uri)) {
            throw ValidationException.of("unknown", "SsoSandbox.clientId", "no SSO client " + clientId
                    + " is registered");
        }
        return this;
    }

    /**
     * The predefined test users, as the login page lists them.
     *
     * @return {@link SsoTestUser#ALL}
     */
    public List<SsoTestUser> testUsers() {
        return SsoTestUser.ALL;
    }

    /**
     * Answers the login page without a browser: the user picks {@code user} and consents. {@code POST
     * /sso/_test/login} does the same over HTTP.
     *
     * @param authorizationUrl the authorization URL the relying party built (any host, path
     *        {@code /sso/oauth2/authorize})
     * @param user who logs in: a {@linkplain #testUsers() test user} or {@link SsoTestUser#custom}
     * @return the URI the browser would have been sent to: the redirect URI with {@code code}, {@code state} and
     *         {@code iss}, or with an OAuth {@code error} when the request breaks a rule that is reported to the client
     * @throws ValidationException when the URL is not the sandbox's authorization endpoint, or names an unknown
     *         client or an unregistered redirect URI (the page would show an error and redirect nowhere)
     */
    public URI login(String authorizationUrl, SsoTestUser user) {
        ValidationException.requireNonNull(user, "SsoSandbox.user");
        return URI.create(simulator.login(authorizationUrl, user, false));
    }

    /**
     * Answers the login page with "Từ chối / Deny".
     *
     * @param authorizationUrl the authorization URL
     * @return the redirect URI with {@code error=access_denied}
     * @throws ValidationException as {@link #login(String, SsoTestUser)}
     */
    public URI deny(String authorizationUrl) {
        return URI.create(simulator.login(authorizationUrl, SsoTestUser.ALL.get(0), true));
    }

    /**
     * Gets the next token response's ID token wrong on purpose, a code exchange's or a refresh's (once;
     * {@link NationalSandbox#reset()} disarms).
     * {@code POST /sso/_test/next-id-token} does the same.
     *
     * @param misbehaviours what to get wrong, at least one
     * @return this handle
     */
    public SsoSandbox nextIdToken(SsoMisbehaviour... misbehaviours) {
        ValidationException.requireNonNull(misbehaviours, "SsoSandbox.misbehaviours");
        if (misbehaviours.length == 0) {
            throw ValidationException.of("required", "SsoSandbox.misbehaviours", "name at least one misbehaviour");
        }
        EnumSet<SsoMisbehaviour> set = EnumSet.noneOf(SsoMisbehaviour.class);
        for (int i = 0; i < misbehaviours.length; i++) {
            set.add(ValidationException.requireNonNull(misbehaviours[i], "SsoSandbox.misbehaviours[" + i + "]"));
        }
        simulator.state().arm(set);
        return this;
    }

    /**
     * Makes a new signing key current; the old one stays in the JWKS for an hour of sandbox time, so tokens it
     * signed still verify ({@code POST /sso/_test/rotate-keys}).
     *
     * @return the new key's {@code kid}
     */
    public String rotateKeys() {
        return simulator.keys().rotate();
    }

    /** Stops publishing the keys {@link #rotateKeys()} retired ({@code POST /sso/_test/drop-old-keys}). */
    public void dropOldKeys() {
        simulator.keys().dropOld();
    }

    /**
     * The {@code kid} of the key that signs now.
     *
     * @return the key id
     */
    public String currentKeyId() {
        return simulator.keys().current().getKeyID();
    }

    /**
     * The JWKS the provider publishes now (public keys only), for a validator configured with a fixed key set.
     *
     * @return the JSON
     */
    public String jwksJson() {
        return simulator.keys().jwksJson();
    }

    /**
     * The kids the JWKS publishes now, the current one last.
     *
     * @return the key ids
     */
    public List<String> publishedKeyIds() {
        return simulator.keys().publishedKeys().stream().map(RSAKey::getKeyID).toList();
    }

    /**
     * How many login sessions are live (logged in, not logged out, since the last reset).
     *
     * @return the count
     */
    public int activeSessions() {
        return simulator.state().sessionCount();
    }

    @Override
    public String toString() {
        return "SsoSandbox[" + issuer() + "]";
    }

    private static void requireAbsolute(String uri, String path) {
        ValidationException.requireText(uri, path);
        try {
            if (!URI.create(uri).isAbsolute()) {
                throw ValidationException.of("absolute", path, "the URI must be absolute, was " + uri);
            }
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("uri", path, "not a URI: " + uri);
        }
    }
}
