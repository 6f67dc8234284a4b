package vn.egov.sdk.payment;

import java.net.URI;
import java.time.Instant;
import vn.egov.sdk.core.ValidationException;

/**
 * A payment created on the system: where to send the payer, and the reference to find it again.
 *
 * @param system the system that holds the payment
 * @param reference the merchant reference ({@code MaThamChieu}, {@code transaction_id}, {@code requestCode})
 * @param redirectUrl the URL to send the payer's browser to ({@code UrlThanhToan}, {@code payment_url}, {@code url})
 * @param createdAt when the SDK first created it (the time sent in the request, reused by queries and receipts)
 */
public record PaymentStart(PaymentSystem system, String reference, URI redirectUrl, Instant createdAt) {

    /**
     * Validates the components.
     *
     * @param system the system
     * @param reference the merchant reference
     * @param redirectUrl the payment page's URL
     * @param createdAt when it was created
     */
    public PaymentStart {
        ValidationException.requireNonNull(system, "PaymentStart.system");
        ValidationException.requireText(reference, "PaymentStart.reference");
        ValidationException.requireNonNull(redirectUrl, "PaymentStart.redirectUrl");
        ValidationException.requireNonNull(createdAt, "PaymentStart.createdAt");
    }
}
