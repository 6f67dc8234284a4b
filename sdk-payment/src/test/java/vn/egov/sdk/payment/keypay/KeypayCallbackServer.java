package vn.egov.sdk.payment.keypay;

import java.net.URI;
import java.util.List;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.testsupport.CallbackEndpoint;

/**
 * The Keypay callback endpoint in the shape the payment-page browser test uses; a thin view of a
 * {@link CallbackEndpoint}. New tests use {@link KeypayVendor}.
 */
final class KeypayCallbackServer implements AutoCloseable {
    private final CallbackEndpoint endpoint;
    final List<CallbackOutcome> outcomes;

    KeypayCallbackServer(PaymentGateway gateway) {
        endpoint = CallbackEndpoint.start("/keypay/callback", gateway);
        outcomes = endpoint.outcomes();
    }

    URI url() {
        return endpoint.url();
    }

    int effects(String reference) {
        return endpoint.effects(reference);
    }

    /** Waits until at least n callbacks were handled. */
    void await(int n) throws InterruptedException {
        endpoint.awaitOutcomes(n);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
