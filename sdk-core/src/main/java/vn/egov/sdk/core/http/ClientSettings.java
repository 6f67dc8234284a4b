package vn.egov.sdk.core.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import vn.egov.sdk.core.ValidationException;

/**
 * The HTTP settings every client of the SDK accepts, in one immutable value: endpoint, timeouts, deadline, retry
 * policy, clock, sleeper, interceptors, user agent, response cap, temporary directory and shared connections. Build
 * one, hand it to any client builder's {@code settings(ClientSettings)}, and share it between clients; derive a
 * variant with {@link #toBuilder()}. Each client keeps in its own builder only what is its own (credentials,
 * signers, wire options).
 *
 * <pre>{@code
 * ClientSettings shared = ClientSettings.builder()
 *         .deadline(Duration.ofSeconds(30))
 *         .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
 *         .addInterceptor(auditInterceptor)
 *         .build();
 * ClientSettings axis = shared.toBuilder().endpoint("https://axis.example.gov.vn/vdxp").build();
 * }</pre>
 *
 * <h2>Unset values</h2>
 * The endpoint, the timeouts, the deadline, the retry policy, the user agent, the response cap and the temporary
 * directory may be left unset: each client then uses its own documented default (the national axis, which carries
 * whole packages, allows larger answers and a longer deadline than a signing gateway). The clock defaults to the UTC
 * system clock and the sleeper to {@link Sleeper#SYSTEM}.
 *
 * <h2>Interceptors</h2>
 * Interceptors run in the order added: {@link HttpInterceptor#beforeAttempt} after the runtime's standard headers
 * and the client's credentials (so they see, and may sign, the final request), {@link HttpInterceptor#afterAttempt}
 * in reverse order. A client's own internal interceptors (mapping the platform's error envelope) run after them on
 * the way out and before them on the way back, so these interceptors see the answer as the client understood it.
 *
 * <p>{@link #toString()} names every setting but no secret (a URL's user info and query are not shown).
 */
public final class ClientSettings {
    private static final ClientSettings DEFAULTS = new ClientSettingsBuilder().build();

    private final String endpoint;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration deadline;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<HttpInterceptor> interceptors;
    private final String userAgent;
    private final Long maxResponseBytes;
    private final Path tempDirectory;
    private final OkHttpClient okHttpClient;
    private final ConnectionPool connectionPool;

    ClientSettings(ClientSettingsBuilder b) {
        this.endpoint = b.endpoint;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.deadline = b.deadline;
        this.retryPolicy = b.retryPolicy;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.interceptors = List.copyOf(b.interceptors);
        this.userAgent = b.userAgent;
        this.maxResponseBytes = b.maxResponseBytes;
        this.tempDirectory = b.tempDirectory;
        this.okHttpClient = b.okHttpClient;
        this.connectionPool = b.connectionPool;
    }

    /**
     * Settings with nothing set: every client uses its own defaults.
     *
     * @return the empty settings
     */
    public static ClientSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A new builder with nothing set.
     *
     * @return the builder
     */
    public static ClientSettingsBuilder builder() {
        return new ClientSettingsBuilder();
    }

    /**
     * A builder holding these settings, to derive a variant.
     *
     * @return the builder
     */
    public ClientSettingsBuilder toBuilder() {
        ClientSettingsBuilder b = new ClientSettingsBuilder();
        b.endpoint = endpoint;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.deadline = deadline;
        b.retryPolicy = retryPolicy;
        b.clock = clock;
        b.sleeper = sleeper;
        b.interceptors.addAll(interceptors);
        b.userAgent = userAgent;
        b.maxResponseBytes = maxResponseBytes;
        b.tempDirectory = tempDirectory;
        b.okHttpClient = okHttpClient;
        b.connectionPool = connectionPool;
        return b;
    }

    /**
     * These settings, with each unset value taken from {@code fallback} (a client's own defaults). The clock, the
     * sleeper and the interceptors are always these settings'.
     *
     * @param fallback the values used where these have none
     * @return the merged settings
     */
    public ClientSettings orElse(ClientSettings fallback) {
        ValidationException.requireNonNull(fallback, "ClientSettings.fallback");
        ClientSettingsBuilder b = toBuilder();
        b.endpoint = endpoint != null ? endpoint : fallback.endpoint;
        b.connectTimeout = connectTimeout != null ? connectTimeout : fallback.connectTimeout;
        b.readTimeout = readTimeout != null ? readTimeout : fallback.readTimeout;
        b.writeTimeout = writeTimeout != null ? writeTimeout : fallback.writeTimeout;
        b.deadline = deadline != null ? deadline : fallback.deadline;
        b.retryPolicy = retryPolicy != null ? retryPolicy : fallback.retryPolicy;
        b.userAgent = userAgent != null ? userAgent : fallback.userAgent;
        b.maxResponseBytes = maxResponseBytes != null ? maxResponseBytes : fallback.maxResponseBytes;
        b.tempDirectory = tempDirectory != null ? tempDirectory : fallback.tempDirectory;
        b.okHttpClient = okHttpClient != null ? okHttpClient : fallback.okHttpClient;
        b.connectionPool = connectionPool != null ? connectionPool : fallback.connectionPool;
        return b.build();
    }

    /**
     * The platform's base URL, without a trailing {@code /}; each client appends its operations' paths.
     *
     * @return the endpoint, if set
     */
    public Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * Time allowed to open a connection.
     *
     * @return the timeout, if set
     */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /**
     * Time allowed between two reads of a response.
     *
     * @return the timeout, if set
     */
    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    /**
     * Time allowed between two writes of a request.
     *
     * @return the timeout, if set
     */
    public Optional<Duration> writeTimeout() {
        return Optional.ofNullable(writeTimeout);
    }

    /**
     * The overall deadline of each call, every attempt and wait included.
     *
     * @return the deadline, if set
     */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Which failed attempts are repeated, and after how long.
     *
     * @return the policy, if set
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * The clock of deadlines, timestamps, token expiry and validation.
     *
     * @return the clock (default the UTC system clock)
     */
    public Clock clock() {
        return clock;
    }

    /**
     * How a client waits between attempts.
     *
     * @return the sleeper (default {@link Sleeper#SYSTEM})
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The interceptors, in the order they run before each attempt.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<HttpInterceptor> interceptors() {
        return interceptors;
    }

    /**
     * The {@code User-Agent} sent when a request has none.
     *
     * @return the user agent, if set
     */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /**
     * The largest response body read into memory.
     *
     * @return the cap in bytes, if set
     */
    public Optional<Long> maxResponseBytes() {
        return Optional.ofNullable(maxResponseBytes);
    }

    /**
     * Where temporary files (packages being sent or fetched) go.
     *
     * @return the directory, if set (otherwise the system's temporary directory)
     */
    public Optional<Path> tempDirectory() {
        return Optional.ofNullable(tempDirectory);
    }

    /**
     * An OkHttp client whose connection pool and dispatcher are shared (never closed by a client).
     *
     * @return the shared client, if set
     */
    public Optional<OkHttpClient> okHttpClient() {
        return Optional.ofNullable(okHttpClient);
    }

    /**
     * A connection pool shared by clients (never closed by a client).
     *
     * @return the pool, if set
     */
    public Optional<ConnectionPool> connectionPool() {
        return Optional.ofNullable(connectionPool);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ClientSettings[");
        append(s, "endpoint", endpoint == null ? null : shown(endpoint));
        append(s, "connectTimeout", connectTimeout);
        append(s, "readTimeout", readTimeout);
        append(s, "writeTimeout", writeTimeout);
        append(s, "deadline", deadline);
        append(s, "retryPolicy", retryPolicy);
        append(s, "clock", clock);
        append(s, "sleeper", sleeper == Sleeper.SYSTEM ? "SYSTEM" : sleeper.getClass().getSimpleName());
        append(s, "interceptors", interceptors.size());
        append(s, "userAgent", userAgent);
        append(s, "maxResponseBytes", maxResponseBytes);
        append(s, "tempDirectory", tempDirectory);
        append(s, "okHttpClient", okHttpClient == null ? null : "shared");
        append(s, "connectionPool", connectionPool == null ? null : "shared");
        return s.append(']').toString();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(s.charAt(s.length() - 1) == '[' ? "" : ", ").append(name).append('=').append(value);
        }
    }

    /** An endpoint as it may be shown: scheme, host, port and path only. */
    private static String shown(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }
}
