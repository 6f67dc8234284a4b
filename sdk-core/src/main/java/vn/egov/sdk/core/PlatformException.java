package vn.egov.sdk.core;

/**
 * The national platform failed (5xx, overload, 429) or refused the request for its own reasons (4xx other
 * than authentication). {@link #retryable()} says whether a later repeat may succeed.
 */
public class PlatformException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words a vendor can act on
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public PlatformException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
