package vn.egov.sdk.spring.payment;

import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;

/**
 * A payment's final result, verified: what a {@link PaymentResultListener} is told once per payment, when a
 * callback whose checksum, partner code, reference, amount and time verified moves it from pending to final.
 *
 * @param system the payment system that sent it
 * @param payment the vendor's own record of the payment in its new final state (the dossier, the amount, the
 *     system's transaction id)
 */
public record PaymentResult(PaymentSystem system, PaymentRecord payment) {
    /**
     * Validates the components.
     *
     * @param system the system
     * @param payment the record
     */
    public PaymentResult {
        ValidationException.requireNonNull(system, "PaymentResult.system");
        ValidationException.requireNonNull(payment, "PaymentResult.payment");
    }

    /**
     * Whether the payer paid.
     *
     * @return {@code true} when the payment is {@link PaymentState#PAID}, {@code false} when it failed
     */
    public boolean paid() {
        return payment.state() == PaymentState.PAID;
    }

    /**
     * The dossier the payment is for.
     *
     * @return the dossier code
     */
    public String dossierCode() {
        return payment.dossierCode();
    }

    /**
     * The merchant reference.
     *
     * @return the reference
     */
    public String reference() {
        return payment.reference();
    }
}
