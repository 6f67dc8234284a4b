package vn.egov.sdk.payment;

import java.util.Optional;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A result callback that did not verify. It says why ({@link #failure()}), which field ({@link #field()}), and,
 * where a checksum was computed, the exact string that was hashed with the secret masked
 * ({@link #signedString()}), so a vendor can compare it with what the system's operator says it signed.
 * A callback that failed is never recorded as processed.
 */
public class CallbackVerificationException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Why the callback was refused. */
    private final CallbackFailure failure;
    /** The wire name of the field at fault, or {@code null}. */
    private final String field;
    /** The string hashed to check the checksum, secret masked, or {@code null}. */
    private final String signedString;

    /**
     * Creates the exception.
     *
     * @param failure why the callback was refused
     * @param field the wire name of the field at fault, or {@code null} when no one field is
     * @param signedString the string hashed to check the checksum, secret masked, or {@code null} when none was
     * @param message what went wrong, in words a vendor can act on
     */
    public CallbackVerificationException(CallbackFailure failure, String field, String signedString, String message) {
        super(message, ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.failure = failure == null ? CallbackFailure.MALFORMED : failure;
        this.field = field;
        this.signedString = signedString;
    }

    /**
     * Why the callback was refused.
     *
     * @return the reason
     */
    public CallbackFailure failure() {
        return failure;
    }

    /**
     * The wire name of the field at fault.
     *
     * @return the field, or empty when no single field is at fault
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * The exact string the SDK hashed to check the checksum, with the secret replaced by {@code ***}.
     *
     * @return the string, or empty when the callback was refused before a checksum was computed
     */
    public Optional<String> signedString() {
        return Optional.ofNullable(signedString);
    }
}
