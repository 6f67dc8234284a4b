package vn.egov.sdk.payment;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * The vendor's {@link PaymentEffect} threw: the payment stays pending, so the next callback or the
 * {@code Reconciler} tries again. The cause is the effect's exception.
 */
public class PaymentEffectException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reference the payment's merchant reference
     * @param cause what the effect threw
     */
    public PaymentEffectException(String reference, Throwable cause) {
        super("the payment effect for reference " + reference + " failed; the payment stays pending: "
                + vn.egov.sdk.core.Causes.describe(cause), ErrorDetails.of(Fault.CALLER, true), cause);
    }
}
