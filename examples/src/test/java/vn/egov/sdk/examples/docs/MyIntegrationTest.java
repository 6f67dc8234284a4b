package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

// The README's and docs/TESTING.md's example of a vendor's test with the extension, run as it is shown.
// snippet:testing-extension
@ExtendWith(NationalSandboxExtension.class)
class MyIntegrationTest {
    @Test
    void survivesAReset(NationalSandbox sandbox) {
        sandbox.faults().on("/demo/echo").times(2).connectionReset();
        try (HttpRuntime runtime = HttpRuntime.builder()                    // your code, pointed at the sandbox
                .auth(OAuth2ClientCredentials.builder()
                        .tokenUrl(sandbox.tokenUrl())
                        .clientId(NationalSandbox.DEFAULT_CLIENT_ID)
                        .clientSecret(Secret.of(NationalSandbox.DEFAULT_CLIENT_SECRET))
                        .build())
                .build()) {
            ApiResponse response = runtime.execute(ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=hi"));
            assertEquals(200, response.status());                        // a safe GET, retried past both resets
            assertEquals(3, sandbox.requestsTo("/demo/echo"));
        }
    }
}
// end:testing-extension
