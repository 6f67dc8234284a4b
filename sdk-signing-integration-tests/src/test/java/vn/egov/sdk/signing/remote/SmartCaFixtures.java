package vn.egov.sdk.signing.remote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SmartCaSandbox;

/** Clients and data for the SmartCA tests. */
final class SmartCaFixtures {
    static final String SIGN_V1 = "/smartca/sca/sp769/v1/signatures/sign";
    static final String GET_CERTIFICATE = "/smartca/sca/sp769/v1/credentials/get_certificate";
    static final String SIGN_V2 = "/smartca/sca/sp769/v2/signatures/sign";
    static final String CONFIRM_V2 = "/smartca/sca/sp769/v2/signatures/confirm";
    static final DataToSign DATA = new DataToSign("Quyết định số 45/QĐ-UBND".getBytes(StandardCharsets.UTF_8),
            SignatureAlgorithm.RSA_SHA256);

    private SmartCaFixtures() {
    }

    /** The settings of the sandbox's client; tests add to them. */
    static ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.smartCaUrl())
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(20))
                        .random(() -> 0.0).build()).deadline(Duration.ofSeconds(10));
    }

    static SmartCaClient.Builder client(NationalSandbox sandbox) {
        return SmartCaClient.builder().settings(settings(sandbox).build())
                .spId(SmartCaSandbox.SP_ID)
                .spPassword(Secret.of(SmartCaSandbox.SP_PASSWORD));
    }

    static RemoteSignatureSource.Builder source(RemoteSigningService service, String userId) {
        return RemoteSignatureSource.builder(service, userId).pollInterval(Duration.ofMillis(50))
                .deadline(Duration.ofSeconds(10));
    }

    static Totp totp() {
        return Totp.fromBase32(Secret.of(SmartCaSandbox.TOTP_SECRET));
    }
}
