package vn.egov.sdk.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The caller's input breaks one or more rules; nothing was sent. Lists every broken rule at once.
 */
public class ValidationException extends EgovException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /**
     * Creates the exception.
     *
     * @param errors every broken rule; at least one
     */
    public ValidationException(List<FieldError> errors) {
        super(describe(errors), ErrorDetails.of(Fault.CALLER, false), null);
        this.errors = List.copyOf(errors);
    }

    /**
     * A validation failure of a single field.
     *
     * @param code a stable rule code, safe to switch on
     * @param path the field, for example {@code MessageHeader.From.OrganId}
     * @param message the rule, in words
     * @return an exception carrying one {@link FieldError}, fault {@link Fault#CALLER}, not retryable
     */
    public static ValidationException of(String code, String path, String message) {
        return new ValidationException(List.of(new FieldError(code, path, message)));
    }

    /**
     * The value, or a {@code ValidationException} (code {@code required}) naming the missing field: what public
     * APIs use instead of {@code Objects.requireNonNull}, so a caller's {@code null} is a typed error, not an NPE.
     *
     * @param value the value to check
     * @param path the field, e.g. {@code "PdfSigner.source"}
     * @param <T> the value's type
     * @return {@code value}
     */
    public static <T> T requireNonNull(T value, String path) {
        if (value == null) {
            throw of("required", path, path + " is required (null given)");
        }
        return value;
    }

    /**
     * Every broken rule.
     *
     * @return an unmodifiable list of the broken rules, at least one
     */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one FieldError");
        }
        return errors.size() + " validation error(s): "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
