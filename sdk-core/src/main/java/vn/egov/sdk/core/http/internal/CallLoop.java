package vn.egov.sdk.core.http.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ErrorMapper;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.ResponseHandler;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.http.Sleeper;
import vn.egov.sdk.core.internal.OkHttpExchange;

/**
 * One call of {@link HttpRuntime}: the standard headers, then attempts (credentials, interceptors, the exchange, the
 * error mapping) repeated while the failure is retryable, repeating is safe, and attempts and the deadline remain.
 *
 * @param exchange the HTTP exchange
 * @param auth the credentials
 * @param interceptors in the order they run before an attempt
 * @param errorMapper how error answers become exceptions
 * @param retryPolicy which failures are repeated
 * @param deadline the default deadline of a call
 * @param clock the clock of deadlines
 * @param sleeper how the loop waits
 * @param headers the runtime's standard headers
 * @param responses makes a response of what the exchange received, without copying it
 */
public record CallLoop(OkHttpExchange exchange, AuthStrategy auth, List<HttpInterceptor> interceptors,
        ErrorMapper errorMapper, RetryPolicy retryPolicy, Duration deadline, Clock clock, Sleeper sleeper,
        StandardHeaders headers, ResponseFactory responses) {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.http");

    /**
     * The headers the runtime adds to every request.
     *
     * @param userAgent sent when a request has none
     * @param idempotencyKeyHeader the header carrying idempotency keys
     * @param generateIdempotencyKeys whether unsafe calls without a key get a generated one
     * @param correlationIdHeader the header carrying the correlation id
     */
    public record StandardHeaders(String userAgent, String idempotencyKeyHeader, boolean generateIdempotencyKeys,
            String correlationIdHeader) {
    }

    /** Makes an {@link ApiResponse} that owns the given body and headers. */
    @FunctionalInterface
    public interface ResponseFactory {
        /**
         * Makes the response.
         *
         * @param status the HTTP status
         * @param headers the headers, owned by the response
         * @param body the body, owned by the response
         * @return the response
         */
        ApiResponse of(int status, Map<String, List<String>> headers, byte[] body);
    }

    /**
     * The outcome of the successful attempt.
     *
     * @param response the 2xx response (with an empty body when streamed)
     * @param value the handler's value when streaming, else null
     * @param <T> the handler's type
     */
    public record Outcome<T>(ApiResponse response, T value) {
    }

    /**
     * This loop with other credentials.
     *
     * @param other the credentials
     * @return the loop
     */
    public CallLoop withAuth(AuthStrategy other) {
        return new CallLoop(exchange, other, interceptors, errorMapper, retryPolicy, deadline, clock, sleeper,
                headers, responses);
    }

    /**
     * Runs one call.
     *
     * @param request the request
     * @param options per-call options
     * @param handler the streaming handler, or null to read the body
     * @param unauthenticated the runtime credential strategies may use for their own requests
     * @param <T> the handler's type
     * @return the outcome of the successful attempt
     */
    public <T> Outcome<T> run(ApiRequest request, RequestOptions options, ResponseHandler<T> handler,
            HttpRuntime unauthenticated) {
        String correlationId = options.correlationId().orElseGet(CallLoop::newCorrelationId);
        Optional<String> idempotencyKey = idempotencyKeyFor(request, options);
        boolean repeatable = request.isSafeMethod() || request.isDeclaredIdempotent() || idempotencyKey.isPresent();
        int attemptBudget = options.maxAttempts().orElse(retryPolicy.maxAttempts());
        Instant deadlineAt = clock.instant().plus(options.deadline().orElse(deadline));
        ApiRequest base = withStandardHeaders(request, options, correlationId, idempotencyKey);

        List<EgovException> failures = new ArrayList<>();
        boolean refreshedAfter401 = false;
        int attempt = 0;
        while (true) {
            attempt++;
            AttemptContext ctx = new AttemptContext(correlationId, attempt, idempotencyKey, clock.instant());
            Duration remaining = Duration.between(ctx.startedAt(), deadlineAt);
            if (remaining.isNegative() || remaining.isZero()) {
                throw RuntimeFailures.finish(RuntimeFailures.deadlinePassed(base, ctx, failures), failures);
            }
            ApiRequest sent = prepare(base, ctx, unauthenticated);
            EgovException failure;
            boolean mayHaveActed;
            try {
                OkHttpExchange.Result<T> result = exchange.send(sent, ctx, remaining, handler);
                ApiResponse response = responses.of(result.status(), result.headers(), result.body());
                for (int i = interceptors.size() - 1; i >= 0; i--) {
                    response = interceptors.get(i).afterAttempt(sent, response, ctx);
                }
                if (response.isSuccessful()) {
                    return new Outcome<>(response, result.value());
                }
                if (response.status() < 400 || response.status() > 599) {
                    failure = RuntimeFailures.notAnAnswer(sent, response, ctx);
                    mayHaveActed = true;
                } else if (response.status() == 401 && !refreshedAfter401 && auth.onUnauthorized(sent)) {
                    refreshedAfter401 = true;
                    LOG.info("{} [correlationId={}] attempt {}: HTTP 401; credentials refreshed, sending once more",
                            sent, correlationId, attempt);
                    failures.add(errorMapper.map(sent, response, ctx, true));
                    attemptBudget++; // the refresh does not use up a retry
                    continue;
                } else {
                    failure = errorMapper.map(sent, response, ctx, retryPolicy.isRetryableStatus(response.status()));
                    mayHaveActed = !(response.status() == 429 || response.status() == 408
                            || response.status() == 401);
                }
            } catch (TransportException e) {
                failure = e;
                mayHaveActed = e.mayHaveReachedServer();
                notifyFailure(sent, e, ctx);
            }
            Duration wait = waitBeforeRepeat(failure, sent, ctx, repeatable, mayHaveActed, attemptBudget, deadlineAt,
                    failures);
            failures.add(failure);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RuntimeFailures.finish(new TransportException(sent + ": interrupted while waiting to retry",
                        ErrorDetails.of(Fault.NETWORK, false).withCall(correlationId, attempt), e, mayHaveActed,
                        false), failures);
            }
        }
    }

    /** How long to wait before repeating a failed attempt; throws the failure when it is not to be repeated. */
    private Duration waitBeforeRepeat(EgovException failure, ApiRequest sent, AttemptContext ctx, boolean repeatable,
            boolean mayHaveActed, int attemptBudget, Instant deadlineAt, List<EgovException> failures) {
        String correlationId = ctx.correlationId();
        int attempt = ctx.attempt();
        if (!failure.retryable()) {
            throw RuntimeFailures.finish(failure, failures);
        }
        if (!repeatable && mayHaveActed) {
            LOG.warn("{} [correlationId={}] attempt {} failed and is not repeated: an unsafe request without an "
                    + "idempotency key may have reached the server", sent, correlationId, attempt);
            throw RuntimeFailures.finish(failure, failures);
        }
        if (attempt >= attemptBudget) {
            throw RuntimeFailures.finish(failure, failures);
        }
        Optional<Duration> wait = retryPolicy.delayBefore(attempt + 1, failure.details().retryAfter());
        if (wait.isEmpty()) {
            LOG.warn("{} [correlationId={}] server asked to wait longer than {}; not repeated", sent,
                    correlationId, retryPolicy.maxRetryAfter());
            throw RuntimeFailures.finish(failure, failures);
        }
        if (clock.instant().plus(wait.get()).isAfter(deadlineAt)) {
            LOG.warn("{} [correlationId={}] waiting {} ms would pass the deadline; not repeated", sent,
                    correlationId, wait.get().toMillis());
            throw RuntimeFailures.finish(failure, failures);
        }
        LOG.warn("{} [correlationId={}] attempt {} failed ({}); retrying in {} ms", sent, correlationId, attempt,
                failure.getMessage(), wait.get().toMillis());
        return wait.get();
    }

    /** Correlation ids need to be unique, not unguessable: no contended SecureRandom on every call. */
    private static String newCorrelationId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong() & ~0xF000L | 0x4000L, r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                .toString();
    }

    private Optional<String> idempotencyKeyFor(ApiRequest request, RequestOptions options) {
        if (options.idempotencyKey().isPresent()) {
            return options.idempotencyKey();
        }
        // A safe or declared-idempotent request may be repeated as it is: a generated key would add nothing.
        if (request.isSafeMethod() || request.isDeclaredIdempotent() || options.withoutIdempotencyKey()
                || !headers.generateIdempotencyKeys()) {
            return Optional.empty();
        }
        return Optional.of(UUID.randomUUID().toString());
    }

    private ApiRequest withStandardHeaders(ApiRequest request, RequestOptions options, String correlationId,
            Optional<String> idempotencyKey) {
        ApiRequest.Builder b = request.toBuilder();
        if (request.header("User-Agent").isEmpty()) {
            b.header("User-Agent", headers.userAgent());
        }
        b.setHeader(headers.correlationIdHeader(), correlationId);
        idempotencyKey.ifPresent(k -> b.setHeader(headers.idempotencyKeyHeader(), k));
        options.headers().forEach(b::setHeader);
        return b.build();
    }

    private ApiRequest prepare(ApiRequest base, AttemptContext ctx, HttpRuntime unauthenticated) {
        ApiRequest r = auth.authenticate(base, unauthenticated);
        for (HttpInterceptor interceptor : interceptors) {
            r = interceptor.beforeAttempt(r, ctx);
        }
        return r;
    }

    private void notifyFailure(ApiRequest request, EgovException failure, AttemptContext ctx) {
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            interceptors.get(i).onAttemptFailure(request, failure, ctx);
        }
    }
}
