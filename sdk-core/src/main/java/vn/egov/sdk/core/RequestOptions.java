package vn.egov.sdk.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-call overrides of a client's defaults: idempotency key, deadline, attempt cap, correlation id and extra
 * headers. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * RequestOptions opts = RequestOptions.builder()
 *         .idempotencyKey("order-2026-000123")
 *         .deadline(Duration.ofSeconds(20))
 *         .build();
 * }</pre>
 */
public final class RequestOptions {
    /** No overrides: the client's defaults apply. */
    public static final RequestOptions DEFAULT = builder().build();

    private final Optional<String> idempotencyKey;
    private final boolean withoutIdempotencyKey;
    private final Optional<Duration> deadline;
    private final OptionalInt maxAttempts;
    private final Optional<String> correlationId;
    private final Map<String, String> headers;

    private RequestOptions(Builder b) {
        this.idempotencyKey = Optional.ofNullable(b.idempotencyKey);
        this.withoutIdempotencyKey = b.withoutIdempotencyKey;
        this.deadline = Optional.ofNullable(b.deadline);
        this.maxAttempts = b.maxAttempts == null ? OptionalInt.empty() : OptionalInt.of(b.maxAttempts);
        this.correlationId = Optional.ofNullable(b.correlationId);
        this.headers = Map.copyOf(b.headers);
    }

    /**
     * A new builder with no overrides.
     *
     * @return a builder with no idempotency key, deadline, attempt cap, correlation id or header
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The caller's idempotency key; when empty, the SDK generates one for unsafe calls.
     *
     * @return the idempotency key, or empty
     */
    public Optional<String> idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Whether the caller asked that no idempotency key be sent (for a platform that rejects the header). Such an
     * unsafe call is never repeated once it may have reached the server.
     *
     * @return {@code true} if no idempotency key is sent
     */
    public boolean withoutIdempotencyKey() {
        return withoutIdempotencyKey;
    }

    /**
     * The overall deadline of the call, retries included, overriding the client's.
     *
     * @return the deadline, or empty for the client's
     */
    public Optional<Duration> deadline() {
        return deadline;
    }

    /**
     * The attempt cap of the call, overriding the retry policy's.
     *
     * @return the attempt cap, or empty for the retry policy's
     */
    public OptionalInt maxAttempts() {
        return maxAttempts;
    }

    /**
     * The correlation id to send; when empty, the SDK generates one.
     *
     * @return the correlation id, or empty
     */
    public Optional<String> correlationId() {
        return correlationId;
    }

    /**
     * Extra headers sent with every attempt of the call.
     *
     * @return an unmodifiable map of header names to values
     */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "RequestOptions[idempotencyKey=" + idempotencyKey.orElse(withoutIdempotencyKey ? "(none)" : "(auto)")
                + ", deadline=" + deadline.map(Duration::toString).orElse("(client)")
                + ", maxAttempts=" + (maxAttempts.isPresent() ? maxAttempts.getAsInt() : "(policy)")
                + ", headers=" + headers.keySet() + "]";
    }

    /** Builder of {@link RequestOptions}. */
    public static final class Builder {
        private String idempotencyKey;
        private boolean withoutIdempotencyKey;
        private Duration deadline;
        private Integer maxAttempts;
        private String correlationId;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sends this idempotency key (reused on every attempt) instead of a generated one.
         *
         * @param key the key, 1..255 characters, not blank
         * @return this builder
         * @throws ValidationException if {@code key} is missing, blank or too long
         */
        public Builder idempotencyKey(String key) {
            if (key == null || key.isBlank() || key.length() > 255) {
                throw ValidationException.of("options.idempotencyKey", "RequestOptions.idempotencyKey",
                        "an idempotency key must be 1 to 255 non-blank characters");
            }
            this.idempotencyKey = key;
            this.withoutIdempotencyKey = false;
            return this;
        }

        /**
         * Sends no idempotency key; the call is then never repeated once it may have reached the server.
         *
         * @return this builder
         */
        public Builder withoutIdempotencyKey() {
            this.withoutIdempotencyKey = true;
            this.idempotencyKey = null;
            return this;
        }

        /**
         * Overall deadline of the call, retries included; must be positive.
         *
         * @param value the deadline; positive
         * @return this builder
         * @throws ValidationException if {@code value} is missing, zero or negative
         */
        public Builder deadline(Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw ValidationException.of("options.deadline", "RequestOptions.deadline",
                        "a deadline must be positive");
            }
            this.deadline = value;
            return this;
        }

        /**
         * Attempt cap of the call (1 = no retry).
         *
         * @param value the number of attempts, from 1 to 20
         * @return this builder
         * @throws ValidationException if {@code value} is outside 1..20
         */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 20) {
                throw ValidationException.of("options.maxAttempts", "RequestOptions.maxAttempts",
                        "maxAttempts must be between 1 and 20");
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * Correlation id to send instead of a generated one (to tie the call to the vendor's own trace).
         *
         * @param value 1..128 letters, digits or {@code . _ : -}
         * @return this builder
         * @throws ValidationException if {@code value} does not match
         */
        public Builder correlationId(String value) {
            if (value == null || !value.matches("[A-Za-z0-9._:-]{1,128}")) {
                throw ValidationException.of("options.correlationId", "RequestOptions.correlationId",
                        "a correlation id must be 1 to 128 characters of [A-Za-z0-9._:-]");
            }
            this.correlationId = value;
            return this;
        }

        /**
         * Adds a header sent with every attempt.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            ValidationException.requireNonNull(name, "RequestOptions.name");
            ValidationException.requireNonNull(value, "RequestOptions.value");
            headers.put(name, value);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
