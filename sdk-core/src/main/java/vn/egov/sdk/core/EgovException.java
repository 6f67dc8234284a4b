package vn.egov.sdk.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every exception the SDK throws on purpose. Unchecked.
 *
 * <p>Each carries what a vendor needs to act and to report: the correlation id sent with the request (also in
 * the SDK's log lines), how many attempts were made, the HTTP status and the platform's own error code when
 * there was a response, whose {@link Fault} it was, and whether repeating the same request may succeed
 * ({@link #retryable()}). Earlier failed attempts of the same call are attached as suppressed exceptions.
 *
 * <p>Messages never contain secrets, tokens or citizen ID numbers.
 */
public class EgovException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorDetails details;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, in words a vendor can act on
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public EgovException(String message, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.details = ValidationException.requireNonNull(details, "EgovException.details");
    }

    /**
     * The structured details of this error.
     *
     * @return the details: fault, retryability, correlation id, attempts, HTTP status, platform code
     */
    public ErrorDetails details() {
        return details;
    }

    /**
     * The correlation id of the call (header {@code X-Correlation-Id} by default), or empty if none was made.
     *
     * @return the correlation id, or empty when no call was made
     */
    public Optional<String> correlationId() {
        return details.correlationId();
    }

    /**
     * Number of HTTP attempts made for the call; 0 when the error arose before anything was sent.
     *
     * @return the number of attempts, 0 or more
     */
    public int attempts() {
        return details.attempts();
    }

    /**
     * The HTTP status of the last response, if one was received.
     *
     * @return the last HTTP status, or empty
     */
    public OptionalInt httpStatus() {
        return details.httpStatus();
    }

    /**
     * The platform's own error code (for example the axis' {@code ErrorCode}), if it gave one.
     *
     * @return the platform's error code, or empty
     */
    public Optional<String> platformErrorCode() {
        return details.platformErrorCode();
    }

    /**
     * Whose fault it was.
     *
     * @return the side at fault
     */
    public Fault fault() {
        return details.fault();
    }

    /**
     * Whether repeating the same request later may succeed. A {@code true} here does not mean it is safe to
     * repeat an unsafe request that has no idempotency key: see {@link TransportException#mayHaveReachedServer()}.
     *
     * @return {@code true} if a later repeat may succeed
     */
    public boolean retryable() {
        return details.retryable();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getName()).append(": ").append(getMessage());
        s.append(" [fault=").append(fault());
        httpStatus().ifPresent(h -> s.append(", http=").append(h));
        platformErrorCode().ifPresent(c -> s.append(", platformCode=").append(c));
        s.append(", attempts=").append(attempts());
        s.append(", retryable=").append(retryable());
        correlationId().ifPresent(c -> s.append(", correlationId=").append(c));
        return s.append(']').toString();
    }
}
