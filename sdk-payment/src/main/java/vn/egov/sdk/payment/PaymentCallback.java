package vn.egov.sdk.payment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;

/**
 * A result callback whose checksum verified: the system's word that a payment was paid or failed.
 *
 * @param system the system that sent it
 * @param reference the merchant reference it is about
 * @param gatewayTransactionId the system's transaction id ({@code MaGiaoDich}, {@code transaction_code},
 *     {@code transactionNo}); empty text when the system sent none
 * @param amount the amount it reports, in whole VND
 * @param state {@link PaymentState#PAID} or {@link PaymentState#FAILED}
 * @param resultCode the system's result code as it was on the wire ({@code MaLoi}, {@code status}, {@code errorCode})
 * @param fields every field of the body as text, in the body's order, wire names as keys (for the vendor's archive)
 */
public record PaymentCallback(PaymentSystem system, String reference, String gatewayTransactionId, long amount,
        PaymentState state, String resultCode, Map<String, String> fields) {

    /**
     * Validates the components and copies the fields.
     *
     * @param system the system
     * @param reference the merchant reference
     * @param gatewayTransactionId the system's transaction id, or empty text
     * @param amount the amount in VND
     * @param state paid or failed
     * @param resultCode the wire result code
     * @param fields the body's fields
     */
    public PaymentCallback {
        ValidationException.requireNonNull(system, "PaymentCallback.system");
        ValidationException.requireText(reference, "PaymentCallback.reference");
        ValidationException.requireNonNull(gatewayTransactionId, "PaymentCallback.gatewayTransactionId");
        ValidationException.requireNonNull(state, "PaymentCallback.state");
        if (state == PaymentState.PENDING) {
            throw ValidationException.of("final", "PaymentCallback.state", "a callback reports a final state");
        }
        ValidationException.requireNonNull(resultCode, "PaymentCallback.resultCode");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(
                ValidationException.requireNonNull(fields, "PaymentCallback.fields")));
    }
}
