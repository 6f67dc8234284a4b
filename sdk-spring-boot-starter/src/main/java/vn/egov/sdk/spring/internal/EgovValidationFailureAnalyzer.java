package vn.egov.sdk.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/**
 * Turns a {@link ValidationException} that stopped the start-up (a missing or broken {@code egov.*} setting found
 * while making a bean) into Boot's failure report: each property and its rule, and what to do.
 */
public final class EgovValidationFailureAnalyzer extends AbstractFailureAnalyzer<ValidationException> {
    /** Created by Spring Boot (listed in {@code META-INF/spring.factories}). */
    public EgovValidationFailureAnalyzer() {
        // stateless
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ValidationException cause) {
        StringBuilder description = new StringBuilder("A setting of the e-government SDK breaks a rule (an egov.* "
                + "property, or an argument given to an SDK builder by the application's own bean):\n");
        for (FieldError error : cause.errors()) {
            description.append("\n    Property: ").append(error.path())
                    .append("\n    Reason: ").append(error.message()).append('\n');
        }
        return new FailureAnalysis(description.toString(),
                "Fix the property named above (in application.properties or .yml, or the environment), define the "
                        + "bean the reason mentions, or fix the argument named above in the application's code.",
                cause);
    }
}
