package vn.egov.sdk.spring.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.spring.identity.EgovSsoProperties;

/** The rules of {@link EgovSsoProperties}, each error naming the full property and the rule. */
public final class EgovSsoPropertiesRules {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration MAX_TTL = Duration.ofHours(1);

    private EgovSsoPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.sso})
     */
    public static void check(EgovSsoProperties p, Errors errors) {
        EgovSsoProperties.Endpoints ep = p.getEndpoints();
        String trigger = p.getIssuer() != null ? "egov.sso.issuer" : p.getPreset() != null ? "egov.sso.preset"
                : p.getRedirectUri() != null ? "egov.sso.redirect-uri"
                : p.getClientSecret() != null ? "egov.sso.client-secret" : null;
        if (blank(p.getClientId())) {
            if (p.getClientId() != null || trigger != null) {
                reject(errors, "clientId", "required", "egov.sso.client-id is required when "
                        + (trigger != null ? trigger : "egov.sso.client-id") + " is set"
                        + (trigger == null ? " (it is blank)" : ""));
            }
        } else {
            if (p.getPreset() == null && p.getIssuer() == null) {
                reject(errors, "issuer", "required", "egov.sso.issuer is required when egov.sso.client-id is set "
                        + "and no egov.sso.preset is named");
            }
            if (p.getClientSecret() == null || p.getClientSecret().reveal().isEmpty()) {
                reject(errors, "clientSecret", "required", "egov.sso.client-secret is required when "
                        + "egov.sso.client-id is set (bind it from EGOV_SSO_CLIENT_SECRET)");
            }
            if (p.getRedirectUri() == null) {
                reject(errors, "redirectUri", "required",
                        "egov.sso.redirect-uri is required when egov.sso.client-id is set");
            }
        }
        url(errors, "issuer", "egov.sso.issuer", p.getIssuer());
        url(errors, "redirectUri", "egov.sso.redirect-uri", p.getRedirectUri());
        if (p.getRedirectUri() != null && p.getRedirectUri().contains("#")) {
            reject(errors, "redirectUri", "fragment", "egov.sso.redirect-uri must not have a fragment (got '"
                    + p.getRedirectUri() + "')");
        }
        url(errors, "postLogoutRedirectUri", "egov.sso.post-logout-redirect-uri", p.getPostLogoutRedirectUri());
        url(errors, "endpoints.authorization", "egov.sso.endpoints.authorization", ep.getAuthorization());
        url(errors, "endpoints.token", "egov.sso.endpoints.token", ep.getToken());
        url(errors, "endpoints.userInfo", "egov.sso.endpoints.user-info", ep.getUserInfo());
        url(errors, "endpoints.jwksUri", "egov.sso.endpoints.jwks-uri", ep.getJwksUri());
        url(errors, "endpoints.introspection", "egov.sso.endpoints.introspection", ep.getIntrospection());
        url(errors, "endpoints.validateToken", "egov.sso.endpoints.validate-token", ep.getValidateToken());
        url(errors, "endpoints.endSession", "egov.sso.endpoints.end-session", ep.getEndSession());
        if (p.getPreset() == null && ep.getAuthorization() != null) {
            if (ep.getToken() == null) {
                reject(errors, "endpoints.token", "required", "egov.sso.endpoints.token is required when "
                        + "egov.sso.endpoints.authorization is set without egov.sso.preset");
            }
            if (ep.getUserInfo() == null) {
                reject(errors, "endpoints.userInfo", "required", "egov.sso.endpoints.user-info is required when "
                        + "egov.sso.endpoints.authorization is set without egov.sso.preset");
            }
        }
        if (p.getScopes() == null || !p.getScopes().contains("openid")) {
            reject(errors, "scopes", "openid", "egov.sso.scopes must contain openid (got " + p.getScopes() + ")");
        } else if (p.getScopes().stream().anyMatch(EgovSsoPropertiesRules::blank)) {
            reject(errors, "scopes", "blank", "egov.sso.scopes must not contain a blank scope");
        }
        if (p.getAcrValues() != null && p.getAcrValues().stream().anyMatch(EgovSsoPropertiesRules::blank)) {
            reject(errors, "acrValues", "blank", "egov.sso.acr-values must not contain a blank value");
        }
        if (p.getMinimumIal() != null && (p.getMinimumIal() < 0 || p.getMinimumIal() > 9)) {
            reject(errors, "minimumIal", "range", "egov.sso.minimum-ial must be 0 to 9 (got " + p.getMinimumIal()
                    + ")");
        }
        if (p.getClockSkew() == null || p.getClockSkew().isNegative() || p.getClockSkew().compareTo(MAX_CLOCK_SKEW) > 0) {
            reject(errors, "clockSkew", "range", "egov.sso.clock-skew must be 0 to 5 minutes (got "
                    + p.getClockSkew() + ")");
        }
        Duration ttl = p.getPendingLoginTtl();
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            reject(errors, "pendingLoginTtl", "range", "egov.sso.pending-login-ttl must be 1 second to 1 hour (got "
                    + ttl + ")");
        }
        positive(errors, "connectTimeout", "egov.sso.connect-timeout", p.getConnectTimeout());
        positive(errors, "readTimeout", "egov.sso.read-timeout", p.getReadTimeout());
        positive(errors, "deadline", "egov.sso.deadline", p.getDeadline());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void url(Errors errors, String field, String property, String value) {
        if (value != null && !isHttpUrl(value)) {
            reject(errors, field, "url", property + " must be an absolute http or https URL (got '" + value + "')");
        }
    }

    private static void positive(Errors errors, String field, String property, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            reject(errors, field, "positive", property + " must be positive (got " + value + ")");
        }
    }

    private static void reject(Errors errors, String field, String code, String message) {
        errors.rejectValue(field, "egov.sso." + code, message);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
