package vn.egov.sdk.payment;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;

/**
 * What one {@link Reconciler#run()} did: which pending payments it asked the system about and what became of each.
 * Every list holds merchant references in the order the payments were checked.
 *
 * @param system the system the reconciler asked
 * @param startedAt when the run started (the reconciler's clock)
 * @param windowFrom the start of the creation window, inclusive
 * @param windowBefore the end of the creation window, exclusive
 * @param checked every payment the system was asked about, in the window and (when expiry is on) before it
 * @param appliedPaid payments this run moved to {@link PaymentState#PAID} (the effect ran)
 * @param appliedFailed payments this run moved to {@link PaymentState#FAILED} (the effect ran)
 * @param expired payments older than the window that the system still reported pending, moved to
 *     {@link PaymentState#EXPIRED} (only when expiry is configured)
 * @param alreadyFinal payments a callback made final between the look-up and the answer (nothing ran again)
 * @param stillPending payments the system does not know the outcome of yet ({@code TrangThaiGD 3}), left for a
 *     later run
 * @param errors the payments whose query, check or effect failed, with the exception; each stays pending and the
 *     next run asks again
 */
public record ReconciliationRun(PaymentSystem system, Instant startedAt, Instant windowFrom, Instant windowBefore,
        List<String> checked, List<String> appliedPaid, List<String> appliedFailed, List<String> expired,
        List<String> alreadyFinal, List<String> stillPending, Map<String, RuntimeException> errors) {

    /**
     * Validates and copies the components.
     *
     * @param system the system
     * @param startedAt start of the run
     * @param windowFrom window start
     * @param windowBefore window end
     * @param checked payments asked about
     * @param appliedPaid moved to paid
     * @param appliedFailed moved to failed
     * @param expired moved to expired
     * @param alreadyFinal made final by a callback meanwhile
     * @param stillPending still pending on the system
     * @param errors failures by reference
     */
    public ReconciliationRun {
        ValidationException.requireNonNull(system, "ReconciliationRun.system");
        ValidationException.requireNonNull(startedAt, "ReconciliationRun.startedAt");
        ValidationException.requireNonNull(windowFrom, "ReconciliationRun.windowFrom");
        ValidationException.requireNonNull(windowBefore, "ReconciliationRun.windowBefore");
        checked = List.copyOf(ValidationException.requireElements(checked, "ReconciliationRun.checked"));
        appliedPaid = List.copyOf(ValidationException.requireElements(appliedPaid, "ReconciliationRun.appliedPaid"));
        appliedFailed = List.copyOf(
                ValidationException.requireElements(appliedFailed, "ReconciliationRun.appliedFailed"));
        expired = List.copyOf(ValidationException.requireElements(expired, "ReconciliationRun.expired"));
        alreadyFinal = List.copyOf(
                ValidationException.requireElements(alreadyFinal, "ReconciliationRun.alreadyFinal"));
        stillPending = List.copyOf(
                ValidationException.requireElements(stillPending, "ReconciliationRun.stillPending"));
        ValidationException.requireNonNull(errors, "ReconciliationRun.errors");
        errors.forEach((reference, error) -> {
            ValidationException.requireNonNull(reference, "ReconciliationRun.errors.key");
            ValidationException.requireNonNull(error, "ReconciliationRun.errors[" + reference + "]");
        });
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /**
     * How many payments this run made final (paid, failed or expired).
     *
     * @return the number of effects that ran
     */
    public int appliedCount() {
        return appliedPaid.size() + appliedFailed.size() + expired.size();
    }

    /**
     * Whether every payment asked about was answered and handled without an error.
     *
     * @return {@code true} when {@link #errors()} is empty
     */
    public boolean isClean() {
        return errors.isEmpty();
    }
}
