package vn.egov.sdk.payment.keypay;

import java.net.URI;
import java.time.Duration;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.testsupport.SandboxVendor;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** A vendor for the Keypay tests: a client on the sandbox's /keypay/ and its callback endpoint. */
final class KeypayVendor extends SandboxVendor<KeypayDvcqgClient> {

    KeypayVendor(NationalSandbox sandbox) {
        super(sandbox, client(sandbox, KeypaySandbox.HASH_KEY_1), "/keypay/callback");
    }

    @Override
    protected void register(URI callbackUrl) {
        sandbox.keypay().callbackUrl(callbackUrl);
    }

    /** A client on the sandbox with the sandbox's second key and {@code key1} as the first; no retries. */
    static KeypayDvcqgClient client(NationalSandbox sandbox, String key1) {
        return KeypayDvcqgClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.keypay().url())
                        .readTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none()).build())
                .credentials(KeypaySandbox.CLIENT_ID, Secret.of(key1), Secret.of(KeypaySandbox.HASH_KEY_2))
                .build();
    }
}
