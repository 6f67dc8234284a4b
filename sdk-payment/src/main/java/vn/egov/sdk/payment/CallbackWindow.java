package vn.egov.sdk.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * How old a verified result callback may be: its stated time (the DVCQG platform's {@code ThoiGianGD}, PayGov's
 * {@code payDate}, both {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh and covered by the checksum) must lie between
 * {@code now - maxAge} and {@code now + clockSkew}. A callback outside it is refused as
 * {@link CallbackFailure#OUTSIDE_WINDOW} and records nothing, so a replay of an old callback cannot move a payment;
 * a genuine callback delivered too late leaves the payment pending for a status query or the {@code Reconciler}.
 *
 * <p>Keypay's callback states no time: a window does not apply to it (its repeats are answered by the store's
 * once-only transition). The national systems sign no nonce, so a repeat inside the window is answered as a
 * duplicate by the store, never applied twice.
 */
public final class CallbackWindow {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final CallbackWindow UNLIMITED = new CallbackWindow(null, null);

    private final Duration maxAge;
    private final Duration clockSkew;

    private CallbackWindow(Duration maxAge, Duration clockSkew) {
        this.maxAge = maxAge;
        this.clockSkew = clockSkew;
    }

    /**
     * A window.
     *
     * @param maxAge how long after its stated time a callback is still accepted, positive
     * @param clockSkew how far ahead of {@code now} a callback's time may be (the other side's clock), 0 or more
     * @return the window
     * @throws ValidationException naming {@code CallbackWindow.maxAge} or {@code CallbackWindow.clockSkew}
     */
    public static CallbackWindow of(Duration maxAge, Duration clockSkew) {
        ValidationException.requireNonNull(maxAge, "CallbackWindow.maxAge");
        ValidationException.requireNonNull(clockSkew, "CallbackWindow.clockSkew");
        if (maxAge.isZero() || maxAge.isNegative()) {
            throw ValidationException.of("positive", "CallbackWindow.maxAge", "the maximum age must be positive");
        }
        if (clockSkew.isNegative()) {
            throw ValidationException.of("range", "CallbackWindow.clockSkew", "the clock skew must be 0 or more");
        }
        return new CallbackWindow(maxAge, clockSkew);
    }

    /**
     * No window: every verified callback is accepted whatever its time (the store still applies it once).
     *
     * @return the window
     */
    public static CallbackWindow unlimited() {
        return UNLIMITED;
    }

    /**
     * The maximum age.
     *
     * @return the age, empty when unlimited
     */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /**
     * The accepted clock skew.
     *
     * @return the skew, empty when unlimited
     */
    public Optional<Duration> clockSkew() {
        return Optional.ofNullable(clockSkew);
    }

    /**
     * Checks a verified callback's stated time.
     *
     * @param callback the verified callback
     * @param now the current time
     * @throws CallbackVerificationException {@link CallbackFailure#OUTSIDE_WINDOW} when the time is outside the
     *     window, {@link CallbackFailure#MISSING_FIELD} or {@link CallbackFailure#MALFORMED} when the time field
     *     is missing or not {@code yyyyMMddHHmmss}
     */
    public void check(PaymentCallback callback, Instant now) {
        ValidationException.requireNonNull(callback, "CallbackWindow.callback");
        ValidationException.requireNonNull(now, "CallbackWindow.now");
        if (maxAge == null) {
            return;
        }
        Optional<String> field = timeField(callback.system());
        if (field.isEmpty()) {
            return;
        }
        String name = field.get();
        String text = callback.fields().get(name);
        if (text == null || text.isEmpty()) {
            throw new CallbackVerificationException(CallbackFailure.MISSING_FIELD, name, null,
                    name + " is required to check the callback's age");
        }
        Instant stated;
        try {
            stated = LocalDateTime.parse(text, WIRE_TIME).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new CallbackVerificationException(CallbackFailure.MALFORMED, name, null,
                    name + " must be yyyyMMddHHmmss (got '" + text + "')");
        }
        if (stated.isBefore(now.minus(maxAge))) {
            throw new CallbackVerificationException(CallbackFailure.OUTSIDE_WINDOW, name, null,
                    name + " " + text + " is more than " + maxAge + " before now: a replayed or late callback");
        }
        if (stated.isAfter(now.plus(clockSkew))) {
            throw new CallbackVerificationException(CallbackFailure.OUTSIDE_WINDOW, name, null,
                    name + " " + text + " is more than " + clockSkew + " after now");
        }
    }

    private static Optional<String> timeField(PaymentSystem system) {
        return switch (system) {
            case DVCQG_PAYMENT_PLATFORM -> Optional.of("ThoiGianGD");
            case PAYGOV -> Optional.of("payDate");
            case KEYPAY_DVCQG -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return maxAge == null ? "CallbackWindow[unlimited]"
                : "CallbackWindow[maxAge=" + maxAge + ", clockSkew=" + clockSkew + "]";
    }
}
