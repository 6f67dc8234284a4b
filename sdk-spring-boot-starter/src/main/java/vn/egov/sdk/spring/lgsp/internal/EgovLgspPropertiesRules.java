package vn.egov.sdk.spring.lgsp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.spring.lgsp.EgovLgspProperties;

/** The rules of {@link EgovLgspProperties}, each error naming the full {@code egov.lgsp.*} property and the rule. */
public final class EgovLgspPropertiesRules {
    private EgovLgspPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.lgsp})
     */
    public static void check(EgovLgspProperties p, Errors errors) {
        if (p.getUrl() != null) {
            if (!isHttpUrl(p.getUrl())) {
                reject(errors, "url", "url",
                        "egov.lgsp.url must be an absolute http or https URL (got '" + p.getUrl() + "')");
            }
            text(errors, "username", "username", p.getUsername());
            secret(errors, "password", "password", p.getPassword(), "EGOV_LGSP_PASSWORD");
            text(errors, "applicationCode", "application-code", p.getApplicationCode());
            text(errors, "systemId", "system-id", p.getSystemId());
            secret(errors, "secretKey", "secret-key", p.getSecretKey(), "EGOV_LGSP_SECRET_KEY");
        }
        positive(errors, "connectTimeout", "connect-timeout", p.getConnectTimeout());
        positive(errors, "readTimeout", "read-timeout", p.getReadTimeout());
        positive(errors, "deadline", "deadline", p.getDeadline());
        Duration lookBack = p.getLookBack();
        if (lookBack == null || lookBack.isNegative() || lookBack.toDays() > 366) {
            reject(errors, "lookBack", "range",
                    "egov.lgsp.look-back must be 0 to 366 days (got " + lookBack + ")");
        }
        EgovLgspProperties.Receive receive = p.getReceive();
        if (receive.getInterval() == null) {
            reject(errors, "receive.interval", "required", "egov.lgsp.receive.interval is required");
        } else {
            positive(errors, "receive.interval", "receive.interval", receive.getInterval());
        }
        if (receive.getStopTimeout() == null || receive.getStopTimeout().isNegative()) {
            reject(errors, "receive.stopTimeout", "range",
                    "egov.lgsp.receive.stop-timeout must be 0 or more (got " + receive.getStopTimeout() + ")");
        }
        if (receive.getMaxAttempts() < 0) {
            reject(errors, "receive.maxAttempts", "range",
                    "egov.lgsp.receive.max-attempts must be 0 or more (got " + receive.getMaxAttempts() + ")");
        }
        if (receive.isEnabled() && p.getUrl() == null) {
            reject(errors, "url", "required", "egov.lgsp.url is required when egov.lgsp.receive.enabled=true");
        }
    }

    private static void text(Errors errors, String field, String property, String value) {
        if (value == null || value.isBlank()) {
            reject(errors, field, "required",
                    "egov.lgsp." + property + " is required when egov.lgsp.url is set");
        }
    }

    private static void secret(Errors errors, String field, String property, Secret value, String variable) {
        if (value == null || value.reveal().isEmpty()) {
            reject(errors, field, "required", "egov.lgsp." + property + " is required when egov.lgsp.url is set "
                    + "(bind it from " + variable + ")");
        }
    }

    private static void positive(Errors errors, String field, String property, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            reject(errors, field, "positive", "egov.lgsp." + property + " must be positive (got " + value + ")");
        }
    }

    private static void reject(Errors errors, String field, String code, String message) {
        errors.rejectValue(field, "egov." + code, message);
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
