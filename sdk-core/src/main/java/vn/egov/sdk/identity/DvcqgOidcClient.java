package vn.egov.sdk.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.AccessTokenHash;
import vn.egov.sdk.identity.internal.LoginSecrets;
import vn.egov.sdk.identity.internal.LogoutUrls;
import vn.egov.sdk.identity.internal.RefreshedIdTokenCheck;
import vn.egov.sdk.identity.internal.UnsignedIdTokenCheck;
import vn.egov.sdk.identity.internal.UrlQuery;

/**
 * Logs citizens, enterprises and organisations in through the national SSO (Cổng DVCQG, which federates citizens to
 * VNeID) or any OpenID Connect provider, with the authorization-code flow done safely by default. Thread-safe and
 * {@link AutoCloseable}; build one per provider and registration and share it.
 *
 * <pre>{@code
 * DvcqgOidcClient sso = DvcqgOidcClient.builder()
 *         .provider(OidcProvider.dvcqgProduction())
 *         .clientId("my-portal").clientSecret(Secret.of(secretFromVault))
 *         .redirectUri("https://dichvucong.example.gov.vn/sso/callback")
 *         .identityPolicy(IdentityPolicy.builder().minimumIal(2).build())
 *         .build();
 * // "Log in": redirect the browser
 * LoginStart start = sso.startLogin("/ho-so");
 * // set start.setCookieHeader(), redirect to start.authorizationUrl()
 * // the callback
 * LoginResult login = sso.completeLogin(request.getQueryString(), bindingCookieValue);
 * AccountKey key = login.identity().accountKey();
 * }</pre>
 *
 * <h2>What a login does</h2>
 * <ol>
 *   <li>{@link #startLogin(String)}: checks the return path against the {@link ReturnPathPolicy}; makes a random
 *       {@code state} and {@code nonce} (32 bytes each) and a PKCE S256 verifier (32 bytes); keeps them with the
 *       return path in the {@link PendingLoginStore} (never in {@code state}), which returns the browser-binding
 *       value; builds the authorization URL with {@code acr_values} (LoA1 by default).</li>
 *   <li>{@link #completeLogin(String, String)}: parses the callback strictly ({@link LoginCallback}); refuses an
 *       {@code iss} parameter other than the provider's issuer (RFC 9207); takes the pending login by
 *       {@code state} and binding, once ({@link LoginStateException} otherwise); turns a provider's error into a
 *       {@link LoginProviderException} ({@link LoginProviderException#accessDenied()} when the user refused);
 *       exchanges the code with the verifier and the client's authentication; checks the ID token; fetches userinfo
 *       and refuses one whose {@code sub} differs from the ID token's; reads the {@link DvcqgIdentity}; applies the
 *       {@link IdentityPolicy}.</li>
 * </ol>
 *
 * <h2>How the ID token is checked</h2>
 * With a JWKS (the provider's {@code jwks_uri}, or {@link DvcqgOidcClientBuilder#jwks(JwksSource)}), by
 * {@link IdTokenValidator}: signature with an allow-listed algorithm, issuer, audience, authorized party, times with
 * the clock skew, nonce ({@link IdTokenVerification#SIGNATURE}); and in every mode, an {@code at_hash} claim must
 * match the access token (OpenID Connect Core §3.1.3.8). The DVCQG SSO publishes no JWKS: then the same claim
 * rules are applied to the ID token received directly from the token endpoint over TLS (OpenID Connect Core
 * §3.1.3.7 point 6; {@code alg none} is still refused), and the access token is confirmed by the provider's
 * token-validation call, or else its introspection endpoint ({@link IdTokenVerification#PROVIDER_CALL}); with
 * neither, only the claim rules hold ({@link IdTokenVerification#TLS_ONLY}). Both fallbacks are weaker than a
 * signature check: configure the JWKS as soon as the operator publishes it.
 *
 * <h2>HTTP</h2>
 * Every call goes through the SDK's HTTP runtime with the builder's {@link vn.egov.sdk.core.http.ClientSettings}
 * (defaults: 5 s connect, 10 s read, a 30 s deadline, 256 KiB answers). The code exchange and the refresh are never
 * repeated once they may have reached the provider (a code and a rotating refresh token work once); userinfo,
 * introspection and validation are. No token, code, secret or verifier appears in a log line, a {@code toString} or
 * an exception message.
 */
public final class DvcqgOidcClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DvcqgOidcClient.class);
    private static final int RANDOM_BYTES = 32;
    private static final long COOKIE_MAX_AGE_SECONDS = 600;

    private final OidcProvider provider;
    private final String clientId;
    private final String redirectUri;
    private final String scope;
    private final List<String> acrValues;
    private final PendingLoginStore store;
    private final ReturnPathPolicy returnPaths;
    private final IdentityPolicy identityPolicy;
    private final Clock clock;
    private final ProviderCalls calls;
    private final JwksSource ownedJwks;
    private final IdTokenValidator validator;
    private final UnsignedIdTokenCheck unsignedCheck;
    private final IdTokenVerification verification;
    private final String description;

    DvcqgOidcClient(DvcqgOidcClientBuilder b) {
        this.provider = b.provider;
        this.clientId = b.clientId;
        this.redirectUri = b.redirectUri;
        this.scope = String.join(" ", b.scopes);
        this.acrValues = List.copyOf(b.acrValues);
        this.clock = b.clock != null ? b.clock : b.settings.clock();
        this.store = b.store != null ? b.store : InMemoryPendingLoginStore.builder().clock(clock).build();
        this.returnPaths = b.returnPaths;
        this.identityPolicy = b.identityPolicy;
        this.ownedJwks = b.jwks == null && provider.jwksUri().isPresent()
                ? JwksSource.builder().url(provider.jwksUri().get().toString()).settings(b.settings).clock(clock)
                        .build()
                : null;
        JwksSource jwks = b.jwks != null ? b.jwks : ownedJwks;
        try {
            this.validator = jwks == null ? null : IdTokenValidator.builder().issuer(provider.issuer())
                    .clientId(clientId).jwks(jwks).allowedAlgorithms(b.idTokenAlgorithms).clockSkew(b.clockSkew)
                    .clock(clock).build();
        } catch (ValidationException e) {
            if (ownedJwks != null) {
                ownedJwks.close();
            }
            throw e;
        }
        this.unsignedCheck = new UnsignedIdTokenCheck(provider.issuer(), clientId, b.clockSkew, clock,
                IdTokenValidator.MAX_TOKEN_LENGTH);
        this.verification = validator != null ? IdTokenVerification.SIGNATURE
                : provider.validateTokenEndpoint().isPresent() || provider.introspectionEndpoint().isPresent()
                        ? IdTokenVerification.PROVIDER_CALL : IdTokenVerification.TLS_ONLY;
        if (verification != IdTokenVerification.SIGNATURE) {
            LOG.warn("the provider {} publishes no JWKS: ID tokens are checked as {} (weaker than a signature check)",
                    provider.issuer(), verification);
        }
        this.calls = new ProviderCalls(provider, clientId, b.clientSecret, b.authMethod, b.settings, clock);
        this.description = "DvcqgOidcClient[issuer=" + provider.issuer() + ", clientId=" + clientId + ", auth="
                + b.authMethod + ", redirectUri=" + redirectUri + ", scope=" + scope + ", acr=" + acrValues
                + ", verification=" + verification + ", clientSecret=****]";
    }

    /**
     * A builder; provider, client id, client secret and redirect URI are required.
     *
     * @return the builder
     */
    public static DvcqgOidcClientBuilder builder() {
        return new DvcqgOidcClientBuilder();
    }

    /**
     * Starts a login: see the class documentation.
     *
     * @param returnPath where to send the browser after the login: a path on this site ({@code /ho-so}) or a URL of an
     *        allowed origin
     * @return the authorization URL and the browser binding
     * @throws ValidationException if the return path is not allowed (nothing is stored)
     */
    public LoginStart startLogin(String returnPath) {
        String checked = returnPaths.check(returnPath);
        String state = LoginSecrets.random(RANDOM_BYTES);
        String nonce = LoginSecrets.random(RANDOM_BYTES);
        String verifier = LoginSecrets.random(RANDOM_BYTES);
        Instant now = clock.instant();
        String binding = store.save(new PendingLogin(state, nonce, verifier, redirectUri, checked, acrValues, now));
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri);
        q.put("scope", scope);
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", LoginSecrets.challenge(verifier));
        q.put("code_challenge_method", "S256");
        q.put("acr_values", acrValues.isEmpty() ? null : String.join(" ", acrValues));
        URI url = UrlQuery.append(provider.authorizationEndpoint(), q);
        long maxAge = store instanceof CookiePendingLoginStore c ? c.ttl().toSeconds()
                : store instanceof InMemoryPendingLoginStore m ? m.ttl().toSeconds() : COOKIE_MAX_AGE_SECONDS;
        return new LoginStart(url, state, binding, maxAge);
    }

    /**
     * Finishes a login at the callback: see the class documentation.
     *
     * @param callbackQueryOrUri the callback's query string or whole URL, as received
     * @param browserBinding the value of the binding cookie set at {@link #startLogin(String)}
     * @return the login: tokens, ID-token claims, identity, return path
     * @throws ValidationException if an argument is null
     * @throws LoginCallbackException if the callback is malformed or names another issuer
     * @throws LoginStateException if the state is unknown, expired, used, tampered with, or from another browser
     * @throws LoginProviderException if the provider answered an error (in the redirect or from an endpoint)
     * @throws IdTokenException if the ID token is refused (without a JWKS, also when the provider's token check does
     *         not confirm the access token: {@link IdTokenFailure#BAD_SIGNATURE})
     * @throws UserInfoFormatException if userinfo is unreadable or names another subject than the ID token
     * @throws IdentityPolicyException if the identity breaks the identity policy
     * @throws vn.egov.sdk.core.EgovException the HTTP runtime's typed errors (deadline, network)
     */
    public LoginResult completeLogin(String callbackQueryOrUri, String browserBinding) {
        ValidationException.requireNonNull(callbackQueryOrUri, "DvcqgOidcClient.callback");
        ValidationException.requireNonNull(browserBinding, "DvcqgOidcClient.browserBinding");
        LoginCallback callback = LoginCallback.parse(callbackQueryOrUri);
        if (callback.issuer().isPresent() && !callback.issuer().get().equals(provider.issuer())) {
            throw new LoginCallbackException(LoginCallbackException.Reason.WRONG_ISSUER, "iss", "the callback comes "
                    + "from the issuer '" + vn.egov.sdk.core.internal.Redactor.printable(callback.issuer().get(), 200)
                    + "', not '" + provider.issuer() + "' (RFC 9207: a mix-up, or a response meant for another "
                    + "provider)");
        }
        PendingLogin pending = store.take(callback.state(), browserBinding);
        if (callback.isError()) {
            throw LoginProviderException.fromRedirect(callback.error().get(), callback.errorDescription().orElse(null));
        }
        TokenSet tokens = calls.exchangeCode(callback.code().get(), pending.redirectUri(), pending.codeVerifier());
        IdTokenClaims claims = checkIdToken(tokens, pending.nonce());
        DvcqgIdentity identity = identity(tokens.accessToken()).requireSubject(claims.subject());
        identityPolicy.check(identity);
        return new LoginResult(tokens, claims, identity, pending.returnPath(), verification);
    }

    private IdTokenClaims checkIdToken(TokenSet tokens, String nonce) {
        String idToken = tokens.idToken().map(Secret::reveal).orElseThrow(() -> IdTokenException.of(
                IdTokenFailure.MALFORMED, "id_token", "the token response has no id_token (the openid scope was "
                        + "requested)"));
        if (validator != null) {
            return withAccessToken(validator.validate(idToken, nonce), idToken, tokens);
        }
        JWTClaimsSet set = unsignedCheck.check(idToken, nonce);
        if (verification == IdTokenVerification.PROVIDER_CALL && !providerConfirms(tokens.accessToken())) {
            throw IdTokenException.of(IdTokenFailure.BAD_SIGNATURE, null, "the provider's token check does not "
                    + "confirm the access token issued with this ID token (inactive, another client, or expired)");
        }
        return withAccessToken(new IdTokenClaims(set), idToken, tokens);
    }

    private static IdTokenClaims withAccessToken(IdTokenClaims claims, String idToken, TokenSet tokens) {
        claims.stringClaim("at_hash").ifPresent(h -> AccessTokenHash.check(idToken, h,
                tokens.accessToken().reveal()));
        return claims;
    }

    private boolean providerConfirms(Secret accessToken) {
        try {
            return confirms(provider.validateTokenEndpoint().isPresent() ? calls.validateToken(accessToken)
                    : calls.introspect(accessToken));
        } catch (LoginProviderException e) {
            if ("invalid_token".equals(e.error())) {
                return false;
            }
            throw e;
        }
    }

    private boolean confirms(TokenIntrospection answer) {
        return answer.active() && answer.clientId().map(clientId::equals).orElse(false)
                && answer.expiresAt().map(e -> e.isAfter(clock.instant())).orElse(true);
    }

    private DvcqgIdentity identity(Secret accessToken) {
        return DvcqgIdentity.fromUserInfo(calls.userInfo(accessToken));
    }

    /**
     * Exchanges a refresh token for new tokens ({@code grant_type=refresh_token}). A provider that rotates refresh
     * tokens (WSO2 does) returns a new one: keep it, the old one is spent. An ID token in the answer is returned as
     * is, not checked (it carries no nonce).
     *
     * @param refreshToken the refresh token
     * @return the new tokens
     * @throws ValidationException if the token is null
     * @throws LoginProviderException if the provider refuses ({@code invalid_grant} for a used, expired or revoked
     *         token)
     */
    public TokenSet refresh(Secret refreshToken) {
        return calls.refresh(ValidationException.requireNonNull(refreshToken, "DvcqgOidcClient.refreshToken"));
    }

    /**
     * Like {@link #refresh(Secret)}, and an ID token in the answer must belong to the same login (OpenID Connect Core
     * §12.2): the login's issuer and subject, the client id among its audiences, a nonce, if any, the login's. With a
     * JWKS ({@link IdTokenVerification#SIGNATURE}) it is validated like a login's, signature and times included
     * ({@link IdTokenValidator#validateRefreshed}); without one ({@code PROVIDER_CALL}, {@code TLS_ONLY}) only those
     * claims, and that it is not {@code alg none}, are checked on the answer received directly over TLS.
     *
     * @param refreshToken the refresh token
     * @param login the login's ID-token claims ({@link LoginResult#idToken()})
     * @return the new tokens
     * @throws ValidationException if an argument is null
     * @throws LoginProviderException if the provider refuses
     * @throws IdTokenException if the refreshed ID token is refused; {@link IdTokenException#failure()} says why
     */
    public TokenSet refresh(Secret refreshToken, IdTokenClaims login) {
        ValidationException.requireNonNull(login, "DvcqgOidcClient.login");
        TokenSet tokens = refresh(refreshToken);
        Optional<String> idToken = tokens.idToken().map(Secret::reveal);
        if (validator != null) {
            idToken.ifPresent(t -> validator.validateRefreshed(t, login));
        } else {
            idToken.ifPresent(t -> RefreshedIdTokenCheck.check(t, provider.issuer(), clientId, login.subject(),
                    login.nonce(), IdTokenValidator.MAX_TOKEN_LENGTH));
        }
        return tokens;
    }

    /**
     * Reads the identity of an access token's user from userinfo.
     *
     * @param accessToken the access token
     * @return the identity
     * @throws ValidationException if the token is null
     * @throws LoginProviderException if the provider refuses the token ({@code invalid_token})
     * @throws UserInfoFormatException if the answer is not a national SSO identity
     */
    public DvcqgIdentity userInfo(Secret accessToken) {
        return identity(ValidationException.requireNonNull(accessToken, "DvcqgOidcClient.accessToken"));
    }

    /**
     * Asks the provider's introspection endpoint (RFC 7662) about a token, with the client's authentication.
     *
     * @param token an access or refresh token
     * @return the answer; {@link TokenIntrospection#active()} false for a dead token
     * @throws ValidationException if the token is null or the provider has no introspection endpoint
     * @throws LoginProviderException if the provider refuses the request
     */
    public TokenIntrospection introspect(Secret token) {
        return calls.introspect(ValidationException.requireNonNull(token, "DvcqgOidcClient.token"));
    }

    /**
     * The DVCQG token check (POST {@code token=…&state=0} with the token as Bearer): true when the provider answers
     * for this client id with an {@code exp} in the future, as DVCQG clients accept it.
     *
     * @param accessToken the access token
     * @return whether the provider confirms the token; false when it calls it inactive or invalid
     * @throws ValidationException if the token is null or the provider has no token-validation endpoint
     * @throws LoginProviderException if the provider fails otherwise
     */
    public boolean validateToken(Secret accessToken) {
        ValidationException.requireNonNull(accessToken, "DvcqgOidcClient.accessToken");
        if (provider.validateTokenEndpoint().isEmpty()) {
            throw ValidationException.of("provider.validateToken", "DvcqgOidcClient.provider.validateTokenEndpoint",
                    "the provider has no token-validation endpoint; configure one on the OidcProvider");
        }
        return providerConfirms(accessToken);
    }

    /**
     * The URL to send the browser to for logging out at the provider: its end-session endpoint with
     * {@code id_token_hint} (or {@code client_id} without one), {@code post_logout_redirect_uri} and {@code state}, or
     * else the provider's logout URL template filled with them.
     *
     * @param idTokenHint the ID token of the session ({@link TokenSet#idToken()}), or null to send {@code client_id}
     * @param postLogoutRedirect where the provider sends the browser afterwards (registered there), or null
     * @param state a value the provider passes back, or null
     * @return the URL
     * @throws ValidationException if the provider has neither an end-session endpoint nor a logout template
     */
    public URI logoutUrl(String idTokenHint, URI postLogoutRedirect, String state) {
        return LogoutUrls.build(provider.endSessionEndpoint(), provider.logoutUrlTemplate(), clientId, idTokenHint,
                postLogoutRedirect, state);
    }

    /**
     * The VNeID logout URL of a VNeID login ({@code logoutUri} in userinfo, on the Ministry of Public Security's
     * SSO), for ending that session too.
     *
     * @param identity the identity of the login
     * @return the URL, or empty when the login did not come through VNeID or the value is not an http(s) URL
     * @throws ValidationException if the identity is null
     */
    public Optional<URI> vneidLogoutUrl(DvcqgIdentity identity) {
        ValidationException.requireNonNull(identity, "DvcqgOidcClient.identity");
        return identity.vneid().flatMap(VneidInfo::logoutUri).flatMap(LogoutUrls::httpUri);
    }

    /**
     * The provider this client logs in with.
     *
     * @return the provider
     */
    public OidcProvider provider() {
        return provider;
    }

    /**
     * How this client checks ID tokens, decided by what the provider publishes.
     *
     * @return the verification
     */
    public IdTokenVerification verification() {
        return verification;
    }

    /** Releases the HTTP runtime and the JWKS source this client created. */
    @Override
    public void close() {
        calls.close();
        if (ownedJwks != null) {
            ownedJwks.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
