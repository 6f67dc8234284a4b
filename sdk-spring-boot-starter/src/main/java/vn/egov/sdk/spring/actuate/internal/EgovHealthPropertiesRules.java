package vn.egov.sdk.spring.actuate.internal;

import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.spring.actuate.EgovHealthProperties;

/** The rules of {@link EgovHealthProperties}, each error naming the full property and the rule. */
public final class EgovHealthPropertiesRules {
    private EgovHealthPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.health})
     */
    public static void check(EgovHealthProperties p, Errors errors) {
        positive(errors, "certificateExpiryWarning", "egov.health.certificate-expiry-warning",
                p.getCertificateExpiryWarning());
        positive(errors, "outbox.maxAge", "egov.health.outbox.max-age", p.getOutbox().getMaxAge());
        if (p.getOutbox().getMaxBacklog() < 0) {
            errors.rejectValue("outbox.maxBacklog", "egov.range", "egov.health.outbox.max-backlog must be 0 or more "
                    + "(got " + p.getOutbox().getMaxBacklog() + ")");
        }
    }

    private static void positive(Errors errors, String field, String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            errors.rejectValue(field, "egov.positive", property + " must be positive (got " + value + ")");
        }
    }
}
