package vn.egov.sdk.edxml.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.EdXmlValidator.Limit;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Violation;
import vn.egov.sdk.edxml.Violation.Kind;
import vn.egov.sdk.edxml.Violation.Severity;

/**
 * One validation run: the validator's settings, "now" read once from its clock in Asia/Ho_Chi_Minh, and the
 * violations collected so far, in the order the rules report them. Not thread-safe; one per run.
 */
public final class ValidationContext {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private final EdXmlValidator settings;
    private final LocalDateTime now;
    private final List<Violation> violations = new ArrayList<>();

    /**
     * A run with the given settings.
     *
     * @param settings the validator whose limits, pattern, skew and clock apply
     */
    public ValidationContext(EdXmlValidator settings) {
        this.settings = settings;
        this.now = LocalDateTime.now(settings.clock().withZone(EdXmlDates.ZONE));
    }

    /** The validator's settings. */
    public EdXmlValidator settings() {
        return settings;
    }

    /** Today in Asia/Ho_Chi_Minh, by the validator's clock. */
    public LocalDate today() {
        return now.toLocalDate();
    }

    /** The wall time now in Asia/Ho_Chi_Minh, by the validator's clock. */
    public LocalDateTime now() {
        return now;
    }

    /** The violations collected, in order. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Records an error. */
    public void error(Kind kind, String path, String message) {
        violations.add(Violation.of(kind, path, message, Severity.ERROR));
    }

    /** Records a warning. */
    public void warning(Kind kind, String path, String message) {
        violations.add(Violation.of(kind, path, message, Severity.WARNING));
    }

    /**
     * {@code N.<path>} (error) when the text is blank.
     *
     * @return whether the value is present
     */
    public boolean required(String value, String path) {
        if (value.isBlank()) {
            error(Kind.MISSING, path, path + " is required");
            return false;
        }
        return true;
    }

    /** {@code R.<path>} (error) when the text is longer than the limit. */
    public void maxLength(String value, Limit limit, String path) {
        maxLength(value, limit, path, Severity.ERROR);
    }

    /** {@code R.<path>} with the given severity when the text is longer than the limit. */
    public void maxLength(String value, Limit limit, String path, Severity severity) {
        int max = settings.maxLength(limit);
        int length = length(value);
        if (length > max) {
            violations.add(Violation.of(Kind.RANGE, path,
                    path + " has " + length + " characters; at most " + max + " are allowed", severity));
        }
    }

    /** {@code R.<path>} (error) when the number is present and outside {@code min..max}. */
    public void range(OptionalInt value, int min, int max, String path) {
        if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
            error(Kind.RANGE, path, path + " is " + value.getAsInt() + "; allowed: " + min + ".." + max);
        }
    }

    /**
     * {@code N.<path>} (error) when the organ id is empty, else {@code M.<path>} (warning) when it does not follow
     * the validator's organ id pattern.
     */
    public void organId(OrganId id, String path) {
        if (required(id.value(), path) && !settings.organIdPattern().matcher(id.value()).matches()) {
            warning(Kind.MALFORMED, path, path + " '" + id.value() + "' does not follow "
                    + settings.organIdPattern().pattern() + " (QĐ 20/2020 DDD.DD.DD.XDD)");
        }
    }

    /** {@code M.<path>} (error) when the e-mail address is not empty and not well formed. */
    public void email(String value, String path) {
        if (!value.isBlank() && !EMAIL.matcher(value.strip()).matches()) {
            error(Kind.MALFORMED, path, path + " is not a well-formed e-mail address");
        }
    }

    /** {@code base[i+1]}: the 1-based path of the element at 0-based index {@code i}. */
    public static String indexed(String base, int zeroBasedIndex) {
        return base + "[" + (zeroBasedIndex + 1) + "]";
    }

    /**
     * The length of a text in characters as a reader sees them: code points of its NFC form (a decomposed
     * Vietnamese letter counts once).
     */
    public static int length(String value) {
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }
}
