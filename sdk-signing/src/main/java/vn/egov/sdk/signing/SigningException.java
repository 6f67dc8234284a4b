package vn.egov.sdk.signing;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A signature could not be made: the key, token or HSM failed or refused (wrong PIN, removed token), or a remote
 * signing service refused, timed out or the signer declined. {@link #fault()} says whose side failed.
 */
public class SigningException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, in words a vendor can act on
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public SigningException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /**
     * A failure of a local key or token (the caller's side, not retryable).
     *
     * @param message what failed, in words a vendor can act on (never a secret)
     * @param cause the underlying key or provider error, or {@code null}
     * @return an exception marked as the caller's fault ({@link Fault#CALLER}) and not retryable
     */
    public static SigningException local(String message, Throwable cause) {
        return new SigningException(message, ErrorDetails.of(Fault.CALLER, false), cause);
    }
}
