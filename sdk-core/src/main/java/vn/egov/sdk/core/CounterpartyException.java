package vn.egov.sdk.core;

/**
 * The other party rejected the request: the receiving agency is unknown or refuses, the payer's bank
 * declined.
 */
public class CounterpartyException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words a vendor can act on
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public CounterpartyException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
