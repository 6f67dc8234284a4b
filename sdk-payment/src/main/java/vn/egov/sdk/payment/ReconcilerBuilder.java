package vn.egov.sdk.payment;

import java.time.Clock;
import java.time.Duration;
import vn.egov.sdk.core.ValidationException;

/**
 * Builder of {@link Reconciler}: the gateway and the effect are required; the window, the batch limit, the clock
 * and expiry have the defaults of the DVCQG platform's known reconciliation job (DOMAIN §3.6: payments created
 * between 3 days and 30 minutes ago). Not thread-safe.
 */
public final class ReconcilerBuilder {
    /** The default oldest age of a payment the reconciler asks about: 3 days. */
    public static final Duration DEFAULT_OLDEST = Duration.ofDays(3);
    /** The default youngest age: 30 minutes, so a payer still on the payment page is left alone. */
    public static final Duration DEFAULT_YOUNGEST = Duration.ofMinutes(30);
    /** The default number of payments asked about in one run. */
    public static final int DEFAULT_BATCH_LIMIT = 200;

    PaymentGateway gateway;
    PaymentEffect effect;
    Clock clock = Clock.systemUTC();
    Duration oldest = DEFAULT_OLDEST;
    Duration youngest = DEFAULT_YOUNGEST;
    int batchLimit = DEFAULT_BATCH_LIMIT;
    boolean expireOlder;

    ReconcilerBuilder() {
    }

    /**
     * The gateway whose pending payments are reconciled: its {@link PaymentGateway#store()} is read and updated and
     * its {@link PaymentGateway#query(String)} asked. Required.
     *
     * @param value the gateway
     * @return this builder
     */
    public ReconcilerBuilder gateway(PaymentGateway value) {
        this.gateway = ValidationException.requireNonNull(value, "Reconciler.gateway");
        return this;
    }

    /**
     * The vendor's effect, the same one its callback handler passes to
     * {@link PaymentGateway#handleCallback(byte[], PaymentEffect, java.time.Instant)}: whichever of the callback
     * and the reconciler comes first runs it, once. Required.
     *
     * @param value the effect
     * @return this builder
     */
    public ReconcilerBuilder effect(PaymentEffect value) {
        this.effect = ValidationException.requireNonNull(value, "Reconciler.effect");
        return this;
    }

    /**
     * The clock that places the window and stamps the final states (default the UTC system clock).
     *
     * @param value the clock
     * @return this builder
     */
    public ReconcilerBuilder clock(Clock value) {
        this.clock = ValidationException.requireNonNull(value, "Reconciler.clock");
        return this;
    }

    /**
     * The creation window, as ages before now: payments created at or after {@code now - oldest} and before
     * {@code now - youngest} are asked about (default 3 days and 30 minutes).
     *
     * @param oldestAge the window's old end, longer than {@code youngestAge}
     * @param youngestAge the window's young end, zero or more
     * @return this builder
     */
    public ReconcilerBuilder window(Duration oldestAge, Duration youngestAge) {
        ValidationException.requireNonNull(oldestAge, "Reconciler.window.oldest");
        ValidationException.requireNonNull(youngestAge, "Reconciler.window.youngest");
        if (youngestAge.isNegative()) {
            throw ValidationException.of("non-negative", "Reconciler.window.youngest",
                    "the youngest age must be zero or more, was " + youngestAge);
        }
        if (oldestAge.compareTo(youngestAge) <= 0) {
            throw ValidationException.of("order", "Reconciler.window.oldest",
                    "the oldest age must be longer than the youngest (" + youngestAge + "), was " + oldestAge);
        }
        this.oldest = oldestAge;
        this.youngest = youngestAge;
        return this;
    }

    /**
     * At most this many payments are asked about in one run, oldest first (default 200); the rest wait for the
     * next run.
     *
     * @param value at least 1
     * @return this builder
     */
    public ReconcilerBuilder batchLimit(int value) {
        if (value < 1) {
            throw ValidationException.of("positive", "Reconciler.batchLimit",
                    "the batch limit must be at least 1, was " + value);
        }
        this.batchLimit = value;
        return this;
    }

    /**
     * Whether payments older than the window are asked about once more and, when the system still reports them
     * pending, marked {@link PaymentState#EXPIRED} (default off). See {@link Reconciler} for why it is off.
     *
     * @param value {@code true} to expire them
     * @return this builder
     */
    public ReconcilerBuilder expireOlderThanWindow(boolean value) {
        this.expireOlder = value;
        return this;
    }

    /**
     * The reconciler.
     *
     * @return the reconciler
     * @throws ValidationException naming the gateway or the effect when one is missing
     */
    public Reconciler build() {
        ValidationException.requireNonNull(gateway, "Reconciler.gateway");
        ValidationException.requireNonNull(effect, "Reconciler.effect");
        return new Reconciler(this);
    }
}
