package vn.egov.sdk.payment;

import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * What handling one result callback did, and the reply to send back.
 *
 * @param result applied, a repeat, or refused
 * @param callback the verified callback, when it verified
 * @param failure why it was refused, when it was
 * @param reply the HTTP answer for the payment system
 */
public record CallbackOutcome(Result result, Optional<PaymentCallback> callback,
        Optional<CallbackVerificationException> failure, CallbackReply reply) {

    /** What handling a callback did. */
    public enum Result {
        /** Verified, and the payment moved to its final state: the effect ran. */
        APPLIED,
        /** Verified, and the payment was already final: nothing ran again, the reply says success. */
        DUPLICATE,
        /** Not verified: nothing was recorded, the reply says why to the sender. */
        REJECTED
    }

    /**
     * Validates the components.
     *
     * @param result the result
     * @param callback the verified callback, if any
     * @param failure the failure, if any
     * @param reply the reply
     */
    public CallbackOutcome {
        ValidationException.requireNonNull(result, "CallbackOutcome.result");
        ValidationException.requireNonNull(callback, "CallbackOutcome.callback");
        ValidationException.requireNonNull(failure, "CallbackOutcome.failure");
        ValidationException.requireNonNull(reply, "CallbackOutcome.reply");
    }
}
