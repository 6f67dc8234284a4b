package vn.egov.sdk.identity;

import java.util.List;
import java.util.stream.Collectors;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

/**
 * An identity that logged in correctly does not meet the vendor's {@link IdentityPolicy}: its identity level is too
 * low or absent, its account type is not allowed, or it did not come through the required identity provider. Lists
 * every broken rule with what was required and what came, so the vendor can tell the user what to do (for example
 * "raise your VNeID account to level 2").
 */
public class IdentityPolicyException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** The broken rules. */
    private final transient List<Violation> violations;

    /** Which rule of the policy. */
    public enum Rule {
        /** {@link IdentityPolicy.Builder#minimumIal(int)}. */
        MINIMUM_IAL,
        /** {@link IdentityPolicy.Builder#allowedAccountTypes(AccountType...)}. */
        ACCOUNT_TYPE,
        /** {@link IdentityPolicy.Builder#requiredLoginIdp(String)}. */
        LOGIN_IDP
    }

    /**
     * One broken rule.
     *
     * @param rule which rule
     * @param required what the policy requires, in words (for example {@code IAL >= 2})
     * @param actual what the identity has, in words (for example {@code IAL 1}, {@code no IAL})
     */
    public record Violation(Rule rule, String required, String actual) {
        /**
         * Validates the components.
         *
         * @param rule which rule
         * @param required what the policy requires, in words
         * @param actual what the identity has, in words
         */
        public Violation {
            ValidationException.requireNonNull(rule, "Violation.rule");
            ValidationException.requireNonNull(required, "Violation.required");
            ValidationException.requireNonNull(actual, "Violation.actual");
        }

        @Override
        public String toString() {
            return rule + ": required " + required + ", got " + actual;
        }
    }

    /**
     * Creates the exception.
     *
     * @param violations the broken rules; at least one
     */
    public IdentityPolicyException(List<Violation> violations) {
        super(describe(violations), ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        ValidationException.requireElements(violations, "IdentityPolicyException.violations");
        if (violations.isEmpty()) {
            throw ValidationException.of("empty", "IdentityPolicyException.violations",
                    "at least one violation is required");
        }
        return "the identity does not meet the policy: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * Every broken rule.
     *
     * @return the violations, at least one
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Whether a given rule was broken.
     *
     * @param rule the rule
     * @return {@code true} if it is among {@link #violations()}
     */
    public boolean broke(Rule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }
}
