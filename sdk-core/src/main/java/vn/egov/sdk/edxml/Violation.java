package vn.egov.sdk.edxml;

import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/**
 * One broken rule found by {@link EdXmlValidator}.
 *
 * <p>The {@link #code()} is the rule's {@link Kind#prefix() prefix}, a dot and the {@link #path()}, as the Bkav
 * axis checker writes its codes: {@code N.MessageHeader.From.OrganId}, {@code R.MessageHeader.Subject},
 * {@code M.MessageHeader.To[1].Email}, {@code T.MessageHeader.PromulgationInfo.PromulgationDate}. Codes are stable;
 * {@link EdXmlValidator} lists them all.
 *
 * @param code the stable rule code, {@code <prefix>.<path>}
 * @param path where the rule is broken, in wire element names ({@code MessageHeader.To[1].OrganId},
 *        {@code Attachments[2].ContentId}, {@code TraceHeaderList.Bussiness.DocumentId}); repeated elements are
 *        indexed from 1
 * @param message the rule and the offending value's shape, in words
 * @param severity {@link Severity#ERROR} (the package should not be sent / accepted as is) or
 *        {@link Severity#WARNING} (worth a look; real traffic often does it)
 */
public record Violation(String code, String path, String message, Severity severity) {
    /**
     * Validates the components: none may be null, code and path not blank.
     *
     * @param code the stable rule code, {@code <prefix>.<path>}
     * @param path where the rule is broken, in wire element names ({@code MessageHeader.To[1].OrganId},
     *     {@code Attachments[2].ContentId}, {@code TraceHeaderList.Bussiness.DocumentId}); repeated elements are
     *     indexed from 1
     * @param message the rule and the offending value's shape, in words
     * @param severity {@link Severity#ERROR} (the package should not be sent / accepted as is) or
     *     {@link Severity#WARNING} (worth a look; real traffic often does it)
     */
    public Violation {
        ValidationException.requireNonNull(code, "Violation.code");
        ValidationException.requireNonNull(path, "Violation.path");
        ValidationException.requireNonNull(message, "Violation.message");
        ValidationException.requireNonNull(severity, "Violation.severity");
        ValidationException.requireText(code, "Violation.code");
        ValidationException.requireText(path, "Violation.path");
    }

    /**
     * A violation whose code is {@code kind.prefix() + "." + path}.
     *
     * @param kind what kind of rule is broken
     * @param path where
     * @param message the rule in words
     * @param severity how serious
     * @return the violation
     */
    public static Violation of(Kind kind, String path, String message, Severity severity) {
        return new Violation(kind.prefix() + "." + path, path, message, severity);
    }

    /**
     * Whether this is an {@link Severity#ERROR}.
     *
     * @return {@code true} for an error, {@code false} for a warning
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The kind of rule, read from the code's prefix; empty for a code made without one of the four prefixes.
     *
     * @return the kind named by the code's prefix, or empty
     */
    public Optional<Kind> kind() {
        int dot = code.indexOf('.');
        return dot < 0 ? Optional.empty() : Kind.ofPrefix(code.substring(0, dot));
    }

    /**
     * This violation as the {@link FieldError} a {@link vn.egov.sdk.core.ValidationException} carries.
     *
     * @return a field error with this violation's code, path and message
     */
    public FieldError toFieldError() {
        return new FieldError(code, path, message);
    }

    @Override
    public String toString() {
        return severity + " " + code + ": " + message;
    }

    /** How serious a violation is; the caller decides what to do with warnings. */
    public enum Severity {
        /** The package breaks a rule the axes enforce, or cannot be processed as is. */
        ERROR,
        /** The package is unusual (real traffic often is) but can be processed. */
        WARNING
    }

    /** The kinds of rule, with the code prefixes of the Bkav axis checker. */
    public enum Kind {
        /** {@code N.}: a required value is missing. */
        MISSING("N"),
        /** {@code R.}: a value is out of range, too long, or not one of the allowed values. */
        RANGE("R"),
        /** {@code M.}: a value is malformed or inconsistent with another one. */
        MALFORMED("M"),
        /** {@code T.}: a date or time is in the future or out of order. */
        TIME("T");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /**
         * The code prefix, without the dot ({@code N}, {@code R}, {@code M}, {@code T}).
         *
         * @return the one-letter prefix
         */
        public String prefix() {
            return prefix;
        }

        /**
         * The kind with this prefix.
         *
         * @param prefix {@code N}, {@code R}, {@code M} or {@code T}
         * @return the kind, or empty for another prefix
         */
        public static Optional<Kind> ofPrefix(String prefix) {
            for (Kind k : values()) {
                if (k.prefix.equals(prefix)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }
}
