package vn.egov.sdk.core.http;

import java.time.Instant;
import java.util.Optional;

/**
 * What an interceptor or error mapper knows about the attempt in progress.
 *
 * @param correlationId the correlation id of the call, the same on every attempt
 * @param attempt the attempt number, from 1
 * @param idempotencyKey the idempotency key sent with the call, if any (the same on every attempt)
 * @param startedAt when the attempt started, by the client's clock
 */
public record AttemptContext(String correlationId, int attempt, Optional<String> idempotencyKey, Instant startedAt) {
}
