package vn.egov.sdk.core;

/**
 * The network failed (connection refused or reset, empty or truncated response) or the call's deadline passed.
 *
 * <p>{@link #mayHaveReachedServer()} separates the two outcomes that matter: {@code false} means the request
 * certainly never reached the server (connection refused, DNS failure) and can be repeated; {@code true} means
 * the outcome is <em>unknown</em>: the server may have acted on it. For an unsafe call that had no idempotency
 * key the SDK then does not repeat it, and the vendor must reconcile (ask the platform whether it happened)
 * before sending again.
 */
public class TransportException extends EgovException {
    private static final long serialVersionUID = 1L;

    /** Whether the server may have received the request. */
    private final boolean mayHaveReachedServer;
    /** Whether the call stopped because its overall deadline passed. */
    private final boolean deadlineExceeded;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param details the structured details
     * @param cause the underlying I/O error, or {@code null}
     * @param mayHaveReachedServer whether the server may have received and acted on the request
     * @param deadlineExceeded whether the call's overall deadline passed
     */
    public TransportException(String message, ErrorDetails details, Throwable cause, boolean mayHaveReachedServer,
            boolean deadlineExceeded) {
        super(message, details, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
        this.deadlineExceeded = deadlineExceeded;
    }

    /**
     * Whether the server may have received the request: if so, its outcome is unknown.
     *
     * @return {@code true} if the request may have reached the server, so its outcome is unknown
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }

    /**
     * Whether the call stopped because its overall deadline passed.
     *
     * @return {@code true} if the overall deadline passed
     */
    public boolean deadlineExceeded() {
        return deadlineExceeded;
    }
}
