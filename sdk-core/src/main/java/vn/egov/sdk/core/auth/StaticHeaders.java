package vn.egov.sdk.core.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * Fixed credential headers on every request, as provincial LGSP v1 axes want them
 * ({@code X-SystemId} / {@code X-SecretKey}). Secret values are held as {@link Secret}.
 *
 * <pre>{@code
 * AuthStrategy auth = StaticHeaders.builder()
 *         .header("X-SystemId", "my-system")
 *         .secretHeader("X-SecretKey", Secret.of(System.getenv("LGSP_SECRET_KEY")))
 *         .build();
 * }</pre>
 */
public final class StaticHeaders implements AuthStrategy {
    private final Map<String, Secret> headers;

    private StaticHeaders(Map<String, Secret> headers) {
        this.headers = Map.copyOf(headers);
    }

    /**
     * A new builder; at least one header is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
        ApiRequest.Builder b = request.toBuilder();
        headers.forEach((name, value) -> b.setHeader(name, value.reveal()));
        return b.build();
    }

    @Override
    public String toString() {
        return "StaticHeaders" + headers.keySet();
    }

    /** Builder of {@link StaticHeaders}. */
    public static final class Builder {
        private final Map<String, Secret> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a header whose value is not secret, such as {@code X-SystemId}; it is still held as a
         * {@link Secret} and never logged by this strategy. A header of the same name set earlier is replaced.
         *
         * @param name the header name, non-blank
         * @param value the value, non-empty
         * @return this builder
         * @throws ValidationException if the name is blank or the value is null or empty
         */
        public Builder header(String name, String value) {
            return secretHeader(name, Secret.of(value));
        }

        /**
         * Adds a header whose value is secret, such as {@code X-SecretKey}. It replaces the request's own header of
         * that name (compared case-insensitively) on every call, and a header of the same name set earlier here.
         *
         * @param name the header name, non-blank
         * @param value the value, non-null
         * @return this builder
         * @throws ValidationException if the name is blank or the value is null
         */
        public Builder secretHeader(String name, Secret value) {
            if (name == null || name.isBlank()) {
                throw ValidationException.of("auth.header", "StaticHeaders.name", "header name is required");
            }
            headers.put(name, ValidationException.requireNonNull(value, "StaticHeaders.value"));
            return this;
        }

        /**
         * Builds the strategy.
         *
         * @return the strategy, immutable and safe to share between threads
         * @throws ValidationException if no header was added
         */
        public StaticHeaders build() {
            if (headers.isEmpty()) {
                throw ValidationException.of("auth.headers", "StaticHeaders", "at least one header is required");
            }
            return new StaticHeaders(headers);
        }
    }
}
