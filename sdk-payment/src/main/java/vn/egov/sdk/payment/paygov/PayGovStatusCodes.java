package vn.egov.sdk.payment.paygov;

import java.util.LinkedHashSet;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.PaymentState;

/**
 * [INFERRED] How PayGov's status codes become a {@link PaymentState}. Where the defaults come from: the public
 * PayGov integrations document only the result callback's {@code errorCode "00"} as success, and PayGov publishes
 * no status query, so the codes an LGSP's query answers with ({@code data.errorCode}) are not public; the SDK
 * assumes {@code "00"} paid, {@code "99"} pending, {@code "24"} expired and any other code failed (the sandbox
 * answers the same way), and reads a query answer without a code as pending. Confirm the codes with the operator's
 * integration document and configure them:
 *
 * <pre>{@code
 * PayGovStatusCodes codes = PayGovStatusCodes.defaults().withPaid("00", "000").withPending("01", "99");
 * PayGovClient.builder()...statusCodes(codes)
 * }</pre>
 *
 * A result callback is final: its {@code errorCode} is {@link PaymentState#PAID} when it is one of the paid codes and
 * {@link PaymentState#FAILED} otherwise. A query answer may also be {@link PaymentState#PENDING} or
 * {@link PaymentState#EXPIRED}; a code in none of the sets gets {@link #unknown()} (default failed, configurable to
 * pending so that a reconciler asks again later). Immutable and thread-safe.
 */
public final class PayGovStatusCodes {
    private static final PayGovStatusCodes DEFAULTS = new PayGovStatusCodes(Set.of("00"), Set.of("99"), Set.of("24"),
            Set.of(), PaymentState.FAILED);

    private final Set<String> paid;
    private final Set<String> pending;
    private final Set<String> expired;
    private final Set<String> failed;
    private final PaymentState unknown;

    private PayGovStatusCodes(Set<String> paid, Set<String> pending, Set<String> expired, Set<String> failed,
            PaymentState unknown) {
        this.paid = paid;
        this.pending = pending;
        this.expired = expired;
        this.failed = failed;
        this.unknown = unknown;
    }

    /**
     * The defaults: {@code "00"} paid, {@code "99"} pending, {@code "24"} expired, anything else failed.
     *
     * @return the defaults
     */
    public static PayGovStatusCodes defaults() {
        return DEFAULTS;
    }

    /**
     * A copy whose paid codes are exactly these; a code given here leaves any other set it was in (each
     * {@code withX} has the last word on its codes).
     *
     * @param codes at least one code
     * @return the copy
     * @throws ValidationException when a code is blank or none is given
     */
    public PayGovStatusCodes withPaid(String... codes) {
        Set<String> c = codes(codes, "paid", false);
        return new PayGovStatusCodes(c, without(pending, c), without(expired, c), without(failed, c), unknown);
    }

    /**
     * A copy whose pending codes are exactly these (none is allowed); they leave any other set.
     *
     * @param codes the codes
     * @return the copy
     * @throws ValidationException when a code is blank
     */
    public PayGovStatusCodes withPending(String... codes) {
        Set<String> c = codes(codes, "pending", true);
        return new PayGovStatusCodes(without(paid, c), c, without(expired, c), without(failed, c), unknown);
    }

    /**
     * A copy whose expired codes are exactly these (none is allowed); they leave any other set.
     *
     * @param codes the codes
     * @return the copy
     * @throws ValidationException when a code is blank
     */
    public PayGovStatusCodes withExpired(String... codes) {
        Set<String> c = codes(codes, "expired", true);
        return new PayGovStatusCodes(without(paid, c), without(pending, c), c, without(failed, c), unknown);
    }

    /**
     * A copy whose explicitly failed codes are exactly these (none is allowed: by default every code in no other
     * set is failed); they leave any other set.
     *
     * @param codes the codes
     * @return the copy
     * @throws ValidationException when a code is blank
     */
    public PayGovStatusCodes withFailed(String... codes) {
        Set<String> c = codes(codes, "failed", true);
        return new PayGovStatusCodes(without(paid, c), without(pending, c), without(expired, c), c, unknown);
    }

    /**
     * A copy that gives a code in no set this state in a query answer.
     *
     * @param state {@link PaymentState#FAILED} (the default) or {@link PaymentState#PENDING}
     * @return the copy
     * @throws ValidationException when the state is missing, or paid or expired (an unknown code never proves a
     *     payment or its end)
     */
    public PayGovStatusCodes withUnknown(PaymentState state) {
        ValidationException.requireNonNull(state, "PayGovStatusCodes.unknown");
        if (state != PaymentState.FAILED && state != PaymentState.PENDING) {
            throw ValidationException.of("oneOf", "PayGovStatusCodes.unknown",
                    "an unknown code can only mean FAILED or PENDING, not " + state);
        }
        return new PayGovStatusCodes(paid, pending, expired, failed, state);
    }

    /**
     * The state of a query answer's code.
     *
     * @param code the code as on the wire; {@code null} or empty when the answer carried none
     * @return the state; {@link PaymentState#PENDING} for no code, {@link #unknown()} for a code in no set
     */
    public PaymentState queryState(String code) {
        if (code == null || code.isEmpty()) {
            return PaymentState.PENDING;
        }
        if (paid.contains(code)) {
            return PaymentState.PAID;
        }
        if (pending.contains(code)) {
            return PaymentState.PENDING;
        }
        if (expired.contains(code)) {
            return PaymentState.EXPIRED;
        }
        return failed.contains(code) ? PaymentState.FAILED : unknown;
    }

    /**
     * The state of a result callback's {@code errorCode}: a callback is final.
     *
     * @param code the code as on the wire
     * @return {@link PaymentState#PAID} for a paid code, else {@link PaymentState#FAILED}
     */
    public PaymentState callbackState(String code) {
        return code != null && paid.contains(code) ? PaymentState.PAID : PaymentState.FAILED;
    }

    /**
     * Whether a code is in one of the sets.
     *
     * @param code the code
     * @return {@code true} when it is paid, pending, expired or explicitly failed
     */
    public boolean isKnown(String code) {
        return code != null && (paid.contains(code) || pending.contains(code) || expired.contains(code)
                || failed.contains(code));
    }

    /**
     * The paid codes.
     *
     * @return an unmodifiable set
     */
    public Set<String> paid() {
        return paid;
    }

    /**
     * The pending codes.
     *
     * @return an unmodifiable set
     */
    public Set<String> pending() {
        return pending;
    }

    /**
     * The expired codes.
     *
     * @return an unmodifiable set
     */
    public Set<String> expired() {
        return expired;
    }

    /**
     * The explicitly failed codes.
     *
     * @return an unmodifiable set
     */
    public Set<String> failed() {
        return failed;
    }

    /**
     * The state of a query code in no set.
     *
     * @return {@link PaymentState#FAILED} or {@link PaymentState#PENDING}
     */
    public PaymentState unknown() {
        return unknown;
    }

    private static Set<String> codes(String[] codes, String name, boolean mayBeEmpty) {
        String path = "PayGovStatusCodes." + name;
        if (codes == null || (codes.length == 0 && !mayBeEmpty)) {
            throw ValidationException.of("required", path, "give at least one " + name + " code");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String code : codes) {
            out.add(ValidationException.requireText(code, path));
        }
        return Set.copyOf(out);
    }

    private static Set<String> without(Set<String> set, Set<String> removed) {
        Set<String> out = new LinkedHashSet<>(set);
        out.removeAll(removed);
        return Set.copyOf(out);
    }

    @Override
    public String toString() {
        return "PayGovStatusCodes[paid=" + paid + ", pending=" + pending + ", expired=" + expired + ", failed="
                + failed + ", unknown=" + unknown + "]";
    }
}
