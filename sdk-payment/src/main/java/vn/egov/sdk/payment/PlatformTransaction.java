package vn.egov.sdk.payment;

import java.time.Instant;
import vn.egov.sdk.core.ValidationException;

/**
 * One transaction as the payment system lists it for a day, the platform's side of a
 * {@link LedgerReconciliation}. No public settlement file format exists for either national system (DOMAIN §3.6),
 * so the vendor builds these from whatever its operator sends, or reads them with {@link PlatformTransactionCsv}.
 *
 * @param reference the merchant reference ({@code MaThamChieu}, {@code transaction_id}, {@code requestCode})
 * @param gatewayTransactionId the system's own transaction id ({@code MaGiaoDich}); empty text when not given
 * @param amount the amount in whole VND, above 0
 * @param state the state the system reports
 * @param time when the system recorded the transaction
 * @param description the system's description ({@code ThongTinGiaoDich}); empty text when not given
 */
public record PlatformTransaction(String reference, String gatewayTransactionId, long amount, PaymentState state,
        Instant time, String description) {

    /**
     * Validates the components.
     *
     * @param reference the merchant reference, not blank
     * @param gatewayTransactionId the system's id, or empty text
     * @param amount the amount in VND, above 0
     * @param state the state
     * @param time the time
     * @param description the description, or empty text
     */
    public PlatformTransaction {
        ValidationException.requireText(reference, "PlatformTransaction.reference");
        ValidationException.requireNonNull(gatewayTransactionId, "PlatformTransaction.gatewayTransactionId");
        if (amount <= 0) {
            throw ValidationException.of("positive", "PlatformTransaction.amount",
                    "the amount must be above 0 VND, was " + amount);
        }
        ValidationException.requireNonNull(state, "PlatformTransaction.state");
        ValidationException.requireNonNull(time, "PlatformTransaction.time");
        ValidationException.requireNonNull(description, "PlatformTransaction.description");
    }
}
