package vn.egov.sdk.payment;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * One national payment system, as a vendor uses it: create a payment and send the payer to its page, verify and
 * apply the result callback, ask for a payment's state, fetch its receipt. The clients
 * ({@code DvcqgPaymentPlatformClient}, {@code PayGovClient}, {@code KeypayDvcqgClient}) speak each system's own
 * protocol behind it. Implementations are thread-safe.
 */
public interface PaymentGateway {
    /**
     * The system this client speaks to.
     *
     * @return the system
     */
    PaymentSystem system();

    /**
     * The store that holds this client's payments.
     *
     * @return the store
     */
    PaymentStore store();

    /**
     * Creates a payment. The reference is fixed and recorded in the {@link #store()} before the first request; a
     * call repeated for the same dossier and amount while the payment is still pending (after a timeout, say)
     * sends the same reference again instead of making a second transaction.
     *
     * @param order what to pay
     * @return where to send the payer
     * @throws vn.egov.sdk.core.ValidationException when the order breaks a rule of this system (amount above the cap)
     * @throws vn.egov.sdk.core.EgovException when the system refused or could not be reached
     */
    PaymentStart create(PaymentOrder order);

    /**
     * Verifies a result callback on its raw bytes, before anything is parsed into a model: the checksum, the
     * partner code, and the reference and amount against the vendor's own record in the {@link #store()}.
     * Verifying records nothing.
     *
     * @param rawBody the body exactly as received
     * @return the verified callback
     * @throws CallbackVerificationException saying why it did not verify
     */
    PaymentCallback verifyCallback(byte[] rawBody);

    /**
     * The reply to a callback that verified.
     *
     * @param callback the callback
     * @return the reply the system expects for success
     */
    CallbackReply acceptReply(PaymentCallback callback);

    /**
     * The reply to a callback that did not verify.
     *
     * @param failure why
     * @return the reply the system expects for a refusal
     */
    CallbackReply rejectReply(CallbackVerificationException failure);

    /**
     * Asks the system for a payment's state. Safe to repeat.
     *
     * @param reference the merchant reference, one this store holds
     * @return the state as the system reports it
     * @throws vn.egov.sdk.core.ValidationException when the store holds no such payment
     * @throws vn.egov.sdk.core.EgovException when the system refused or could not be reached
     */
    PaymentStatus query(String reference);

    /**
     * Opens the receipt (biên lai) of a paid payment, as the system sends it (a PDF for the DVCQG platform). The
     * caller closes the stream.
     *
     * @param reference the merchant reference
     * @return the receipt's bytes
     * @throws vn.egov.sdk.core.ValidationException when the store holds no such payment
     * @throws vn.egov.sdk.core.EgovException when the system refused or could not be reached
     */
    InputStream openReceipt(String reference);

    /**
     * Verifies a callback and applies it once: a verified callback moves its payment from pending to final and
     * runs the effect; a repeat is answered as a success and runs nothing; a callback that did not verify is
     * answered with a refusal and records nothing, so a forged callback cannot block the genuine one.
     *
     * @param rawBody the body exactly as received
     * @param effect what the vendor does when the payment becomes final
     * @param now the time to record
     * @return what happened and the reply to send
     * @throws PaymentEffectException when the effect threw (the payment stays pending; answer with an error so
     *     the system sends the callback again)
     */
    default CallbackOutcome handleCallback(byte[] rawBody, PaymentEffect effect, Instant now) {
        return handleCallback(rawBody, effect, now, CallbackWindow.unlimited());
    }

    /**
     * As {@link #handleCallback(byte[], PaymentEffect, Instant)}, and refuses a verified callback whose stated time
     * is outside a window around {@code now} ({@link CallbackFailure#OUTSIDE_WINDOW}, nothing recorded): a callback
     * replayed or delivered long after the payment.
     *
     * @param rawBody the body exactly as received
     * @param effect what the vendor does when the payment becomes final
     * @param now the time to record, and the window's centre
     * @param window how old (or how far ahead) a callback's time may be
     * @return what happened and the reply to send
     * @throws PaymentEffectException when the effect threw (the payment stays pending; answer with an error so
     *     the system sends the callback again)
     */
    default CallbackOutcome handleCallback(byte[] rawBody, PaymentEffect effect, Instant now, CallbackWindow window) {
        ValidationException.requireNonNull(window, "PaymentGateway.window");
        PaymentCallback callback;
        try {
            callback = verifyCallback(rawBody);
            window.check(callback, now);
        } catch (CallbackVerificationException e) {
            return new CallbackOutcome(CallbackOutcome.Result.REJECTED, Optional.empty(),
                    Optional.of(e), rejectReply(e));
        }
        ApplyOutcome applied = store().applyFinalState(system(), callback.reference(), callback.state(),
                callback.gatewayTransactionId(), now, effect);
        if (applied == ApplyOutcome.UNKNOWN_REFERENCE) {
            CallbackVerificationException e = new CallbackVerificationException(CallbackFailure.UNKNOWN_REFERENCE,
                    null, null, "no payment with reference " + callback.reference() + " in the store");
            return new CallbackOutcome(CallbackOutcome.Result.REJECTED, Optional.empty(),
                    Optional.of(e), rejectReply(e));
        }
        CallbackOutcome.Result result = applied == ApplyOutcome.APPLIED
                ? CallbackOutcome.Result.APPLIED : CallbackOutcome.Result.DUPLICATE;
        return new CallbackOutcome(result, Optional.of(callback), Optional.empty(),
                acceptReply(callback));
    }
}
