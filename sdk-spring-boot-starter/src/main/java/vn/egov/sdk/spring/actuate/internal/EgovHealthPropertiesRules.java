package vn.egov.sdk.spring.actuate.internal;

import org.springframework.validation.Errors;
import vn.egov.sdk.spring.actuate.EgovHealthProperties;
import vn.egov.sdk.spring.internal.PropertyRules;

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
        PropertyRules rules = PropertyRules.of(errors, "egov.health.");
        rules.requiredPositive("certificateExpiryWarning", p.getCertificateExpiryWarning());
        rules.requiredPositive("outbox.maxAge", p.getOutbox().getMaxAge());
        rules.notNegative("outbox.maxBacklog", p.getOutbox().getMaxBacklog());
    }
}
