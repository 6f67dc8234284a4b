package vn.egov.sdk.spring.payment.internal;

import java.util.List;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.spring.payment.PaymentResult;
import vn.egov.sdk.spring.payment.PaymentResultListener;

/** The application's {@link PaymentResultListener}s as the SDK's {@link PaymentEffect} (callbacks, reconciler). */
public final class ListenerEffect {
    private ListenerEffect() {
    }

    /**
     * The effect that calls every listener in order with the payment's verified result.
     *
     * @param system the payment system
     * @param listeners the listeners, in order
     * @return the effect; it rethrows the first listener's exception, so the payment stays pending
     */
    public static PaymentEffect of(PaymentSystem system, List<PaymentResultListener> listeners) {
        List<PaymentResultListener> ordered = List.copyOf(listeners);
        return payment -> {
            PaymentResult result = new PaymentResult(system, payment);
            for (PaymentResultListener listener : ordered) {
                listener.onPaymentResult(result);
            }
        };
    }
}
