package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.testkit.NationalSandbox;

/** The code blocks of docs/HTTP-RUNTIME.md, run against the sandbox; the page must show them as they are here. */
class HttpRuntimeDocSnippetsTest {
    private static NationalSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everySettingInOneValue() {
        AtomicInteger attempts = new AtomicInteger();
        // snippet:runtime-settings
        HttpInterceptor audit = new HttpInterceptor() {
            @Override
            public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
                attempts.incrementAndGet();   // audit, metrics: sees every attempt
                return response;
            }
        };
        ClientSettings settings = ClientSettings.builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .deadline(Duration.ofSeconds(45))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(200)).build())
                .addInterceptor(audit)
                .userAgent("vendor-qlvb/3.1")
                .maxResponseBytes(8L * 1024 * 1024)
                .build();
        try (HttpRuntime runtime = HttpRuntime.builder()
                .settings(settings)
                .auth(OAuth2ClientCredentials.builder()
                        .tokenUrl(sandbox.tokenUrl())
                        .clientId(NationalSandbox.DEFAULT_CLIENT_ID)
                        .clientSecret(Secret.of(NationalSandbox.DEFAULT_CLIENT_SECRET))
                        .build())
                .build()) {
            ApiResponse response = runtime.execute(ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=chao"));
            System.out.println(response.status() + " after " + attempts.get() + " attempt(s)");
        }
        // end:runtime-settings
        assertEquals(2, attempts.get(), "the token request and the call both pass the interceptor");
    }

    @Test
    void runtimesShareConnections() {
        // snippet:runtime-shared-connections
        OAuth2ClientCredentials credentials = OAuth2ClientCredentials.builder()
                .tokenUrl(sandbox.tokenUrl())
                .clientId(NationalSandbox.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(NationalSandbox.DEFAULT_CLIENT_SECRET))
                .build();
        try (HttpRuntime first = HttpRuntime.builder().auth(credentials).build();
             HttpRuntime second = HttpRuntime.builder()
                     .settings(ClientSettings.builder().okHttpClient(first.okHttpClient()).build())
                     .auth(credentials)
                     .build()) {
            second.execute(ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=1"));
            System.out.println("one pool: " + (first.okHttpClient().connectionPool()
                    == second.okHttpClient().connectionPool()));
        }
        // end:runtime-shared-connections
        try (HttpRuntime first = HttpRuntime.builder().build();
             HttpRuntime second = HttpRuntime.builder()
                     .settings(ClientSettings.builder().okHttpClient(first.okHttpClient()).build()).build()) {
            assertSame(first.okHttpClient().connectionPool(), second.okHttpClient().connectionPool());
        }
    }

    @Test
    void thePageShowsTheseSnippets() throws IOException {
        AxisDocSnippetsTest.checkPage("docs/HTTP-RUNTIME.md",
                "examples/src/test/java/vn/egov/sdk/examples/docs/HttpRuntimeDocSnippetsTest.java");
    }
}
