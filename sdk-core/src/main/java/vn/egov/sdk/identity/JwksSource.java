package vn.egov.sdk.identity;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.identity.internal.JwksCache;
import vn.egov.sdk.identity.internal.JwksDocument;
import vn.egov.sdk.identity.internal.JwksHttp;

/**
 * The identity provider's signing keys (its JWK set, RFC 7517): fetched from its {@code jwks_uri} and cached, or a
 * fixed set. The only place {@link IdTokenValidator} takes keys from: a token's {@code jku}, {@code x5u},
 * {@code jwk} or {@code x5c} header is never followed. Thread-safe; share one per provider.
 *
 * <h2>Fetching and caching</h2>
 * The set is fetched on first use with a GET through the SDK's {@link HttpRuntime} (the given
 * {@link ClientSettings}; unset timeouts default to 2 s connect, 2 s read and a 5 s deadline, and the response cap is
 * {@link Builder#maxBytes(int)}), then used for {@link Builder#cacheTtl(Duration)} without any request. After that
 * it is fetched again; if that fails, validation fails closed with {@link IdTokenFailure#JWKS_UNAVAILABLE} (the
 * cached keys are not used past their lifetime), and no new attempt is made for
 * {@link Builder#minRefetchInterval(Duration)}. A token whose key is not in the set (a provider that rotated its
 * keys) triggers one refetch, at most once per {@code minRefetchInterval} however many such tokens arrive.
 *
 * <h2>What is kept</h2>
 * A key the parser refuses, a key for encryption ({@code use=enc}, or {@code key_ops} without {@code verify}), a
 * symmetric key and an RSA key below 2048 bits are left out (and logged at WARN), without failing the rest of the
 * set. A body that is not a JSON object with a {@code keys} array, an error status, or one above {@code maxBytes}
 * makes the fetch fail ({@code JWKS_UNAVAILABLE}, fault {@link vn.egov.sdk.core.Fault#PLATFORM}); an unreachable
 * endpoint fails it with fault {@link vn.egov.sdk.core.Fault#NETWORK}. An oversized set is
 * {@code JWKS_UNAVAILABLE}, not {@link IdTokenFailure#TOO_LARGE}: that one names a token the caller passed, while
 * an oversized set is the provider's problem (and no token can be checked until it is fixed).
 */
public final class JwksSource implements AutoCloseable {
    /** The default lifetime of fetched keys: 5 minutes. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    /** The default least time between two fetches: 30 seconds. */
    public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** The default largest JWKS body read: 51,200 bytes. */
    public static final int DEFAULT_MAX_BYTES = 51_200;

    private static final ClientSettings HTTP_DEFAULTS = ClientSettings.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .writeTimeout(Duration.ofSeconds(2))
            .deadline(Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.defaults())
            .build();

    private final JwksCache cache;
    private final HttpRuntime runtime;
    private final String description;

    private JwksSource(JwksCache cache, HttpRuntime runtime, String description) {
        this.cache = cache;
        this.runtime = runtime;
        this.description = description;
    }

    /**
     * A builder; the URL is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fixed key set, never fetched nor refreshed (keys the provider published out of band, or tests).
     *
     * @param jwksJson a JWK set document: a JSON object with a {@code keys} array
     * @return the source
     * @throws ValidationException if {@code jwksJson} is null or not a JWK set document
     */
    public static JwksSource of(String jwksJson) {
        ValidationException.requireNonNull(jwksJson, "JwksSource.jwksJson");
        try {
            JWKSet keys = JwksDocument.parse(jwksJson, "the fixed JWKS");
            return new JwksSource(JwksCache.fixed(keys), null, "JwksSource[fixed, " + keys.size() + " key(s)]");
        } catch (ParseException e) {
            throw ValidationException.of("jwks", "JwksSource.jwksJson", "JwksSource.jwksJson must be a JWK set "
                    + "document, but is " + e.getMessage());
        }
    }

    /**
     * How many times the set was requested from its URL, failed attempts included; 0 for a fixed set.
     *
     * @return the count
     */
    public long fetches() {
        return cache.fetches();
    }

    JwksCache cache() {
        return cache;
    }

    /** Releases the HTTP runtime this source created (nothing for a fixed set). */
    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /**
     * The URL (without its query) and the cache settings; no key material.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return description;
    }

    /** Builder of {@link JwksSource}. Not thread-safe. */
    public static final class Builder {
        private static final Duration MAX_TTL = Duration.ofDays(1);

        private String url;
        private ClientSettings settings = ClientSettings.defaults();
        private Duration cacheTtl = DEFAULT_CACHE_TTL;
        private Duration minRefetchInterval = DEFAULT_MIN_REFETCH_INTERVAL;
        private int maxBytes = DEFAULT_MAX_BYTES;
        private Clock clock;

        private Builder() {
        }

        /**
         * The provider's {@code jwks_uri}.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder url(String value) {
            this.url = ValidationException.requireText(value, "JwksSource.url");
            return this;
        }

        /**
         * The HTTP settings of the fetch (timeouts, retries, interceptors, shared connections); the response cap is
         * {@link #maxBytes(int)}'s.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(ClientSettings value) {
            this.settings = ValidationException.requireNonNull(value, "JwksSource.settings");
            return this;
        }

        /**
         * How long fetched keys are used (default 5 minutes, at most a day).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder cacheTtl(Duration value) {
            this.cacheTtl = ValidationException.requireNonNull(value, "JwksSource.cacheTtl");
            return this;
        }

        /**
         * The least time between two fetches for unknown keys or after a failed fetch (default 30 s).
         *
         * @param value zero or a positive duration, at most the cache lifetime
         * @return this builder
         */
        public Builder minRefetchInterval(Duration value) {
            this.minRefetchInterval = ValidationException.requireNonNull(value, "JwksSource.minRefetchInterval");
            return this;
        }

        /**
         * The largest JWKS body read (default 51,200 bytes); a larger one fails the fetch.
         *
         * @param value a positive number of bytes
         * @return this builder
         */
        public Builder maxBytes(int value) {
            this.maxBytes = value;
            return this;
        }

        /**
         * The clock the cache lifetime and the refetch interval are measured by (default: the settings' clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "JwksSource.clock");
            return this;
        }

        /**
         * Builds the source; nothing is fetched yet.
         *
         * @return the source
         * @throws ValidationException listing every setting that is missing or out of range
         */
        public JwksSource build() {
            List<FieldError> errors = new ArrayList<>();
            if (url == null) {
                errors.add(new FieldError("required", "JwksSource.url", "JwksSource.url is required"));
            } else {
                try {
                    ApiRequest.get(url);
                } catch (ValidationException e) {
                    errors.add(new FieldError("url", "JwksSource.url", "JwksSource.url must be an absolute http(s) "
                            + "URL"));
                }
            }
            if (cacheTtl.isNegative() || cacheTtl.isZero() || cacheTtl.compareTo(MAX_TTL) > 0) {
                errors.add(new FieldError("range", "JwksSource.cacheTtl", "JwksSource.cacheTtl must be positive and"
                        + " at most " + MAX_TTL + ", was " + cacheTtl));
            }
            if (minRefetchInterval.isNegative() || minRefetchInterval.compareTo(cacheTtl) > 0) {
                errors.add(new FieldError("range", "JwksSource.minRefetchInterval", "JwksSource.minRefetchInterval "
                        + "must be zero or positive and at most cacheTtl, was " + minRefetchInterval));
            }
            if (maxBytes <= 0) {
                errors.add(new FieldError("range", "JwksSource.maxBytes", "JwksSource.maxBytes must be positive, was "
                        + maxBytes));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            ClientSettings http = settings.orElse(HTTP_DEFAULTS).toBuilder().maxResponseBytes(maxBytes).build();
            HttpRuntime runtime = HttpRuntime.builder().settings(http).build();
            String shown = shown(url);
            Clock c = clock != null ? clock : settings.clock();
            JwksCache cache = new JwksCache(new JwksHttp(runtime, url, shown), c, cacheTtl, minRefetchInterval);
            return new JwksSource(cache, runtime, "JwksSource[" + shown + ", cacheTtl=" + cacheTtl
                    + ", minRefetchInterval=" + minRefetchInterval + ", maxBytes=" + maxBytes + "]");
        }

        private static String shown(String url) {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getRawPath() == null ? "" : u.getRawPath());
        }
    }
}
