package vn.egov.sdk.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Structured facts about an error: who is at fault, what the platform answered, how many attempts were made.
 *
 * @param fault whose fault it was
 * @param retryable whether a later repeat may succeed
 * @param correlationId the correlation id of the call, if a call was made
 * @param attempts number of HTTP attempts made (0 if nothing was sent)
 * @param httpStatus HTTP status of the last response, if any
 * @param platformErrorCode the platform's own error code, if any
 * @param retryAfter the server's {@code Retry-After} hint, if it gave one
 */
public record ErrorDetails(
        Fault fault,
        boolean retryable,
        Optional<String> correlationId,
        int attempts,
        OptionalInt httpStatus,
        Optional<String> platformErrorCode,
        Optional<Duration> retryAfter) {

    /**
     * Validates the components.
     *
     * @param fault whose fault it was
     * @param retryable whether a later repeat may succeed
     * @param correlationId the correlation id of the call, if a call was made
     * @param attempts number of HTTP attempts made (0 if nothing was sent)
     * @param httpStatus HTTP status of the last response, if any
     * @param platformErrorCode the platform's own error code, if any
     * @param retryAfter the server's {@code Retry-After} hint, if it gave one
     */
    public ErrorDetails {
        ValidationException.requireNonNull(fault, "ErrorDetails.fault");
        ValidationException.requireNonNull(correlationId, "ErrorDetails.correlationId");
        ValidationException.requireNonNull(httpStatus, "ErrorDetails.httpStatus");
        ValidationException.requireNonNull(platformErrorCode, "ErrorDetails.platformErrorCode");
        ValidationException.requireNonNull(retryAfter, "ErrorDetails.retryAfter");
        if (attempts < 0) {
            throw ValidationException.of("negative", "ErrorDetails.attempts", "attempts must be >= 0, was " + attempts);
        }
    }

    /**
     * Details of an error found before anything was sent.
     *
     * @param fault whose fault it was
     * @param retryable whether a later repeat may succeed
     * @return details with no correlation id, no attempt, no HTTP status, no platform code and no hint
     */
    public static ErrorDetails of(Fault fault, boolean retryable) {
        return new ErrorDetails(fault, retryable, Optional.empty(), 0, OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * A copy with the given correlation id and attempt count (set by the runtime when a call ends).
     *
     * @param newCorrelationId the call's correlation id
     * @param newAttempts the number of HTTP attempts made
     * @return details equal to these but for the correlation id and attempts
     */
    public ErrorDetails withCall(String newCorrelationId, int newAttempts) {
        return new ErrorDetails(fault, retryable, Optional.ofNullable(newCorrelationId), newAttempts, httpStatus,
                platformErrorCode, retryAfter);
    }

    /**
     * A copy with the given HTTP status.
     *
     * @param status the HTTP status of the last response
     * @return details equal to these but for the HTTP status
     */
    public ErrorDetails withHttpStatus(int status) {
        return new ErrorDetails(fault, retryable, correlationId, attempts, OptionalInt.of(status), platformErrorCode,
                retryAfter);
    }

    /**
     * A copy with the given platform error code.
     *
     * @param code the platform's own error code
     * @return details equal to these but for the platform error code
     */
    public ErrorDetails withPlatformErrorCode(String code) {
        return new ErrorDetails(fault, retryable, correlationId, attempts, httpStatus, Optional.ofNullable(code),
                retryAfter);
    }

    /**
     * A copy with the given {@code Retry-After} hint.
     *
     * @param hint how long the server asked to wait
     * @return details equal to these but for the {@code Retry-After} hint
     */
    public ErrorDetails withRetryAfter(Duration hint) {
        return new ErrorDetails(fault, retryable, correlationId, attempts, httpStatus, platformErrorCode,
                Optional.ofNullable(hint));
    }
}
