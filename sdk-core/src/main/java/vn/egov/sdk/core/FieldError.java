package vn.egov.sdk.core;

import java.util.Objects;

/**
 * One broken rule in the caller's input.
 *
 * @param code a stable rule code (for example {@code N.From.OrganId.pattern}), safe to switch on
 * @param path where in the input the rule is broken (for example {@code MessageHeader.From.OrganId})
 * @param message the rule, in words
 */
public record FieldError(String code, String path, String message) {
    /** Validates the components. */
    public FieldError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message + " (" + code + ")";
    }
}
