package vn.egov.sdk.spring.identity.internal;

import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.spring.identity.EgovSsoProperties;
import vn.egov.sdk.spring.internal.PropertyRules;

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
        PropertyRules rules = PropertyRules.of(errors, "egov.sso.", "egov.sso.");
        EgovSsoProperties.Endpoints ep = p.getEndpoints();
        String trigger = p.getIssuer() != null ? "egov.sso.issuer" : p.getPreset() != null ? "egov.sso.preset"
                : p.getRedirectUri() != null ? "egov.sso.redirect-uri"
                : p.getClientSecret() != null ? "egov.sso.client-secret" : null;
        if (blank(p.getClientId())) {
            if (p.getClientId() != null || trigger != null) {
                rules.reject("clientId", "required", "egov.sso.client-id is required when "
                        + (trigger != null ? trigger : "egov.sso.client-id") + " is set"
                        + (trigger == null ? " (it is blank)" : ""));
            }
        } else {
            if (p.getPreset() == null && p.getIssuer() == null) {
                rules.reject("issuer", "required", "egov.sso.issuer is required when egov.sso.client-id is set "
                        + "and no egov.sso.preset is named");
            }
            rules.requiredWhen("clientSecret", p.getClientSecret(), "egov.sso.client-id",
                    "EGOV_SSO_CLIENT_SECRET");
            if (p.getRedirectUri() == null) {
                rules.reject("redirectUri", "required",
                        "egov.sso.redirect-uri is required when egov.sso.client-id is set");
            }
        }
        rules.url("issuer", p.getIssuer());
        rules.url("redirectUri", p.getRedirectUri());
        if (p.getRedirectUri() != null && p.getRedirectUri().contains("#")) {
            rules.reject("redirectUri", "fragment", "egov.sso.redirect-uri must not have a fragment (got '"
                    + p.getRedirectUri() + "')");
        }
        rules.url("postLogoutRedirectUri", p.getPostLogoutRedirectUri());
        rules.url("endpoints.authorization", ep.getAuthorization());
        rules.url("endpoints.token", ep.getToken());
        rules.url("endpoints.userInfo", ep.getUserInfo());
        rules.url("endpoints.jwksUri", ep.getJwksUri());
        rules.url("endpoints.introspection", ep.getIntrospection());
        rules.url("endpoints.validateToken", ep.getValidateToken());
        rules.url("endpoints.endSession", ep.getEndSession());
        if (p.getPreset() == null && ep.getAuthorization() != null) {
            if (ep.getToken() == null) {
                rules.reject("endpoints.token", "required", "egov.sso.endpoints.token is required when "
                        + "egov.sso.endpoints.authorization is set without egov.sso.preset");
            }
            if (ep.getUserInfo() == null) {
                rules.reject("endpoints.userInfo", "required", "egov.sso.endpoints.user-info is required when "
                        + "egov.sso.endpoints.authorization is set without egov.sso.preset");
            }
        }
        if (p.getScopes() == null || !p.getScopes().contains("openid")) {
            rules.reject("scopes", "openid", "egov.sso.scopes must contain openid (got " + p.getScopes() + ")");
        } else if (p.getScopes().stream().anyMatch(EgovSsoPropertiesRules::blank)) {
            rules.reject("scopes", "blank", "egov.sso.scopes must not contain a blank scope");
        }
        if (p.getAcrValues() != null && p.getAcrValues().stream().anyMatch(EgovSsoPropertiesRules::blank)) {
            rules.reject("acrValues", "blank", "egov.sso.acr-values must not contain a blank value");
        }
        if (p.getMinimumIal() != null && (p.getMinimumIal() < 0 || p.getMinimumIal() > 9)) {
            rules.reject("minimumIal", "range", "egov.sso.minimum-ial must be 0 to 9 (got " + p.getMinimumIal()
                    + ")");
        }
        if (p.getClockSkew() == null || p.getClockSkew().isNegative() || p.getClockSkew().compareTo(MAX_CLOCK_SKEW) > 0) {
            rules.reject("clockSkew", "range", "egov.sso.clock-skew must be 0 to 5 minutes (got "
                    + p.getClockSkew() + ")");
        }
        Duration ttl = p.getPendingLoginTtl();
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            rules.reject("pendingLoginTtl", "range", "egov.sso.pending-login-ttl must be 1 second to 1 hour (got "
                    + ttl + ")");
        }
        rules.timeouts("", p);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
