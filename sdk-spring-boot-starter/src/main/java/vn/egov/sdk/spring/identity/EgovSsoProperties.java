package vn.egov.sdk.spring.identity;

import vn.egov.sdk.spring.EgovClientTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.identity.ClientAuthMethod;
import vn.egov.sdk.spring.identity.internal.EgovSsoPropertiesRules;

/**
 * The national SSO login's settings under {@code egov.sso.*} (the Cổng DVCQG login, federating VNeID, or any
 * OpenID Connect provider): where the provider is, this application's registration there, and the login's safety
 * settings. The login client bean exists only when {@code egov.sso.client-id} is set.
 *
 * <p>The provider comes from a {@link #getPreset() preset} (the DVCQG production or test SSO), or from the
 * {@link #getIssuer() issuer}'s discovery document read at start-up, or, when
 * {@code egov.sso.endpoints.authorization} is given, from the issuer and the endpoints as configured; any endpoint
 * given under {@code egov.sso.endpoints} replaces or adds to the preset's or the discovered one.
 *
 * <p>The properties validate themselves when bound: a broken rule stops the start-up with a message naming the
 * property and the rule, e.g. {@code egov.sso.client-secret is required when egov.sso.client-id is set}. The client
 * secret is a {@link Secret} (bind it from {@code EGOV_SSO_CLIENT_SECRET}) and {@link #toString()} redacts it.
 */
@ConfigurationProperties(prefix = "egov.sso")
public class EgovSsoProperties extends EgovClientTimeouts implements Validator {
    /** A preset provider (dvcqg-production or dvcqg-test); without one, the issuer's discovery document is read. */
    private Preset preset;
    /** The provider's issuer URL; its discovery document is read at start-up unless a preset or the endpoints are given. */
    private String issuer;
    private final Endpoints endpoints = new Endpoints();
    /** This application's client id at the provider; the login client bean exists only when this is set. */
    private String clientId;
    /** This application's client secret at the provider; bind it from the environment (EGOV_SSO_CLIENT_SECRET). */
    private Secret clientSecret;
    /** How the client authenticates at the token endpoint: client-secret-post (what DVCQG clients use) or client-secret-basic. */
    private ClientAuthMethod clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_POST;
    /** The redirect URI registered at the provider (absolute); its path is where the login's callback is taken. */
    private String redirectUri;
    /** Where the provider sends the browser after its logout (registered there); unset, the provider shows its own page. */
    private String postLogoutRedirectUri;
    /** The scopes requested; openid must be among them. */
    private List<String> scopes = new ArrayList<>(List.of("openid"));
    /** The acr_values requested (LoA1, as every DVCQG client sends); empty to send none. */
    private List<String> acrValues = new ArrayList<>(List.of("LoA1"));
    /** The lowest identity assurance level (the IAL claim, 0 to 9) a logged-in identity must have; unset, no minimum. */
    private Integer minimumIal;
    /** The clock skew allowed on the ID token's times (at most 5 minutes). */
    private Duration clockSkew = Duration.ofSeconds(60);
    /** How long a started login waits for its callback in the default in-memory pending-login store. */
    private Duration pendingLoginTtl = Duration.ofMinutes(10);

    /** Creates the properties with their defaults (nothing configured). */
    public EgovSsoProperties() {
        // bound by Spring Boot
    }

    /**
     * The provider's endpoints, each replacing or adding to the preset's or the discovered one.
     *
     * @return the endpoints, never {@code null}
     */
    public Endpoints getEndpoints() {
        return endpoints;
    }

    /**
     * The provider preset.
     *
     * @return the preset, or {@code null}
     */
    public Preset getPreset() {
        return preset;
    }

    /**
     * Sets the provider preset.
     *
     * @param preset a preset, or {@code null} to use {@code issuer}
     */
    public void setPreset(Preset preset) {
        this.preset = preset;
    }

    /**
     * The provider's issuer.
     *
     * @return the issuer, or {@code null}
     */
    public String getIssuer() {
        return issuer;
    }

    /**
     * Sets the provider's issuer.
     *
     * @param issuer an absolute http(s) URL
     */
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    /**
     * This application's client id.
     *
     * @return the client id, or {@code null} when the SSO is not configured
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets this application's client id.
     *
     * @param clientId the client id registered at the provider
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * This application's client secret.
     *
     * @return the secret, or {@code null}
     */
    public Secret getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets this application's client secret (bound from text).
     *
     * @param clientSecret the secret
     */
    public void setClientSecret(Secret clientSecret) {
        this.clientSecret = clientSecret;
    }

    /**
     * How the client authenticates at the token endpoint.
     *
     * @return the method (default {@code client-secret-post})
     */
    public ClientAuthMethod getClientAuthMethod() {
        return clientAuthMethod;
    }

    /**
     * Sets how the client authenticates at the token endpoint.
     *
     * @param clientAuthMethod the method
     */
    public void setClientAuthMethod(ClientAuthMethod clientAuthMethod) {
        this.clientAuthMethod = clientAuthMethod;
    }

    /**
     * The redirect URI registered at the provider.
     *
     * @return the URI, or {@code null}
     */
    public String getRedirectUri() {
        return redirectUri;
    }

    /**
     * Sets the redirect URI registered at the provider.
     *
     * @param redirectUri an absolute http(s) URL without fragment
     */
    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    /**
     * Where the provider sends the browser after logging out.
     *
     * @return the URI, or {@code null} for none
     */
    public String getPostLogoutRedirectUri() {
        return postLogoutRedirectUri;
    }

    /**
     * Sets where the provider sends the browser after logging out.
     *
     * @param postLogoutRedirectUri an absolute http(s) URL registered at the provider
     */
    public void setPostLogoutRedirectUri(String postLogoutRedirectUri) {
        this.postLogoutRedirectUri = postLogoutRedirectUri;
    }

    /**
     * The scopes requested.
     *
     * @return the scopes (default {@code openid})
     */
    public List<String> getScopes() {
        return scopes;
    }

    /**
     * Sets the scopes requested.
     *
     * @param scopes the scopes; {@code openid} among them
     */
    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    /**
     * The {@code acr_values} requested.
     *
     * @return the values (default {@code LoA1})
     */
    public List<String> getAcrValues() {
        return acrValues;
    }

    /**
     * Sets the {@code acr_values} requested.
     *
     * @param acrValues the values, possibly none
     */
    public void setAcrValues(List<String> acrValues) {
        this.acrValues = acrValues;
    }

    /**
     * The lowest identity assurance level (IAL) allowed.
     *
     * @return the level, or {@code null} for no minimum
     */
    public Integer getMinimumIal() {
        return minimumIal;
    }

    /**
     * Sets the lowest identity assurance level (IAL) allowed.
     *
     * @param minimumIal 0 to 9
     */
    public void setMinimumIal(Integer minimumIal) {
        this.minimumIal = minimumIal;
    }

    /**
     * The clock skew allowed on the ID token's times.
     *
     * @return the skew (default 60 s)
     */
    public Duration getClockSkew() {
        return clockSkew;
    }

    /**
     * Sets the clock skew allowed on the ID token's times.
     *
     * @param clockSkew 0 to 5 minutes
     */
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /**
     * How long a started login waits for its callback in the default store.
     *
     * @return the lifetime (default 10 minutes)
     */
    public Duration getPendingLoginTtl() {
        return pendingLoginTtl;
    }

    /**
     * Sets how long a started login waits for its callback in the default store.
     *
     * @param pendingLoginTtl 1 second to 1 hour
     */
    public void setPendingLoginTtl(Duration pendingLoginTtl) {
        this.pendingLoginTtl = pendingLoginTtl;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovSsoProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovSsoPropertiesRules.check((EgovSsoProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovSsoProperties[preset=" + preset + ", issuer=" + issuer + ", endpoints=" + endpoints
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "unset" : "***")
                + ", clientAuthMethod=" + clientAuthMethod + ", redirectUri=" + redirectUri
                + ", postLogoutRedirectUri=" + postLogoutRedirectUri + ", scopes=" + scopes + ", acrValues="
                + acrValues + ", minimumIal=" + minimumIal + ", clockSkew=" + clockSkew + ", pendingLoginTtl="
                + pendingLoginTtl + ", " + timeoutsText() + "]";
    }

    /** The provider presets. */
    public enum Preset {
        /** The production Cổng DVCQG SSO ({@code https://xacthuc.dichvucong.gov.vn}). */
        DVCQG_PRODUCTION,
        /** The national test SSO ({@code https://testxacthuc.dichvucong.gov.vn}). */
        DVCQG_TEST
    }

    /** The provider's endpoints, when neither a preset nor discovery gives them (or to add what they lack). */
    public static class Endpoints {
        /** The provider's authorization endpoint (with token and user-info, a provider without discovery). */
        private String authorization;
        /** The provider's token endpoint. */
        private String token;
        /** The provider's userinfo endpoint. */
        private String userInfo;
        /** The provider's JWKS URL: ID tokens are then checked by signature (the DVCQG presets have none). */
        private String jwksUri;
        /** The provider's token introspection endpoint. */
        private String introspection;
        /** The DVCQG token-validation endpoint. */
        private String validateToken;
        /** The provider's end-session (logout) endpoint; with one, logging out also ends the provider's session. */
        private String endSession;

        /** Creates the settings with their defaults (none). */
        public Endpoints() {
            // bound by Spring Boot
        }

        /**
         * The authorization endpoint.
         *
         * @return the URL, or {@code null}
         */
        public String getAuthorization() {
            return authorization;
        }

        /**
         * Sets the authorization endpoint.
         *
         * @param authorization an absolute http(s) URL
         */
        public void setAuthorization(String authorization) {
            this.authorization = authorization;
        }

        /**
         * The token endpoint.
         *
         * @return the URL, or {@code null}
         */
        public String getToken() {
            return token;
        }

        /**
         * Sets the token endpoint.
         *
         * @param token an absolute http(s) URL
         */
        public void setToken(String token) {
            this.token = token;
        }

        /**
         * The userinfo endpoint.
         *
         * @return the URL, or {@code null}
         */
        public String getUserInfo() {
            return userInfo;
        }

        /**
         * Sets the userinfo endpoint.
         *
         * @param userInfo an absolute http(s) URL
         */
        public void setUserInfo(String userInfo) {
            this.userInfo = userInfo;
        }

        /**
         * The JWKS URL (the provider's signing keys).
         *
         * @return the URL, or {@code null}
         */
        public String getJwksUri() {
            return jwksUri;
        }

        /**
         * Sets the JWKS URL (the provider's signing keys).
         *
         * @param jwksUri an absolute http(s) URL
         */
        public void setJwksUri(String jwksUri) {
            this.jwksUri = jwksUri;
        }

        /**
         * The token introspection endpoint.
         *
         * @return the URL, or {@code null}
         */
        public String getIntrospection() {
            return introspection;
        }

        /**
         * Sets the token introspection endpoint.
         *
         * @param introspection an absolute http(s) URL
         */
        public void setIntrospection(String introspection) {
            this.introspection = introspection;
        }

        /**
         * The DVCQG token-validation endpoint.
         *
         * @return the URL, or {@code null}
         */
        public String getValidateToken() {
            return validateToken;
        }

        /**
         * Sets the DVCQG token-validation endpoint.
         *
         * @param validateToken an absolute http(s) URL
         */
        public void setValidateToken(String validateToken) {
            this.validateToken = validateToken;
        }

        /**
         * The end-session (logout) endpoint.
         *
         * @return the URL, or {@code null}
         */
        public String getEndSession() {
            return endSession;
        }

        /**
         * Sets the end-session (logout) endpoint.
         *
         * @param endSession an absolute http(s) URL
         */
        public void setEndSession(String endSession) {
            this.endSession = endSession;
        }

        @Override
        public String toString() {
            return "Endpoints[authorization=" + authorization + ", token=" + token + ", userInfo=" + userInfo
                    + ", jwksUri=" + jwksUri + ", introspection=" + introspection + ", validateToken="
                    + validateToken + ", endSession=" + endSession + "]";
        }
    }
}
