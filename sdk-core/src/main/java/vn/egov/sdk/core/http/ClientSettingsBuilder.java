package vn.egov.sdk.core.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import vn.egov.sdk.core.ValidationException;

/**
 * Builder of {@link ClientSettings}; every setter checks its value and names the field of a
 * {@link ValidationException}. Not thread-safe.
 */
public final class ClientSettingsBuilder {
    String endpoint;
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    Duration deadline;
    RetryPolicy retryPolicy;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    final List<HttpInterceptor> interceptors = new ArrayList<>();
    String userAgent;
    Long maxResponseBytes;
    Path tempDirectory;
    OkHttpClient okHttpClient;
    ConnectionPool connectionPool;

    ClientSettingsBuilder() {
    }

    /**
     * The platform's base URL; a trailing {@code /} is dropped.
     *
     * @param value an absolute http or https URL with a host and without query or fragment
     * @return this builder
     * @throws ValidationException (field {@code ClientSettings.endpoint}) when it is not such a URL
     */
    public ClientSettingsBuilder endpoint(String value) {
        this.endpoint = checkedUrl(value);
        return this;
    }

    /**
     * Time allowed to open a connection.
     *
     * @param value positive
     * @return this builder
     */
    public ClientSettingsBuilder connectTimeout(Duration value) {
        this.connectTimeout = positive(value, "connectTimeout");
        return this;
    }

    /**
     * Time allowed between two reads of a response.
     *
     * @param value positive
     * @return this builder
     */
    public ClientSettingsBuilder readTimeout(Duration value) {
        this.readTimeout = positive(value, "readTimeout");
        return this;
    }

    /**
     * Time allowed between two writes of a request.
     *
     * @param value positive
     * @return this builder
     */
    public ClientSettingsBuilder writeTimeout(Duration value) {
        this.writeTimeout = positive(value, "writeTimeout");
        return this;
    }

    /**
     * The overall deadline of each call, every attempt and wait included.
     *
     * @param value positive
     * @return this builder
     */
    public ClientSettingsBuilder deadline(Duration value) {
        this.deadline = positive(value, "deadline");
        return this;
    }

    /**
     * Which failed attempts are repeated.
     *
     * @param value the policy, for example {@link RetryPolicy#none()}
     * @return this builder
     */
    public ClientSettingsBuilder retryPolicy(RetryPolicy value) {
        this.retryPolicy = ValidationException.requireNonNull(value, "ClientSettings.retryPolicy");
        return this;
    }

    /**
     * The clock (default the UTC system clock).
     *
     * @param value the clock
     * @return this builder
     */
    public ClientSettingsBuilder clock(Clock value) {
        this.clock = ValidationException.requireNonNull(value, "ClientSettings.clock");
        return this;
    }

    /**
     * How clients wait between attempts (default {@link Sleeper#SYSTEM}).
     *
     * @param value the sleeper
     * @return this builder
     */
    public ClientSettingsBuilder sleeper(Sleeper value) {
        this.sleeper = ValidationException.requireNonNull(value, "ClientSettings.sleeper");
        return this;
    }

    /**
     * Adds an interceptor after those already added; see the class documentation for the order.
     *
     * @param value the interceptor
     * @return this builder
     */
    public ClientSettingsBuilder addInterceptor(HttpInterceptor value) {
        interceptors.add(ValidationException.requireNonNull(value, "ClientSettings.interceptor"));
        return this;
    }

    /**
     * Removes every interceptor added so far.
     *
     * @return this builder
     */
    public ClientSettingsBuilder clearInterceptors() {
        interceptors.clear();
        return this;
    }

    /**
     * The {@code User-Agent} sent when a request has none.
     *
     * @param value printable ASCII, 1 to 200 characters
     * @return this builder
     */
    public ClientSettingsBuilder userAgent(String value) {
        if (value == null || !value.matches("[\\x20-\\x7E]{1,200}") || value.isBlank()) {
            throw ValidationException.of("http.userAgent", "ClientSettings.userAgent",
                    "userAgent must be 1 to 200 printable ASCII characters");
        }
        this.userAgent = value;
        return this;
    }

    /**
     * The largest response body read into memory.
     *
     * @param value bytes, at least 1024
     * @return this builder
     */
    public ClientSettingsBuilder maxResponseBytes(long value) {
        if (value < 1024) {
            throw ValidationException.of("http.maxResponseBytes", "ClientSettings.maxResponseBytes",
                    "maxResponseBytes must be at least 1024");
        }
        this.maxResponseBytes = value;
        return this;
    }

    /**
     * Where temporary files go (default the system's temporary directory).
     *
     * @param value a directory; it must exist when a client writes there
     * @return this builder
     */
    public ClientSettingsBuilder tempDirectory(Path value) {
        this.tempDirectory = ValidationException.requireNonNull(value, "ClientSettings.tempDirectory");
        return this;
    }

    /**
     * Sends with copies of this OkHttp client, sharing its connection pool and dispatcher (its timeouts, retry
     * and redirect settings are replaced by the client's). No client closes it.
     *
     * @param value the shared client
     * @return this builder
     */
    public ClientSettingsBuilder okHttpClient(OkHttpClient value) {
        this.okHttpClient = ValidationException.requireNonNull(value, "ClientSettings.okHttpClient");
        return this;
    }

    /**
     * Shares this connection pool between clients. No client closes it.
     *
     * @param value the pool
     * @return this builder
     */
    public ClientSettingsBuilder connectionPool(ConnectionPool value) {
        this.connectionPool = ValidationException.requireNonNull(value, "ClientSettings.connectionPool");
        return this;
    }

    /**
     * Builds the settings.
     *
     * @return the immutable settings
     */
    public ClientSettings build() {
        return new ClientSettings(this);
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw ValidationException.of("http." + name, "ClientSettings." + name,
                    name + " must be a positive, finite duration");
        }
        return value;
    }

    private static String checkedUrl(String value) {
        try {
            URI u = new URI(ValidationException.requireNonNull(value, "ClientSettings.endpoint"));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                    && u.getRawQuery() == null && u.getRawFragment() == null) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ValidationException.of("http.endpoint", "ClientSettings.endpoint",
                "endpoint must be an absolute http or https URL with a host, without query or fragment");
    }
}
