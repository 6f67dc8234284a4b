package vn.egov.sdk.edxml;

import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * Everything {@link EdXmlValidator#validate(EdXmlPackage)} found in one package, errors and warnings, in the order
 * of the package's elements. Valid means "no error": warnings alone keep a report valid.
 *
 * <p>Named apart from {@code vn.egov.sdk.signing.validation.ValidationReport}, the verdict on one signature: this
 * one is about the package's fields (QCVN 102 rules), not about a signature.
 *
 * @param violations every violation found; empty for a clean package
 */
public record EdXmlValidationReport(List<Violation> violations) {
    /**
     * Copies the list (null is read as empty).
     *
     * @param violations every violation found, in the order found; null or empty for a clean package
     */
    public EdXmlValidationReport {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /**
     * The violations of severity {@link Violation.Severity#ERROR}.
     *
     * @return the errors, in the order found
     */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    /**
     * The violations of severity {@link Violation.Severity#WARNING}.
     *
     * @return the warnings, in the order found
     */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /**
     * Whether there is no error (there may be warnings).
     *
     * @return {@code true} if no violation is an error
     */
    public boolean isValid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    /**
     * Whether nothing at all was found, not even a warning.
     *
     * @return {@code true} if there is no violation at all
     */
    public boolean isClean() {
        return violations.isEmpty();
    }

    /**
     * The first violation with this code.
     *
     * @param code a code such as {@code N.MessageHeader.From.OrganId}
     * @return the violation, or empty
     */
    public Optional<Violation> find(String code) {
        return violations.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    /**
     * Throws when there is an error; warnings are ignored.
     *
     * @return this report, when it is valid
     * @throws ValidationException carrying one {@link vn.egov.sdk.core.FieldError} per error, same code, path and
     *         message, in report order
     */
    public EdXmlValidationReport throwIfInvalid() {
        List<Violation> errors = errors();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().map(Violation::toFieldError).toList());
        }
        return this;
    }
}
