package vn.egov.sdk.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.internal.HttpUrls;
import vn.egov.sdk.identity.internal.ProviderDiscovery;

/**
 * An OpenID Connect identity provider as a login client sees it: its issuer identifier and its endpoints. Immutable
 * and thread-safe; change one with {@link #toBuilder()}.
 *
 * <p>Three ways to get one:
 * <ul>
 *   <li>the national presets {@link #dvcqgProduction()} and {@link #dvcqgTest()} (the Cổng DVCQG SSO, a WSO2 Identity
 *       Server), with the paths public DVCQG clients use;</li>
 *   <li>{@link #discover(String, ClientSettings)}, which reads the provider's
 *       {@code /.well-known/openid-configuration};</li>
 *   <li>{@link #builder()} for any other provider.</li>
 * </ul>
 *
 * <p>The required endpoints are authorization, token and userinfo. The others are optional: the JWKS (without it, a
 * login client cannot check an ID token's signature and falls back to the weaker checks described on
 * {@link DvcqgOidcClient}), introspection (RFC 7662), the DVCQG token-validation call, and the end-session (logout)
 * endpoint or, where the provider's logout URL is known only as a template, a logout URL template.
 */
public final class OidcProvider {
    /** The production DVCQG SSO host. */
    public static final String DVCQG_PRODUCTION_HOST = "https://xacthuc.dichvucong.gov.vn";
    /** The national test SSO host. */
    public static final String DVCQG_TEST_HOST = "https://testxacthuc.dichvucong.gov.vn";

    private final String issuer;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI userInfoEndpoint;
    private final Optional<URI> jwksUri;
    private final Optional<URI> introspectionEndpoint;
    private final Optional<URI> validateTokenEndpoint;
    private final Optional<URI> endSessionEndpoint;
    private final Optional<String> logoutUrlTemplate;

    private OidcProvider(Builder b) {
        this.issuer = b.issuer;
        this.authorizationEndpoint = URI.create(b.authorization);
        this.tokenEndpoint = URI.create(b.token);
        this.userInfoEndpoint = URI.create(b.userInfo);
        this.jwksUri = Optional.ofNullable(b.jwks).map(URI::create);
        this.introspectionEndpoint = Optional.ofNullable(b.introspection).map(URI::create);
        this.validateTokenEndpoint = Optional.ofNullable(b.validateToken).map(URI::create);
        this.endSessionEndpoint = Optional.ofNullable(b.endSession).map(URI::create);
        this.logoutUrlTemplate = Optional.ofNullable(b.logoutTemplate);
    }

    /**
     * The production Cổng DVCQG SSO ({@value #DVCQG_PRODUCTION_HOST}): authorization {@code /oauth2/authorize},
     * token {@code /oauth2/token}, userinfo {@code /oauth2/userinfo}, as every public DVCQG client uses them.
     *
     * <p>[INFERRED] The issuer identifier is {@code https://xacthuc.dichvucong.gov.vn/oauth2/token}, the WSO2 Identity
     * Server default; confirm it with the operator and change it with {@link #toBuilder()}. The JWKS, introspection,
     * token-validation and logout URLs of the DVCQG SSO are not public: none is set. Add them with
     * {@link #toBuilder()} once the operator's integration document names them (WSO2 serves the JWKS at
     * {@code /oauth2/jwks}, introspection at {@code /oauth2/introspect} and logout at {@code /oidc/logout}, all
     * [INFERRED] for DVCQG).
     *
     * @return the provider
     */
    public static OidcProvider dvcqgProduction() {
        return dvcqg(DVCQG_PRODUCTION_HOST);
    }

    /**
     * The national test SSO ({@value #DVCQG_TEST_HOST}), with the same paths and the same [INFERRED] issuer rule as
     * {@link #dvcqgProduction()}.
     *
     * @return the provider
     */
    public static OidcProvider dvcqgTest() {
        return dvcqg(DVCQG_TEST_HOST);
    }

    private static OidcProvider dvcqg(String host) {
        return builder().issuer(host + "/oauth2/token")
                .authorizationEndpoint(host + "/oauth2/authorize")
                .tokenEndpoint(host + "/oauth2/token")
                .userInfoEndpoint(host + "/oauth2/userinfo")
                .build();
    }

    /**
     * Reads a provider's metadata from {@code {issuer}/.well-known/openid-configuration} (OpenID Connect Discovery
     * 1.0) with one GET through the SDK's HTTP runtime. The document is refused when it is larger than 64 KiB, is not
     * a JSON object, names another {@code issuer} than the one asked (an attacker's or a mix-up: the conformance
     * suite's DiscoveryIssuerMismatch), or lacks an authorization, token or userinfo endpoint. Besides the standard
     * names it reads {@code validatetoken_endpoint} (the DVCQG token check, as OpenCPS names it).
     *
     * @param issuer the issuer identifier, an absolute http(s) URL (a trailing slash is not removed: it is compared
     *        exactly)
     * @param settings the HTTP settings of the fetch (timeouts, deadline, retries, interceptors)
     * @return the provider
     * @throws ValidationException if the issuer is not an absolute http(s) URL or the settings are null
     * @throws OidcDiscoveryException if the document is refused; {@link OidcDiscoveryException#reason()} says why
     * @throws vn.egov.sdk.core.EgovException the runtime's typed errors when the document cannot be fetched
     */
    public static OidcProvider discover(String issuer, ClientSettings settings) {
        HttpUrls.require(issuer, "OidcProvider.discover.issuer");
        ValidationException.requireNonNull(settings, "OidcProvider.discover.settings");
        return ProviderDiscovery.discover(issuer, settings);
    }

    /**
     * A builder for any provider; issuer, authorization, token and userinfo endpoints are required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this provider's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.issuer = issuer;
        b.authorization = authorizationEndpoint.toString();
        b.token = tokenEndpoint.toString();
        b.userInfo = userInfoEndpoint.toString();
        b.jwks = jwksUri.map(URI::toString).orElse(null);
        b.introspection = introspectionEndpoint.map(URI::toString).orElse(null);
        b.validateToken = validateTokenEndpoint.map(URI::toString).orElse(null);
        b.endSession = endSessionEndpoint.map(URI::toString).orElse(null);
        b.logoutTemplate = logoutUrlTemplate.orElse(null);
        return b;
    }

    /**
     * The issuer identifier, compared exactly with an ID token's {@code iss} and a callback's {@code iss}.
     *
     * @return the issuer
     */
    public String issuer() {
        return issuer;
    }

    /**
     * The authorization endpoint.
     *
     * @return its URL
     */
    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /**
     * The token endpoint.
     *
     * @return its URL
     */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /**
     * The userinfo endpoint.
     *
     * @return its URL
     */
    public URI userInfoEndpoint() {
        return userInfoEndpoint;
    }

    /**
     * The provider's signing keys ({@code jwks_uri}).
     *
     * @return its URL, or empty when not known (the DVCQG presets)
     */
    public Optional<URI> jwksUri() {
        return jwksUri;
    }

    /**
     * The RFC 7662 introspection endpoint.
     *
     * @return its URL, or empty when not known
     */
    public Optional<URI> introspectionEndpoint() {
        return introspectionEndpoint;
    }

    /**
     * The DVCQG token-validation call ({@code validatetoken_endpoint}: a POST of {@code token=…&state=0} with the
     * access token as Bearer).
     *
     * @return its URL, or empty when not known
     */
    public Optional<URI> validateTokenEndpoint() {
        return validateTokenEndpoint;
    }

    /**
     * The RP-initiated logout endpoint ({@code end_session_endpoint}).
     *
     * @return its URL, or empty when not known
     */
    public Optional<URI> endSessionEndpoint() {
        return endSessionEndpoint;
    }

    /**
     * A logout URL template, used when there is no end-session endpoint: placeholders {@code {id_token_hint}},
     * {@code {post_logout_redirect_uri}} and {@code {state}} are replaced by the URL-encoded values (empty when not
     * given).
     *
     * @return the template, or empty
     */
    public Optional<String> logoutUrlTemplate() {
        return logoutUrlTemplate;
    }

    @Override
    public String toString() {
        return "OidcProvider[issuer=" + issuer + ", authorization=" + authorizationEndpoint + ", token="
                + tokenEndpoint + ", userinfo=" + userInfoEndpoint + jwksUri.map(u -> ", jwks=" + u).orElse("")
                + introspectionEndpoint.map(u -> ", introspection=" + u).orElse("")
                + validateTokenEndpoint.map(u -> ", validateToken=" + u).orElse("")
                + endSessionEndpoint.map(u -> ", endSession=" + u).orElse("")
                + logoutUrlTemplate.map(u -> ", logoutTemplate=set").orElse("") + "]";
    }

    /** Builder of {@link OidcProvider}. Not thread-safe. */
    public static final class Builder {
        private String issuer;
        private String authorization;
        private String token;
        private String userInfo;
        private String jwks;
        private String introspection;
        private String validateToken;
        private String endSession;
        private String logoutTemplate;

        private Builder() {
        }

        /**
         * The issuer identifier (required), compared exactly.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        /**
         * The authorization endpoint (required).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder authorizationEndpoint(String value) {
            this.authorization = value;
            return this;
        }

        /**
         * The token endpoint (required).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder tokenEndpoint(String value) {
            this.token = value;
            return this;
        }

        /**
         * The userinfo endpoint (required).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder userInfoEndpoint(String value) {
            this.userInfo = value;
            return this;
        }

        /**
         * The JWKS URL (optional; null removes it).
         *
         * @param value an absolute http(s) URL, or null
         * @return this builder
         */
        public Builder jwksUri(String value) {
            this.jwks = value;
            return this;
        }

        /**
         * The introspection endpoint (optional; null removes it).
         *
         * @param value an absolute http(s) URL, or null
         * @return this builder
         */
        public Builder introspectionEndpoint(String value) {
            this.introspection = value;
            return this;
        }

        /**
         * The DVCQG token-validation endpoint (optional; null removes it).
         *
         * @param value an absolute http(s) URL, or null
         * @return this builder
         */
        public Builder validateTokenEndpoint(String value) {
            this.validateToken = value;
            return this;
        }

        /**
         * The end-session (logout) endpoint (optional; null removes it).
         *
         * @param value an absolute http(s) URL, or null
         * @return this builder
         */
        public Builder endSessionEndpoint(String value) {
            this.endSession = value;
            return this;
        }

        /**
         * A logout URL template (optional; null removes it), for example
         * {@code https://sso.example/logout?token={id_token_hint}&callback={post_logout_redirect_uri}&state={state}};
         * see {@link OidcProvider#logoutUrlTemplate()}.
         *
         * @param value an absolute http(s) URL with placeholders, or null
         * @return this builder
         */
        public Builder logoutUrlTemplate(String value) {
            this.logoutTemplate = value;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws ValidationException listing every missing or malformed URL
         */
        public OidcProvider build() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, issuer, "OidcProvider.issuer");
            required(errors, authorization, "OidcProvider.authorizationEndpoint");
            required(errors, token, "OidcProvider.tokenEndpoint");
            required(errors, userInfo, "OidcProvider.userInfoEndpoint");
            optional(errors, jwks, "OidcProvider.jwksUri");
            optional(errors, introspection, "OidcProvider.introspectionEndpoint");
            optional(errors, validateToken, "OidcProvider.validateTokenEndpoint");
            optional(errors, endSession, "OidcProvider.endSessionEndpoint");
            if (logoutTemplate != null) {
                String probe = logoutTemplate.replace("{id_token_hint}", "x").replace("{post_logout_redirect_uri}",
                        "x").replace("{state}", "x");
                optional(errors, probe, "OidcProvider.logoutUrlTemplate");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new OidcProvider(this);
        }

        private static void required(List<FieldError> errors, String value, String path) {
            if (value == null || value.isBlank()) {
                errors.add(new FieldError("required", path, path + " is required"));
            } else {
                optional(errors, value, path);
            }
        }

        private static void optional(List<FieldError> errors, String value, String path) {
            if (value != null) {
                FieldError e = HttpUrls.error(value, path);
                if (e != null) {
                    errors.add(e);
                }
            }
        }
    }
}
