package vn.egov.sdk.identity;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * The redirect that came back to the application's callback is not a well-formed authorization response:
 * {@link #reason()} says which rule it broke. The message never repeats the code or the state. Fault
 * {@link Fault#VERIFICATION}, not retryable: start a new login.
 */
public class LoginCallbackException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Which rule the callback broke. */
    public enum Reason {
        /** Bad percent-encoding, bad UTF-8, control characters, an over-long value, or both a code and an error. */
        MALFORMED,
        /** The query is longer than {@link LoginCallback#MAX_LENGTH}. */
        TOO_LARGE,
        /** A response parameter appears more than once (RFC 6749 §3.1). */
        DUPLICATE_PARAMETER,
        /** Neither {@code code} nor {@code error}, or no {@code state}. */
        MISSING_PARAMETER,
        /** The {@code iss} parameter is not the provider's issuer (RFC 9207: a mix-up attack, or a stray response). */
        WRONG_ISSUER
    }

    /** The rule broken. */
    private final Reason reason;
    /** The parameter at fault, or {@code null}. */
    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param reason the rule broken
     * @param parameter the parameter at fault, or {@code null}
     * @param message what went wrong; never a code or state value
     */
    public LoginCallbackException(Reason reason, String parameter, String message) {
        super(message, ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.reason = reason == null ? Reason.MALFORMED : reason;
        this.parameter = parameter;
    }

    /**
     * The rule broken.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The parameter at fault.
     *
     * @return its name, or empty when the whole callback is at fault
     */
    public java.util.Optional<String> parameter() {
        return java.util.Optional.ofNullable(parameter);
    }
}
