package vn.egov.sdk.spring.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.spring.EgovProperties;

/** The rules of {@link EgovProperties}, each error naming the full property and the rule. */
public final class EgovPropertiesRules {
    private EgovPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov})
     */
    public static void check(EgovProperties p, Errors errors) {
        EgovProperties.Axis axis = p.getAxis();
        if (axis.getUrl() != null) {
            if (!isHttpUrl(axis.getUrl())) {
                reject(errors, "axis.url", "url",
                        "egov.axis.url must be an absolute http or https URL (got '" + axis.getUrl() + "')");
            }
            if (axis.getSystemId() == null || axis.getSystemId().isBlank()) {
                reject(errors, "axis.systemId", "required",
                        "egov.axis.system-id is required when egov.axis.url is set");
            }
            if (axis.getSecret() == null || axis.getSecret().reveal().isEmpty()) {
                reject(errors, "axis.secret", "required",
                        "egov.axis.secret is required when egov.axis.url is set (bind it from EGOV_AXIS_SECRET)");
            }
        }
        positive(errors, "axis.connectTimeout", "egov.axis.connect-timeout", axis.getConnectTimeout());
        positive(errors, "axis.readTimeout", "egov.axis.read-timeout", axis.getReadTimeout());
        positive(errors, "axis.deadline", "egov.axis.deadline", axis.getDeadline());
        EgovProperties.Receive receive = axis.getReceive();
        if (receive.getInterval() == null) {
            reject(errors, "axis.receive.interval", "required", "egov.axis.receive.interval is required");
        } else {
            positive(errors, "axis.receive.interval", "egov.axis.receive.interval", receive.getInterval());
        }
        if (receive.getStopTimeout() == null || receive.getStopTimeout().isNegative()) {
            reject(errors, "axis.receive.stopTimeout", "range",
                    "egov.axis.receive.stop-timeout must be 0 or more (got " + receive.getStopTimeout() + ")");
        }
        if (receive.getMaxAttempts() < 0) {
            reject(errors, "axis.receive.maxAttempts", "range",
                    "egov.axis.receive.max-attempts must be 0 or more (got " + receive.getMaxAttempts() + ")");
        }
        if (receive.isEnabled() && axis.getUrl() == null) {
            reject(errors, "axis.url", "required", "egov.axis.url is required when egov.axis.receive.enabled=true");
        }
    }

    private static void positive(Errors errors, String field, String property, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            reject(errors, field, "positive", property + " must be positive (got " + value + ")");
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
