package vn.egov.sdk.core;

/**
 * Something that came back did not verify: a signature, a checksum, a token, or a response body that
 * is not what the protocol says. The message says why, in words a vendor can act on.
 */
public class VerificationException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words a vendor can act on
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public VerificationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
