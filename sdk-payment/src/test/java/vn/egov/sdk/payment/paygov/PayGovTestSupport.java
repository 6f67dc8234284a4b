package vn.egov.sdk.payment.paygov;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.testsupport.Await;
import vn.egov.sdk.payment.testsupport.CallbackEndpoint;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * The PayGov callback endpoint in the shape the payment-page browser test and the status-codes test use (the test
 * sets {@link #client}); a thin view of a {@link CallbackEndpoint}. New tests use {@link PayGovVendor}.
 */
final class PayGovTestSupport implements AutoCloseable {
    volatile PayGovClient client;
    private final CallbackEndpoint endpoint = CallbackEndpoint.start("/paygov-callback", () -> this.client);
    final HttpServer server = endpoint.server();
    final List<CallbackOutcome> outcomes = endpoint.outcomes();

    URI callbackUrl() {
        return endpoint.url();
    }

    int effectsFor(String reference) {
        return endpoint.effects(reference);
    }

    static ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return PayGovVendor.settings(sandbox);
    }

    static PayGovClientBuilder standard(NationalSandbox sandbox) {
        return PayGovVendor.standard(sandbox);
    }

    static PayGovClientBuilder dongThap(NationalSandbox sandbox) {
        return PayGovVendor.dongThap(sandbox);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what);
    }

    @Override
    public void close() {
        endpoint.close();
        if (client != null) {
            client.close();
        }
    }
}
