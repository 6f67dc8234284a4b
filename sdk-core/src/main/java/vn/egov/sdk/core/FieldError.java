package vn.egov.sdk.core;


/**
 * One broken rule in the caller's input.
 *
 * @param code a stable rule code (for example {@code N.From.OrganId.pattern}), safe to switch on
 * @param path where in the input the rule is broken (for example {@code MessageHeader.From.OrganId})
 * @param message the rule, in words
 */
public record FieldError(String code, String path, String message) {
    /**
     * Validates the components.
     *
     * @param code a stable rule code (for example {@code N.From.OrganId.pattern}), safe to switch on
     * @param path where in the input the rule is broken (for example {@code MessageHeader.From.OrganId})
     * @param message the rule, in words
     */
    public FieldError {
        ValidationException.requireNonNull(code, "FieldError.code");
        ValidationException.requireNonNull(path, "FieldError.path");
        ValidationException.requireNonNull(message, "FieldError.message");
    }

    @Override
    public String toString() {
        return path + ": " + message + " (" + code + ")";
    }
}
