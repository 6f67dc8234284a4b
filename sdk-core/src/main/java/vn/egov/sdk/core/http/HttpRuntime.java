package vn.egov.sdk.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.internal.OkHttpExchange;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.core.internal.SdkVersion;

/**
 * The HTTP runtime every client of the SDK stands on: OkHttp with finite timeouts and an overall deadline per
 * call, retries that never repeat what is unsafe to repeat, idempotency keys, correlation ids, credentials,
 * interceptors and redacted logging. Thread-safe; build one per platform client and share it.
 *
 * <h2>Defaults</h2>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><td>connect timeout</td><td>10 s</td></tr>
 *   <tr><td>read timeout / write timeout (per socket operation)</td><td>30 s / 30 s</td></tr>
 *   <tr><td>deadline (whole call, every attempt and wait included)</td><td>60 s</td></tr>
 *   <tr><td>retries</td><td>{@link RetryPolicy#defaults()}: 3 attempts, 0.5 s × 2ⁿ⁻¹ capped at 5 s, jitter</td></tr>
 *   <tr><td>largest response body read</td><td>32 MiB</td></tr>
 *   <tr><td>idempotency key header / correlation id header</td><td>{@code Idempotency-Key} /
 *       {@code X-Correlation-Id}</td></tr>
 * </table>
 *
 * <h2>What is repeated</h2>
 * A failed attempt is repeated, within the attempt cap and the deadline, when its failure is retryable (network
 * failure, a status of {@link RetryPolicy#isRetryableStatus(int)}) <em>and</em> repeating is safe: the method is
 * GET, HEAD or OPTIONS, the request was {@linkplain ApiRequest.Builder#idempotent(boolean) declared idempotent},
 * it carries an idempotency key, or it certainly never reached the server (connection refused, 429, 401). An
 * unsafe request without a key that may have reached the server is never repeated: its
 * {@link TransportException} says the outcome is unknown. OkHttp's own silent retry is turned off, and
 * redirects are not followed.
 *
 * <h2>What is an answer</h2>
 * Only a 2xx response is returned (or streamed to a {@link ResponseHandler}). A 3xx is a
 * {@link vn.egov.sdk.core.PlatformException} of fault PLATFORM, not retryable, naming the status and the
 * {@code Location} (without its query); so is a status HTTP does not define as a final answer. An answer that is not
 * readable HTTP (garbage instead of a status line, a negative, non-numeric or contradictory {@code Content-Length},
 * broken chunking, a truncated body) is a {@link TransportException} whose request may have reached the server; a
 * {@code Content-Length} above the response limit is refused before the body is read. Nothing OkHttp or okio throws
 * while reading an answer leaves the runtime as anything but an {@link EgovException}.
 *
 * <p>Every attempt is counted in {@link EgovException#attempts()}; the failures of earlier attempts are attached
 * to the thrown exception as suppressed exceptions.
 */
public final class HttpRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.http");

    private final OkHttpClient http;
    private final boolean ownsDispatcher;
    private final boolean ownsPool;
    private final Duration deadline;
    private final RetryPolicy retryPolicy;
    private final AuthStrategy auth;
    private final List<HttpInterceptor> interceptors;
    private final ErrorMapper errorMapper;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String userAgent;
    private final String idempotencyKeyHeader;
    private final boolean generateIdempotencyKeys;
    private final String correlationIdHeader;
    private final OkHttpExchange exchange;
    private final HttpRuntime unauthenticated;

    private HttpRuntime(Builder b) {
        OkHttpClient.Builder ok = b.okHttpClient != null ? b.okHttpClient.newBuilder() : new OkHttpClient.Builder();
        if (b.connectionPool != null) {
            ok.connectionPool(b.connectionPool);
        }
        this.http = ok.connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(b.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(0, TimeUnit.MILLISECONDS) // set per call from the remaining deadline
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.ownsDispatcher = b.okHttpClient == null;
        this.ownsPool = b.okHttpClient == null && b.connectionPool == null;
        this.deadline = b.deadline;
        this.retryPolicy = b.retryPolicy;
        this.auth = b.auth;
        this.interceptors = List.copyOf(b.interceptors);
        this.errorMapper = b.errorMapper;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.userAgent = b.userAgent;
        this.idempotencyKeyHeader = b.idempotencyKeyHeader;
        this.generateIdempotencyKeys = b.generateIdempotencyKeys;
        this.correlationIdHeader = b.correlationIdHeader;
        this.exchange = new OkHttpExchange(http, b.maxResponseBytes);
        this.unauthenticated = b.auth == AuthStrategy.NONE ? this : new HttpRuntime(this);
    }

    /** A view without credentials that shares everything else and owns nothing. */
    private HttpRuntime(HttpRuntime parent) {
        this.http = parent.http;
        this.ownsDispatcher = false;
        this.ownsPool = false;
        this.deadline = parent.deadline;
        this.retryPolicy = parent.retryPolicy;
        this.auth = AuthStrategy.NONE;
        this.interceptors = parent.interceptors;
        this.errorMapper = parent.errorMapper;
        this.clock = parent.clock;
        this.sleeper = parent.sleeper;
        this.userAgent = parent.userAgent;
        this.idempotencyKeyHeader = parent.idempotencyKeyHeader;
        this.generateIdempotencyKeys = parent.generateIdempotencyKeys;
        this.correlationIdHeader = parent.correlationIdHeader;
        this.exchange = parent.exchange;
        this.unauthenticated = this;
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The OkHttp client this runtime sends with; pass it to another runtime's builder to share its connection pool. */
    public OkHttpClient okHttpClient() {
        return http;
    }

    /** The clock of this runtime. */
    public Clock clock() {
        return clock;
    }

    /** Sends a request with the client's defaults. */
    public ApiResponse execute(ApiRequest request) {
        return execute(request, RequestOptions.DEFAULT);
    }

    /**
     * Sends a request, retrying as the class documentation describes, and returns its 2xx response.
     *
     * @throws EgovException a subclass saying what failed and whose fault it was
     */
    public ApiResponse execute(ApiRequest request, RequestOptions options) {
        return run(request, options, null).response();
    }

    /**
     * Sends a request like {@link #execute(ApiRequest, RequestOptions)}, but hands a 2xx body to {@code handler} as
     * a stream instead of reading it into memory (error responses are still read, bounded, to map them). The
     * interceptors see the 2xx response with an empty body.
     *
     * @return what the handler returned
     * @throws EgovException a subclass saying what failed and whose fault it was
     */
    public <T> T execute(ApiRequest request, RequestOptions options, ResponseHandler<T> handler) {
        ValidationException.requireNonNull(handler, "HttpRuntime.handler");
        return run(request, options, handler).value();
    }

    /** The outcome of the successful attempt: the response, and the handler's value when streaming. */
    private record Outcome<T>(ApiResponse response, T value) {
    }

    private <T> Outcome<T> run(ApiRequest request, RequestOptions options, ResponseHandler<T> handler) {
        ValidationException.requireNonNull(request, "HttpRuntime.request");
        ValidationException.requireNonNull(options, "HttpRuntime.options");
        String correlationId = options.correlationId().orElseGet(HttpRuntime::newCorrelationId);
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
                throw finish(deadlinePassed(base, ctx, failures), failures);
            }
            ApiRequest sent = prepare(base, ctx);
            EgovException failure;
            boolean mayHaveActed;
            try {
                OkHttpExchange.Result<T> result = exchange.send(sent, ctx, remaining, handler);
                ApiResponse response = new ApiResponse(result.status(), result.headers(), result.body(), true);
                for (int i = interceptors.size() - 1; i >= 0; i--) {
                    response = interceptors.get(i).afterAttempt(sent, response, ctx);
                }
                if (response.isSuccessful()) {
                    return new Outcome<>(response, result.value());
                }
                if (response.status() < 400 || response.status() > 599) {
                    failure = notAnAnswer(sent, response, ctx);
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

            if (!failure.retryable()) {
                throw finish(failure, failures);
            }
            if (!repeatable && mayHaveActed) {
                LOG.warn("{} [correlationId={}] attempt {} failed and is not repeated: an unsafe request without an "
                        + "idempotency key may have reached the server", sent, correlationId, attempt);
                throw finish(failure, failures);
            }
            if (attempt >= attemptBudget) {
                throw finish(failure, failures);
            }
            Optional<Duration> wait = retryPolicy.delayBefore(attempt + 1, failure.details().retryAfter());
            if (wait.isEmpty()) {
                LOG.warn("{} [correlationId={}] server asked to wait longer than {}; not repeated", sent,
                        correlationId, retryPolicy.maxRetryAfter());
                throw finish(failure, failures);
            }
            if (clock.instant().plus(wait.get()).isAfter(deadlineAt)) {
                LOG.warn("{} [correlationId={}] waiting {} ms would pass the deadline; not repeated", sent,
                        correlationId, wait.get().toMillis());
                throw finish(failure, failures);
            }
            LOG.warn("{} [correlationId={}] attempt {} failed ({}); retrying in {} ms", sent, correlationId, attempt,
                    failure.getMessage(), wait.get().toMillis());
            failures.add(failure);
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw finish(new TransportException(sent + ": interrupted while waiting to retry",
                        ErrorDetails.of(Fault.NETWORK, false).withCall(correlationId, attempt), e, mayHaveActed,
                        false), failures);
            }
        }
    }

    /** This runtime without credentials (for token endpoints); shares connections and settings. */
    public HttpRuntime withoutAuth() {
        return unauthenticated;
    }

    /**
     * Releases what this runtime created: its dispatcher threads and, unless a pool was given, its connections. A
     * shared OkHttp client or connection pool is left open for the others using it.
     */
    @Override
    public void close() {
        if (ownsDispatcher) {
            http.dispatcher().executorService().shutdown();
        }
        if (ownsPool) {
            http.connectionPool().evictAll();
        }
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
                || !generateIdempotencyKeys) {
            return Optional.empty();
        }
        return Optional.of(UUID.randomUUID().toString());
    }

    private ApiRequest withStandardHeaders(ApiRequest request, RequestOptions options, String correlationId,
            Optional<String> idempotencyKey) {
        ApiRequest.Builder b = request.toBuilder();
        if (request.header("User-Agent").isEmpty()) {
            b.header("User-Agent", userAgent);
        }
        b.setHeader(correlationIdHeader, correlationId);
        idempotencyKey.ifPresent(k -> b.setHeader(idempotencyKeyHeader, k));
        options.headers().forEach(b::setHeader);
        return b.build();
    }

    private ApiRequest prepare(ApiRequest base, AttemptContext ctx) {
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

    /**
     * A status that is neither 2xx nor an error status: a redirect (3xx, never followed, so the endpoint is wrong or
     * the platform moved) or a status HTTP does not define as a final answer (1xx reaching the client, 0xx, 6xx…).
     * Not the caller's request but the platform's answer is at fault, and repeating it gives the same answer.
     */
    private static PlatformException notAnAnswer(ApiRequest request, ApiResponse response, AttemptContext ctx) {
        int status = response.status();
        String what;
        if (status >= 300 && status < 400) {
            what = " answered HTTP " + status + " (a redirect "
                    + response.header("Location").map(l -> "to " + location(l)).orElse("without a Location")
                    + "); redirects are not followed: check the endpoint URL";
        } else {
            what = " answered HTTP status " + status + ", which is not a final HTTP answer";
        }
        return new PlatformException(request + what, ErrorDetails.of(Fault.PLATFORM, false)
                .withCall(ctx.correlationId(), ctx.attempt()).withHttpStatus(status), null);
    }

    /** A {@code Location} as it may be shown: no query, fragment or user info, printable, bounded. */
    private static String location(String value) {
        String v = value.strip();
        int cut = v.length();
        for (char c : new char[] {'?', '#'}) {
            int i = v.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        v = v.substring(0, cut);
        int scheme = v.indexOf("://");
        int at = v.indexOf('@');
        if (scheme >= 0 && at > scheme) {
            int slash = v.indexOf('/', scheme + 3);
            if (slash < 0 || at < slash) {
                v = v.substring(0, scheme + 3) + v.substring(at + 1);
            }
        }
        return Redactor.printable(v, 200);
    }

    private static TransportException deadlinePassed(ApiRequest request, AttemptContext ctx,
            List<EgovException> failures) {
        boolean mayHaveReached = failures.stream()
                .anyMatch(f -> !(f instanceof TransportException t) || t.mayHaveReachedServer());
        return new TransportException(request + ": the call's deadline passed before attempt " + ctx.attempt(),
                ErrorDetails.of(Fault.NETWORK, false).withCall(ctx.correlationId(), ctx.attempt() - 1), null,
                mayHaveReached, true);
    }

    private static EgovException finish(EgovException last, List<EgovException> earlier) {
        for (EgovException e : earlier) {
            if (e != last) {
                last.addSuppressed(e);
            }
        }
        return last;
    }

    /** Builder of {@link HttpRuntime}. */
    public static final class Builder {
        private OkHttpClient okHttpClient;
        private ConnectionPool connectionPool;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration deadline = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private AuthStrategy auth = AuthStrategy.NONE;
        private final List<HttpInterceptor> interceptors = new ArrayList<>();
        private ErrorMapper errorMapper = new DefaultErrorMapper();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private String userAgent = "egov-sdk-java/" + SdkVersion.VERSION + " (Java " + Runtime.version().feature() + ")";
        private String idempotencyKeyHeader = "Idempotency-Key";
        private boolean generateIdempotencyKeys = true;
        private String correlationIdHeader = "X-Correlation-Id";
        private long maxResponseBytes = 32L * 1024 * 1024;

        private Builder() {
        }

        /**
         * Sends with a copy of this OkHttp client, sharing its connection pool and dispatcher (its timeouts,
         * retry and redirect settings are replaced by this runtime's). The shared client is not closed by
         * {@link HttpRuntime#close()}.
         */
        public Builder okHttpClient(OkHttpClient value) {
            this.okHttpClient = ValidationException.requireNonNull(value, "HttpRuntime.okHttpClient");
            return this;
        }

        /** Uses this connection pool (shared with other runtimes); it is not closed by {@link HttpRuntime#close()}. */
        public Builder connectionPool(ConnectionPool value) {
            this.connectionPool = ValidationException.requireNonNull(value, "HttpRuntime.connectionPool");
            return this;
        }

        /** Time allowed to open a connection (default 10 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Time allowed between two reads of a response (default 30 s). */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** Time allowed between two writes of a request (default 30 s). */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = positive(value, "writeTimeout");
            return this;
        }

        /** Overall deadline of each call, every attempt and wait included (default 60 s). */
        public Builder deadline(Duration value) {
            this.deadline = positive(value, "deadline");
            return this;
        }

        /** The retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = ValidationException.requireNonNull(value, "HttpRuntime.retryPolicy");
            return this;
        }

        /** How requests are authenticated (default: not at all). */
        public Builder auth(AuthStrategy value) {
            this.auth = ValidationException.requireNonNull(value, "HttpRuntime.auth");
            return this;
        }

        /** Adds an interceptor; see {@link HttpInterceptor} for the order. */
        public Builder addInterceptor(HttpInterceptor value) {
            interceptors.add(ValidationException.requireNonNull(value, "HttpRuntime.interceptor"));
            return this;
        }

        /** How error responses become exceptions (default {@link DefaultErrorMapper}). */
        public Builder errorMapper(ErrorMapper value) {
            this.errorMapper = ValidationException.requireNonNull(value, "HttpRuntime.errorMapper");
            return this;
        }

        /** The clock for deadlines and token expiry (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "HttpRuntime.clock");
            return this;
        }

        /** How the runtime waits between attempts (default {@link Sleeper#SYSTEM}). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = ValidationException.requireNonNull(value, "HttpRuntime.sleeper");
            return this;
        }

        /** The {@code User-Agent} sent when a request has none. */
        public Builder userAgent(String value) {
            this.userAgent = ValidationException.requireNonNull(value, "HttpRuntime.userAgent");
            return this;
        }

        /** The header that carries idempotency keys (default {@code Idempotency-Key}). */
        public Builder idempotencyKeyHeader(String value) {
            this.idempotencyKeyHeader = ValidationException.requireNonNull(value, "HttpRuntime.idempotencyKeyHeader");
            return this;
        }

        /**
         * Whether an idempotency key is generated for each unsafe call that has none and is not
         * {@linkplain ApiRequest#isDeclaredIdempotent() declared idempotent} (default true). Turn it off
         * for a platform that rejects the header; such calls are then not repeated once they may have been
         * received.
         */
        public Builder generateIdempotencyKeys(boolean value) {
            this.generateIdempotencyKeys = value;
            return this;
        }

        /** The header that carries the correlation id (default {@code X-Correlation-Id}). */
        public Builder correlationIdHeader(String value) {
            this.correlationIdHeader = ValidationException.requireNonNull(value, "HttpRuntime.correlationIdHeader");
            return this;
        }

        /** The largest response body read into memory (default 32 MiB). */
        public Builder maxResponseBytes(long value) {
            if (value < 1) {
                throw ValidationException.of("http.maxResponseBytes", "HttpRuntime.maxResponseBytes",
                        "maxResponseBytes must be positive");
            }
            this.maxResponseBytes = value;
            return this;
        }

        /** Builds the runtime. */
        public HttpRuntime build() {
            return new HttpRuntime(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("http." + name, "HttpRuntime." + name,
                        name + " must be a positive, finite duration");
            }
            return value;
        }
    }
}
