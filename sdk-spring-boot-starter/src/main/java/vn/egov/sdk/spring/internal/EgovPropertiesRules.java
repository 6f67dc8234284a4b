package vn.egov.sdk.spring.internal;

import org.springframework.validation.Errors;
import vn.egov.sdk.spring.EgovProperties;

/** The rules of {@link EgovProperties}, each error naming the full property and the rule. */
public final class EgovPropertiesRules {
    private static final String URL = "egov.axis.url";

    private EgovPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov})
     */
    public static void check(EgovProperties p, Errors errors) {
        PropertyRules rules = PropertyRules.of(errors, "egov.");
        EgovProperties.Axis axis = p.getAxis();
        rules.client("axis", axis);
        if (axis.getUrl() != null) {
            rules.requiredWhen("axis.systemId", axis.getSystemId(), URL);
            rules.requiredWhen("axis.secret", axis.getSecret(), URL, "EGOV_AXIS_SECRET");
        }
        EgovProperties.Receive receive = axis.getReceive();
        rules.receiveLoop("axis.receive", receive);
        if (receive.isEnabled() && axis.getUrl() == null) {
            rules.reject("axis.url", "required", URL + " is required when egov.axis.receive.enabled=true");
        }
    }
}
