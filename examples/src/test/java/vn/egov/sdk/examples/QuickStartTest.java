package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.testkit.NationalSandbox;

/** The README's quick start is this code, run here; {@code DocsSnippetsTest} checks the README shows it. */
class QuickStartTest {
    @Test
    void quickStartRunsAgainstTheSandbox() {
        // snippet:quickstart
        try (NationalSandbox sandbox = NationalSandbox.start();
             HttpRuntime runtime = HttpRuntime.builder()
                     .settings(ClientSettings.builder()        // timeouts, deadline, retries, interceptors...
                             .deadline(Duration.ofSeconds(20))  // shared by every client of the SDK
                             .build())
                     .auth(OAuth2ClientCredentials.builder()
                             .tokenUrl(sandbox.tokenUrl())
                             .clientId("sandbox-client")
                             .clientSecret(Secret.of("sandbox-secret"))
                             .build())
                     .build()) {
            ApiResponse response = runtime.execute(ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=hello"));
            System.out.println(response.status() + " " + response.bodyAsString());
            // end:quickstart
            assertEquals(200, response.status());
            assertTrue(response.bodyAsString().contains("hello"));
        }
    }
}
