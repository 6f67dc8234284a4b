package vn.egov.sdk.spring.lgsp.internal;

import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.spring.internal.PropertyRules;
import vn.egov.sdk.spring.lgsp.EgovLgspProperties;

/** The rules of {@link EgovLgspProperties}, each error naming the full {@code egov.lgsp.*} property and the rule. */
public final class EgovLgspPropertiesRules {
    private static final String URL = "egov.lgsp.url";

    private EgovLgspPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.lgsp})
     */
    public static void check(EgovLgspProperties p, Errors errors) {
        PropertyRules rules = PropertyRules.of(errors, "egov.lgsp.");
        rules.client("", p);
        if (p.getUrl() != null) {
            rules.requiredWhen("username", p.getUsername(), URL);
            rules.requiredWhen("password", p.getPassword(), URL, "EGOV_LGSP_PASSWORD");
            rules.requiredWhen("applicationCode", p.getApplicationCode(), URL);
            rules.requiredWhen("systemId", p.getSystemId(), URL);
            rules.requiredWhen("secretKey", p.getSecretKey(), URL, "EGOV_LGSP_SECRET_KEY");
        }
        Duration lookBack = p.getLookBack();
        if (lookBack == null || lookBack.isNegative() || lookBack.toDays() > 366) {
            rules.reject("lookBack", "range", "egov.lgsp.look-back must be 0 to 366 days (got " + lookBack + ")");
        }
        EgovLgspProperties.Receive receive = p.getReceive();
        rules.receiveLoop("receive", receive);
        if (receive.isEnabled() && p.getUrl() == null) {
            rules.reject("url", "required", URL + " is required when egov.lgsp.receive.enabled=true");
        }
    }
}
