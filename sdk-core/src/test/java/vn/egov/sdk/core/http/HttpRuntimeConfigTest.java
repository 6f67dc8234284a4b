package vn.egov.sdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.testsupport.RecordingSleeper;

/** Connection sharing, file bodies on retry, per-call headers and correlation ids. */
class HttpRuntimeConfigTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void runtimesShareOneConnectionPoolAndClosingOneLeavesTheOtherWorking() {
        server.stubFor(get(urlPathEqualTo("/a")).willReturn(aResponse().withBody("a")));
        ConnectionPool pool = new ConnectionPool();
        HttpRuntime first = HttpRuntime.builder().settings(ClientSettings.builder().connectionPool(pool).build())
                .build();
        HttpRuntime second = HttpRuntime.builder().settings(ClientSettings.builder().okHttpClient(first.okHttpClient())
                .readTimeout(Duration.ofSeconds(3)).build()).build();
        assertSame(pool, first.okHttpClient().connectionPool());
        assertSame(pool, second.okHttpClient().connectionPool());

        second.execute(ApiRequest.get(server.baseUrl() + "/a"));
        second.close();
        assertEquals("a", first.execute(ApiRequest.get(server.baseUrl() + "/a")).bodyAsString());
        assertFalse(first.okHttpClient().dispatcher().executorService().isShutdown());
        first.close();
    }

    @Test
    void fileBodyIsStreamedAgainOnRetry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("package.edxml");
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        Files.write(file, content);
        server.stubFor(post(urlPathEqualTo("/up")).inScenario("u").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(post(urlPathEqualTo("/up")).inScenario("u").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201)));
        ManualClock clock = new ManualClock();
        try (HttpRuntime runtime = HttpRuntime.builder().settings(ClientSettings.builder().clock(clock)
                .sleeper(new RecordingSleeper(clock)).build()).build()) {
            assertEquals(201, runtime.execute(ApiRequest.post(server.baseUrl() + "/up",
                    HttpBody.ofFile(file, "application/xml"))).status());
        }
        var sent = server.findAll(postRequestedFor(urlPathEqualTo("/up")));
        assertEquals(2, sent.size());
        assertEquals(content.length, sent.get(1).getBody().length);
    }

    @Test
    void perCallHeadersCorrelationIdAndCustomHeaderNames() {
        server.stubFor(post(urlPathEqualTo("/h")).withHeader("X-Request-Id", equalTo("vendor-trace-1"))
                .withHeader("X-Idem", equalTo("k-1")).withHeader("X-Tenant", equalTo("H29"))
                .withHeader("User-Agent", equalTo("vendor-app/2.0"))
                .willReturn(aResponse().withStatus(200)));
        try (HttpRuntime runtime = HttpRuntime.builder().settings(ClientSettings.builder().userAgent("vendor-app/2.0")
                .build()).correlationIdHeader("X-Request-Id")
                .idempotencyKeyHeader("X-Idem").build()) {
            assertEquals(200, runtime.execute(ApiRequest.post(server.baseUrl() + "/h", HttpBody.json("{}")),
                    RequestOptions.builder().correlationId("vendor-trace-1").idempotencyKey("k-1")
                            .header("X-Tenant", "H29").build()).status());
        }
    }

    @Test
    void generatedKeysCanBeTurnedOffForPlatformsThatRejectTheHeader() {
        server.stubFor(post(urlPathEqualTo("/n")).willReturn(aResponse().withStatus(200)));
        try (HttpRuntime runtime = HttpRuntime.builder().generateIdempotencyKeys(false).build()) {
            runtime.execute(ApiRequest.post(server.baseUrl() + "/n", HttpBody.json("{}")));
        }
        assertFalse(server.findAll(postRequestedFor(urlPathEqualTo("/n"))).get(0).containsHeader("Idempotency-Key"));
    }
}
