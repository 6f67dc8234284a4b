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
     * @param errors every broken rule; at least one (none, or {@code null}, gives one error naming
     *        {@code ValidationException.errors} itself)
     */
    public ValidationException(List<FieldError> errors) {
        this(orMissing(errors), true);
    }

    private ValidationException(List<FieldError> errors, boolean checked) {
        super(describe(errors), ErrorDetails.of(Fault.CALLER, false), null);
        this.errors = errors;
    }

    /**
     * A validation failure of a single field.
     *
     * @param code the stable rule code
     * @param path the field, e.g. {@code "Organization.organId"}
     * @param message the rule, in words
     * @return the exception, to throw
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
     * The text, or a {@code ValidationException} naming the field when it is {@code null} (code {@code required})
     * or empty or only white space (code {@code blank}).
     *
     * @param value the text to check
     * @param path the field, e.g. {@code "Organization.organId"}
     * @return {@code value}
     */
    public static String requireText(String value, String path) {
        requireNonNull(value, path);
        if (value.isBlank()) {
            throw of("blank", path, path + " is required (empty text given)");
        }
        return value;
    }

    /**
     * The list, or a {@code ValidationException} naming the field when it is {@code null} or holds a {@code null}
     * element (code {@code required}, the path indexed, e.g. {@code to[2]}).
     *
     * @param values the list to check
     * @param path the field
     * @param <T> the element type
     * @return {@code values}
     */
    public static <T> java.util.List<T> requireElements(java.util.List<T> values, String path) {
        requireNonNull(values, path);
        for (int i = 0; i < values.size(); i++) {
            requireNonNull(values.get(i), path + "[" + i + "]");
        }
        return values;
    }

    /**
     * Every broken rule.
     *
     * @return the field errors, at least one
     */
    public List<FieldError> errors() {
        return errors;
    }

    private static List<FieldError> orMissing(List<FieldError> errors) {
        if (errors == null || errors.isEmpty() || errors.stream().anyMatch(java.util.Objects::isNull)) {
            // a ValidationException without a rule is itself a caller's mistake: say so instead of failing
            return List.of(new FieldError("required", "ValidationException.errors",
                    "at least one FieldError, and no null, is required"));
        }
        return List.copyOf(errors);
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() + " validation error(s): "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
