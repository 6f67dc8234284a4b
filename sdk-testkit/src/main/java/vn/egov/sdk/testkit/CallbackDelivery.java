package vn.egov.sdk.testkit;

import java.time.Duration;
import vn.egov.sdk.core.ValidationException;

/**
 * How a payment simulator delivers its server callbacks to the vendor's URL, so that a test can meet what the real
 * systems do on a bad day: a late callback, the same callback twice, two callbacks in the wrong order, or none
 * (which the vendor's reconciliation must then find).
 *
 * @param mode what to do
 * @param delay how long to wait before the first delivery ({@link Mode#LATE}); zero otherwise
 * @param copies how many times the same callback is sent ({@link Mode#DUPLICATE}: 2 or more); 1 otherwise
 */
public record CallbackDelivery(Mode mode, Duration delay, int copies) {

    /** What the simulator does with a callback. */
    public enum Mode {
        /** Sent at once, once. */
        NOW,
        /** Sent once after a delay. */
        LATE,
        /** The same bytes sent several times. */
        DUPLICATE,
        /** Callbacks queued for one transaction are sent newest first (a failed try arrives after the payment). */
        OUT_OF_ORDER,
        /** Never sent: only a status query tells the vendor the outcome. */
        NEVER
    }

    /**
     * Validates the components.
     *
     * @param mode what to do
     * @param delay the delay, zero or more
     * @param copies the number of copies, 1 or more
     */
    public CallbackDelivery {
        ValidationException.requireNonNull(mode, "CallbackDelivery.mode");
        ValidationException.requireNonNull(delay, "CallbackDelivery.delay");
        if (delay.isNegative()) {
            throw ValidationException.of("range", "CallbackDelivery.delay", "the delay must not be negative");
        }
        if (copies < 1) {
            throw ValidationException.of("range", "CallbackDelivery.copies", "at least one copy, was " + copies);
        }
    }

    /**
     * At once, once (the default).
     *
     * @return the delivery
     */
    public static CallbackDelivery now() {
        return new CallbackDelivery(Mode.NOW, Duration.ZERO, 1);
    }

    /**
     * Once, after a delay.
     *
     * @param delay the delay
     * @return the delivery
     */
    public static CallbackDelivery late(Duration delay) {
        return new CallbackDelivery(Mode.LATE, delay, 1);
    }

    /**
     * The same callback several times.
     *
     * @param copies 2 or more
     * @return the delivery
     */
    public static CallbackDelivery duplicated(int copies) {
        if (copies < 2) {
            throw ValidationException.of("range", "CallbackDelivery.copies", "a duplicate needs 2 or more copies");
        }
        return new CallbackDelivery(Mode.DUPLICATE, Duration.ZERO, copies);
    }

    /**
     * A transaction's callbacks newest first.
     *
     * @return the delivery
     */
    public static CallbackDelivery outOfOrder() {
        return new CallbackDelivery(Mode.OUT_OF_ORDER, Duration.ZERO, 1);
    }

    /**
     * Never.
     *
     * @return the delivery
     */
    public static CallbackDelivery never() {
        return new CallbackDelivery(Mode.NEVER, Duration.ZERO, 1);
    }
}
