package vn.egov.sdk.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The vendor's own record of one payment, kept in a {@link PaymentStore}: written before the first request so that
 * the reference is fixed, and checked against every callback (reference known, amount unchanged).
 *
 * @param system the system that holds the payment
 * @param reference the merchant reference, unique per system
 * @param dossierCode the dossier it pays for
 * @param amount the amount in whole VND
 * @param state the state as far as the vendor knows
 * @param createdAt when the SDK created it
 * @param requestTime the request time as it was written on the wire (for example {@code ThoiGianGD}
 *     {@code yyyyMMddHHmmss}); queries and receipts send it again
 * @param redirectUrl the payment page the system answered, once it answered
 * @param gatewayTransactionId the system's transaction id, once a callback or a query gave one
 * @param updatedAt when the state last changed
 * @param attributes what a client keeps of its own (wire names as keys, for example PayGov's {@code orderId})
 */
public record PaymentRecord(PaymentSystem system, String reference, String dossierCode, long amount,
        PaymentState state, Instant createdAt, String requestTime, Optional<URI> redirectUrl,
        Optional<String> gatewayTransactionId, Instant updatedAt, Map<String, String> attributes) {

    /**
     * Validates the components and copies the attributes.
     *
     * @param system the system
     * @param reference the merchant reference
     * @param dossierCode the dossier
     * @param amount the amount in VND, above 0
     * @param state the state
     * @param createdAt creation time
     * @param requestTime the wire request time
     * @param redirectUrl the payment page, if known
     * @param gatewayTransactionId the system's transaction id, if known
     * @param updatedAt last change
     * @param attributes the client's own values
     */
    public PaymentRecord {
        ValidationException.requireNonNull(system, "PaymentRecord.system");
        ValidationException.requireText(reference, "PaymentRecord.reference");
        ValidationException.requireText(dossierCode, "PaymentRecord.dossierCode");
        if (amount <= 0) {
            throw ValidationException.of("positive", "PaymentRecord.amount", "the amount must be above 0 VND");
        }
        ValidationException.requireNonNull(state, "PaymentRecord.state");
        ValidationException.requireNonNull(createdAt, "PaymentRecord.createdAt");
        ValidationException.requireText(requestTime, "PaymentRecord.requestTime");
        ValidationException.requireNonNull(redirectUrl, "PaymentRecord.redirectUrl");
        ValidationException.requireNonNull(gatewayTransactionId, "PaymentRecord.gatewayTransactionId");
        ValidationException.requireNonNull(updatedAt, "PaymentRecord.updatedAt");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(
                ValidationException.requireNonNull(attributes, "PaymentRecord.attributes")));
    }

    /**
     * A new pending record.
     *
     * @param system the system
     * @param reference the merchant reference
     * @param order the order it pays
     * @param createdAt creation time
     * @param requestTime the wire request time
     * @param attributes the client's own values
     * @return the record, {@link PaymentState#PENDING}
     */
    public static PaymentRecord pending(PaymentSystem system, String reference, PaymentOrder order, Instant createdAt,
            String requestTime, Map<String, String> attributes) {
        return new PaymentRecord(system, reference, order.dossierCode(), order.amount(), PaymentState.PENDING,
                createdAt, requestTime, Optional.empty(), Optional.empty(), createdAt, attributes);
    }

    /**
     * A copy with the payment page's URL.
     *
     * @param url the URL the system answered
     * @return the copy
     */
    public PaymentRecord withRedirectUrl(URI url) {
        return new PaymentRecord(system, reference, dossierCode, amount, state, createdAt, requestTime,
                Optional.of(url), gatewayTransactionId, updatedAt, attributes);
    }

    /**
     * A copy in a final state.
     *
     * @param newState the final state
     * @param transactionId the system's transaction id, or empty text when it gave none
     * @param at when the state changed
     * @return the copy
     */
    public PaymentRecord withFinalState(PaymentState newState, String transactionId, Instant at) {
        Optional<String> id = transactionId == null || transactionId.isEmpty()
                ? gatewayTransactionId : Optional.of(transactionId);
        return new PaymentRecord(system, reference, dossierCode, amount, newState, createdAt, requestTime,
                redirectUrl, id, at, attributes);
    }
}
