package vn.egov.sdk.core.http;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import vn.egov.sdk.core.ValidationException;

/**
 * When and how long to wait before repeating a failed attempt: exponential backoff with jitter, capped, and
 * the server's {@code Retry-After} hint honoured when it is within {@link #maxRetryAfter()}.
 *
 * <p>Defaults (the same shape as stripe-java's): 3 attempts in all; waits of 0.5 s × 2<sup>n-1</sup> capped at
 * 5 s, each multiplied by a random factor in [0.75, 1.0); statuses 408, 429, 500, 502, 503 and 504 are worth
 * repeating; a {@code Retry-After} above 30 s ends the call instead of blocking the caller.
 *
 * <p>The policy says only <em>when</em>; whether a request is <em>safe</em> to repeat (a safe method, an
 * idempotency key, or certainty that it never reached the server) is decided by the runtime.
 */
public final class RetryPolicy {
    private static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryableStatuses;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.random = b.random;
    }

    /**
     * The default policy: 3 attempts, waits of 0.5 s doubling to at most 5 s with jitter, statuses 408, 429, 500,
     * 502, 503 and 504 repeated, {@code Retry-After} honoured up to 30 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * A policy that never repeats an attempt: every failure reaches the caller after the first try.
     *
     * @return a policy with {@code maxAttempts} 1
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * A builder starting from the defaults, to change only what differs.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many attempts a call may make.
     *
     * @return attempts in all, the first included (1 means no retry)
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The longest {@code Retry-After} the runtime will wait for; a longer hint ends the call at once.
     *
     * @return the limit, positive
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Whether a response with this status is worth repeating (if the request is also safe to repeat).
     *
     * @param status an HTTP status code
     * @return true if the status is one of the retryable statuses
     */
    public boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status);
    }

    /**
     * How long to wait before attempt {@code nextAttempt} (2 for the first retry), or empty if the server's
     * hint is longer than {@link #maxRetryAfter()} and the call should end now.
     *
     * @param nextAttempt the attempt about to be made, from 2
     * @param retryAfter the server's {@code Retry-After} hint, if any; a negative hint counts as zero
     * @return the wait (the hint when there is one, otherwise the jittered backoff), or empty to stop retrying
     */
    public Optional<Duration> delayBefore(int nextAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration hint = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return hint.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(hint);
        }
        int exponent = Math.min(nextAttempt - 2, 30);
        long base = initialDelay.toMillis() * (1L << exponent);
        long capped = Math.min(base, maxDelay.toMillis());
        double factor = 0.75 + 0.25 * Math.min(Math.max(random.getAsDouble(), 0.0), 0.999_999);
        return Optional.of(Duration.ofMillis(Math.round(capped * factor)));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + ", statuses=" + retryableStatuses + "]";
    }

    /** Builder of {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Set<Integer> retryableStatuses = DEFAULT_STATUSES;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * Sets the number of attempts in all, the first included.
         *
         * @param value from 1 (no retry) to 20; the default is 3
         * @return this builder
         * @throws ValidationException if the value is outside 1 to 20
         */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 20) {
                throw ValidationException.of("retry.maxAttempts", "RetryPolicy.maxAttempts",
                        "maxAttempts must be between 1 and 20");
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * Sets the wait before the first retry, before jitter; each later retry waits twice as long as the one
         * before, up to {@link #maxDelay(Duration)}.
         *
         * @param value a positive duration; the default is 500 ms
         * @return this builder
         * @throws ValidationException if the value is null, zero or negative
         */
        public Builder initialDelay(Duration value) {
            this.initialDelay = positive(value, "initialDelay");
            return this;
        }

        /**
         * Sets the cap on computed waits (a server's {@code Retry-After} is not capped by it).
         *
         * @param value a positive duration, not shorter than the initial delay (checked by {@link #build()});
         *              the default is 5 s
         * @return this builder
         * @throws ValidationException if the value is null, zero or negative
         */
        public Builder maxDelay(Duration value) {
            this.maxDelay = positive(value, "maxDelay");
            return this;
        }

        /**
         * Sets the longest server {@code Retry-After} hint the runtime will wait for; a longer hint ends the call
         * with the failure instead of blocking the caller.
         *
         * @param value a positive duration; the default is 30 s
         * @return this builder
         * @throws ValidationException if the value is null, zero or negative
         */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = positive(value, "maxRetryAfter");
            return this;
        }

        /**
         * Replaces the set of HTTP statuses worth repeating (the default is 408, 429, 500, 502, 503, 504).
         *
         * @param value the statuses, non-null and without null elements (copied); empty means no HTTP
         *              status is retried
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> value) {
            this.retryableStatuses = Set.copyOf(ValidationException.requireElements(
                    java.util.List.copyOf(ValidationException.requireNonNull(value, "RetryPolicy.retryableStatuses")),
                    "RetryPolicy.retryableStatuses"));
            return this;
        }

        /**
         * Sets the source of jitter; values outside [0, 1) are clamped into it. Tests pass a constant.
         *
         * @param value supplies numbers in [0, 1); the default is {@link ThreadLocalRandom}
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder random(DoubleSupplier value) {
            this.random = ValidationException.requireNonNull(value, "RetryPolicy.random");
            return this;
        }

        /**
         * Builds the immutable policy.
         *
         * @return the policy
         * @throws ValidationException if the maximum delay is shorter than the initial delay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw ValidationException.of("retry.maxDelay", "RetryPolicy.maxDelay",
                        "maxDelay must not be shorter than initialDelay");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("retry." + name, "RetryPolicy." + name, name + " must be positive");
            }
            return value;
        }
    }
}
