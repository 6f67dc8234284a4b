package vn.egov.sdk.core;

/**
 * The platform refused the caller's credentials (HTTP 401/403, a rejected token request, a wrong
 * HMAC key). Fix the configuration; repeating the same request will not help.
 */
public class AuthenticationException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words a vendor can act on
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
