package vn.egov.sdk.spring.payment;

/**
 * The application's reaction to a verified payment result (move the dossier on, issue the receipt number). Define
 * one or more as beans; the starter's callback endpoint calls them in their
 * {@link org.springframework.core.annotation.Order} once per payment, when a verified callback moves the payment
 * from pending to final, under the {@link vn.egov.sdk.payment.PaymentStore}'s lock for that payment. A repeated
 * callback does not call them again; a refused callback (forged, altered, replayed, too old) never reaches them.
 *
 * <p>If a listener throws, nothing is committed: the payment stays pending, the endpoint answers with an error so
 * the payment system sends the callback again, and a later callback calls every listener again. Listeners should
 * therefore be idempotent across such retries.
 */
@FunctionalInterface
public interface PaymentResultListener {
    /**
     * Acts on a payment that has just become final.
     *
     * @param result the verified result
     * @throws Exception anything; the payment then stays pending
     */
    void onPaymentResult(PaymentResult result) throws Exception;
}
