package vn.egov.sdk.spring.dossier.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.spring.dossier.EgovDossierProperties;

/**
 * The rules of {@link EgovDossierProperties}, each error naming the full {@code egov.dossier.*} property and the
 * rule.
 */
public final class EgovDossierPropertiesRules {
    private static final String PREFIX = "egov.dossier.";

    private EgovDossierPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.dossier})
     */
    public static void check(EgovDossierProperties p, Errors errors) {
        if (p.getUrl() != null) {
            if (!isHttpUrl(p.getUrl())) {
                reject(errors, "url", "url",
                        "egov.dossier.url must be an absolute http or https URL (got '" + p.getUrl() + "')");
            }
            text(errors, "username", "username", p.getUsername());
            if (p.getPassword() == null || p.getPassword().reveal().isEmpty()) {
                reject(errors, "password", "required", "egov.dossier.password is required when egov.dossier.url "
                        + "is set (bind it from EGOV_DOSSIER_PASSWORD)");
            }
            text(errors, "madonvi", "madonvi", p.getMadonvi());
            text(errors, "dstcode", "dstcode", p.getDstcode());
        }
        if (p.getDstcode() != null && !p.getDstcode().chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            reject(errors, "dstcode", "ascii",
                    "egov.dossier.dstcode must be visible ASCII characters (it is sent as a header)");
        }
        positive(errors, "connectTimeout", "connect-timeout", p.getConnectTimeout());
        positive(errors, "readTimeout", "read-timeout", p.getReadTimeout());
        positive(errors, "deadline", "deadline", p.getDeadline());
        required(errors, "sessionLifetime", "session-lifetime", p.getSessionLifetime());
        EgovDossierProperties.Outbox outbox = p.getOutbox();
        if (outbox.getFile() == null || outbox.getFile().toString().isBlank()) {
            reject(errors, "outbox.file", "required", "egov.dossier.outbox.file must not be empty");
        }
        required(errors, "outbox.retention", "outbox.retention", outbox.getRetention());
        EgovDossierProperties.Sync sync = p.getSync();
        required(errors, "sync.interval", "sync.interval", sync.getInterval());
        required(errors, "sync.maxBackoff", "sync.max-backoff", sync.getMaxBackoff());
        if (sync.getBatchSize() < 1 || sync.getBatchSize() > 1000) {
            reject(errors, "sync.batchSize", "range",
                    "egov.dossier.sync.batch-size must be 1 to 1000 (got " + sync.getBatchSize() + ")");
        }
        if (sync.getMaxAttempts() < 0) {
            reject(errors, "sync.maxAttempts", "range",
                    "egov.dossier.sync.max-attempts must be 0 or more (got " + sync.getMaxAttempts() + ")");
        }
        if (sync.getStopTimeout() == null || sync.getStopTimeout().isNegative()) {
            reject(errors, "sync.stopTimeout", "range",
                    "egov.dossier.sync.stop-timeout must be 0 or more (got " + sync.getStopTimeout() + ")");
        }
        positive(errors, "catalogue.refreshInterval", "catalogue.refresh-interval",
                p.getCatalogue().getRefreshInterval());
    }

    private static void text(Errors errors, String field, String property, String value) {
        if (value == null || value.isBlank()) {
            reject(errors, field, "required", PREFIX + property + " is required when egov.dossier.url is set");
        }
    }

    private static void required(Errors errors, String field, String property, Duration value) {
        if (value == null) {
            reject(errors, field, "required", PREFIX + property + " is required");
        } else {
            positive(errors, field, property, value);
        }
    }

    private static void positive(Errors errors, String field, String property, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            reject(errors, field, "positive", PREFIX + property + " must be positive (got " + value + ")");
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
