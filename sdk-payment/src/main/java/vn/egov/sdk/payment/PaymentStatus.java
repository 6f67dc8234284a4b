package vn.egov.sdk.payment;

import java.util.Optional;
import java.util.OptionalLong;
import vn.egov.sdk.core.ValidationException;

/**
 * A payment's state as the system reports it to a query ({@code QUERY}, Keypay's detail query).
 *
 * @param reference the merchant reference
 * @param state the state; {@link PaymentState#PENDING} when the system does not know yet ({@code TrangThaiGD 3})
 * @param gatewayTransactionId the system's own transaction id ({@code MaGiaoDich}, {@code transaction_code}), if any
 * @param amount the amount the system reports, in whole VND, if it reports one
 * @param rawCode the system's own status code as it was on the wire ({@code TrangThaiGD}, {@code status})
 */
public record PaymentStatus(String reference, PaymentState state, Optional<String> gatewayTransactionId,
        OptionalLong amount, String rawCode) {

    /**
     * Validates the components.
     *
     * @param reference the merchant reference
     * @param state the state
     * @param gatewayTransactionId the system's transaction id, if any
     * @param amount the amount, if reported
     * @param rawCode the wire status code
     */
    public PaymentStatus {
        ValidationException.requireText(reference, "PaymentStatus.reference");
        ValidationException.requireNonNull(state, "PaymentStatus.state");
        ValidationException.requireNonNull(gatewayTransactionId, "PaymentStatus.gatewayTransactionId");
        ValidationException.requireNonNull(amount, "PaymentStatus.amount");
        ValidationException.requireNonNull(rawCode, "PaymentStatus.rawCode");
    }
}
