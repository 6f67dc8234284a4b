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

    /** The default policy. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** A policy that never repeats an attempt. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The longest {@code Retry-After} the runtime will wait for. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Whether a response with this status is worth repeating. */
    public boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status);
    }

    /**
     * How long to wait before attempt {@code nextAttempt} (2 for the first retry), or empty if the server's
     * hint is longer than {@link #maxRetryAfter()} and the call should end now.
     *
     * @param nextAttempt the attempt about to be made, from 2
     * @param retryAfter the server's {@code Retry-After} hint, if any
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

        /** Attempts in all, from 1 (no retry) to 20. */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 20) {
                throw ValidationException.of("retry.maxAttempts", "RetryPolicy.maxAttempts",
                        "maxAttempts must be between 1 and 20");
            }
            this.maxAttempts = value;
            return this;
        }

        /** The wait before the first retry, before jitter. */
        public Builder initialDelay(Duration value) {
            this.initialDelay = positive(value, "initialDelay");
            return this;
        }

        /** The cap on computed waits. */
        public Builder maxDelay(Duration value) {
            this.maxDelay = positive(value, "maxDelay");
            return this;
        }

        /** The longest server {@code Retry-After} hint the runtime will wait for. */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = positive(value, "maxRetryAfter");
            return this;
        }

        /** The HTTP statuses worth repeating. */
        public Builder retryableStatuses(Set<Integer> value) {
            this.retryableStatuses = Set.copyOf(ValidationException.requireElements(
                    java.util.List.copyOf(ValidationException.requireNonNull(value, "RetryPolicy.retryableStatuses")),
                    "RetryPolicy.retryableStatuses"));
            return this;
        }

        /** The source of jitter, values in [0, 1); tests pass a constant. */
        public Builder random(DoubleSupplier value) {
            this.random = ValidationException.requireNonNull(value, "RetryPolicy.random");
            return this;
        }

        /** Builds the policy. */
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
