package vn.egov.sdk.core.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.http.internal.CallLoop;
import vn.egov.sdk.core.internal.OkHttpExchange;
import vn.egov.sdk.core.internal.SdkVersion;

/**
 * The HTTP runtime every client of the SDK stands on: OkHttp with finite timeouts and an overall deadline per
 * call, retries that never repeat what is unsafe to repeat, idempotency keys, correlation ids, credentials,
 * interceptors and redacted logging. Thread-safe; build one per platform client and share it.
 *
 * <p>The HTTP settings (timeouts, deadline, retries, clock, interceptors, user agent, response cap, shared
 * connections) come from one {@link ClientSettings} value ({@link Builder#settings(ClientSettings)}); an unset value
 * takes the default below. The builder itself holds only what is the runtime's own: credentials, error mapping and
 * the idempotency and correlation headers.
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
    /** The runtime's defaults, used for what a {@link ClientSettings} leaves unset. */
    private static final ClientSettings DEFAULTS = ClientSettings.builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .deadline(Duration.ofSeconds(60))
            .retryPolicy(RetryPolicy.defaults())
            .userAgent("egov-sdk-java/" + SdkVersion.VERSION + " (Java " + Runtime.version().feature() + ")")
            .maxResponseBytes(32L * 1024 * 1024)
            .build();

    private final OkHttpClient http;
    private final boolean ownsDispatcher;
    private final boolean ownsPool;
    private final ClientSettings settings;
    private final CallLoop loop;
    private final HttpRuntime unauthenticated;

    private HttpRuntime(Builder b) {
        ClientSettings s = b.settings.orElse(DEFAULTS);
        OkHttpClient.Builder ok = s.okHttpClient().map(OkHttpClient::newBuilder).orElseGet(OkHttpClient.Builder::new);
        s.connectionPool().ifPresent(ok::connectionPool);
        this.http = ok.connectTimeout(s.connectTimeout().orElseThrow().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(s.readTimeout().orElseThrow().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(s.writeTimeout().orElseThrow().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(0, TimeUnit.MILLISECONDS) // set per call from the remaining deadline
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.ownsDispatcher = s.okHttpClient().isEmpty();
        this.ownsPool = s.okHttpClient().isEmpty() && s.connectionPool().isEmpty();
        this.settings = s;
        this.loop = new CallLoop(new OkHttpExchange(http, s.maxResponseBytes().orElseThrow()), b.auth,
                s.interceptors(), b.errorMapper, s.retryPolicy().orElseThrow(), s.deadline().orElseThrow(),
                s.clock(), s.sleeper(), new CallLoop.StandardHeaders(s.userAgent().orElseThrow(),
                        b.idempotencyKeyHeader, b.generateIdempotencyKeys, b.correlationIdHeader),
                (status, headers, body) -> new ApiResponse(status, headers, body, true));
        this.unauthenticated = b.auth == AuthStrategy.NONE ? this : new HttpRuntime(this);
    }

    /** A view without credentials that shares everything else and owns nothing. */
    private HttpRuntime(HttpRuntime parent) {
        this.http = parent.http;
        this.ownsDispatcher = false;
        this.ownsPool = false;
        this.settings = parent.settings;
        this.loop = parent.loop.withAuth(AuthStrategy.NONE);
        this.unauthenticated = this;
    }

    /**
     * A builder with the documented defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The OkHttp client this runtime sends with; put it in another client's {@link ClientSettings#okHttpClient()} to
     * share its connection pool.
     *
     * @return the client
     */
    public OkHttpClient okHttpClient() {
        return http;
    }

    /**
     * The settings in force: those given, with the runtime's defaults where they left a value unset.
     *
     * @return the settings
     */
    public ClientSettings settings() {
        return settings;
    }

    /**
     * The clock of this runtime.
     *
     * @return the clock
     */
    public Clock clock() {
        return settings.clock();
    }

    /**
     * Sends a request with the client's defaults.
     *
     * @param request the request
     * @return its 2xx response
     * @throws EgovException a subclass saying what failed and whose fault it was
     */
    public ApiResponse execute(ApiRequest request) {
        return execute(request, RequestOptions.DEFAULT);
    }

    /**
     * Sends a request, retrying as the class documentation describes, and returns its 2xx response.
     *
     * @param request the request
     * @param options per-call options
     * @return its 2xx response
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
     * @param request the request
     * @param options per-call options
     * @param handler reads the 2xx body
     * @param <T> what the handler returns
     * @return what the handler returned
     * @throws EgovException a subclass saying what failed and whose fault it was
     */
    public <T> T execute(ApiRequest request, RequestOptions options, ResponseHandler<T> handler) {
        ValidationException.requireNonNull(handler, "HttpRuntime.handler");
        return run(request, options, handler).value();
    }

    private <T> CallLoop.Outcome<T> run(ApiRequest request, RequestOptions options, ResponseHandler<T> handler) {
        ValidationException.requireNonNull(request, "HttpRuntime.request");
        ValidationException.requireNonNull(options, "HttpRuntime.options");
        return loop.run(request, options, handler, unauthenticated);
    }

    /**
     * This runtime without credentials (for token endpoints); shares connections and settings.
     *
     * @return the view without credentials
     */
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

    /** Builder of {@link HttpRuntime}. Not thread-safe. */
    public static final class Builder {
        private ClientSettings settings = ClientSettings.defaults();
        private AuthStrategy auth = AuthStrategy.NONE;
        private ErrorMapper errorMapper = new DefaultErrorMapper();
        private String idempotencyKeyHeader = "Idempotency-Key";
        private boolean generateIdempotencyKeys = true;
        private String correlationIdHeader = "X-Correlation-Id";

        private Builder() {
        }

        /**
         * The HTTP settings; unset values take the defaults of the class documentation.
         *
         * @param value the settings, possibly shared with other clients
         * @return this builder
         */
        public Builder settings(ClientSettings value) {
            this.settings = ValidationException.requireNonNull(value, "HttpRuntime.settings");
            return this;
        }

        /**
         * How requests are authenticated (default: not at all).
         *
         * @param value the strategy
         * @return this builder
         */
        public Builder auth(AuthStrategy value) {
            this.auth = ValidationException.requireNonNull(value, "HttpRuntime.auth");
            return this;
        }

        /**
         * How error responses become exceptions (default {@link DefaultErrorMapper}).
         *
         * @param value the mapper
         * @return this builder
         */
        public Builder errorMapper(ErrorMapper value) {
            this.errorMapper = ValidationException.requireNonNull(value, "HttpRuntime.errorMapper");
            return this;
        }

        /**
         * The header that carries idempotency keys (default {@code Idempotency-Key}).
         *
         * @param value the header name
         * @return this builder
         */
        public Builder idempotencyKeyHeader(String value) {
            this.idempotencyKeyHeader = ValidationException.requireNonNull(value, "HttpRuntime.idempotencyKeyHeader");
            return this;
        }

        /**
         * Whether an idempotency key is generated for each unsafe call that has none and is not
         * {@linkplain ApiRequest#isDeclaredIdempotent() declared idempotent} (default true). Turn it off
         * for a platform that rejects the header; such calls are then not repeated once they may have been
         * received.
         *
         * @param value whether keys are generated
         * @return this builder
         */
        public Builder generateIdempotencyKeys(boolean value) {
            this.generateIdempotencyKeys = value;
            return this;
        }

        /**
         * The header that carries the correlation id (default {@code X-Correlation-Id}).
         *
         * @param value the header name
         * @return this builder
         */
        public Builder correlationIdHeader(String value) {
            this.correlationIdHeader = ValidationException.requireNonNull(value, "HttpRuntime.correlationIdHeader");
            return this;
        }

        /**
         * Builds the runtime.
         *
         * @return the runtime
         */
        public HttpRuntime build() {
            return new HttpRuntime(this);
        }
    }
}
