package vn.egov.sdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.testsupport.RecordingSleeper;

/** Streamed 2xx bodies: never read into memory by the runtime, bounded, repeated from the start after a failure. */
class HttpRuntimeStreamingTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static HttpRuntime runtime(long maxBytes) {
        ManualClock clock = new ManualClock();
        return HttpRuntime.builder().settings(ClientSettings.builder().clock(clock).sleeper(new RecordingSleeper(clock))
                .maxResponseBytes(maxBytes).build())
                .build();
    }

    @Test
    void theHandlerReadsTheBodyAsAStream() {
        byte[] body = new byte[3_000_000];
        new java.util.Random(5).nextBytes(body);
        server.stubFor(get(urlPathEqualTo("/pkg")).willReturn(aResponse().withBody(body)));
        try (HttpRuntime runtime = runtime(10_000_000)) {
            byte[] got = runtime.execute(ApiRequest.get(server.baseUrl() + "/pkg"), RequestOptions.DEFAULT,
                    (status, headers, in) -> {
                        assertEquals(200, status);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        in.transferTo(out);
                        return out.toByteArray();
                    });
            assertArrayEquals(body, got);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(new byte[2_000_000])));
        try (HttpRuntime runtime = runtime(1_000_000)) {
            PlatformException e = assertThrows(PlatformException.class, () -> runtime.execute(
                    ApiRequest.get(server.baseUrl() + "/big"), RequestOptions.DEFAULT,
                    (status, headers, in) -> in.transferTo(java.io.OutputStream.nullOutputStream())));
            assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
        }
    }

    @Test
    void aBrokenBodyIsRepeatedFromTheStartForASafeRequest() {
        server.stubFor(get(urlPathEqualTo("/r")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        server.stubFor(get(urlPathEqualTo("/r")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody("complete")));
        AtomicInteger calls = new AtomicInteger();
        try (HttpRuntime runtime = runtime(1_000_000)) {
            String text = runtime.execute(ApiRequest.get(server.baseUrl() + "/r"), RequestOptions.DEFAULT,
                    (status, headers, in) -> {
                        calls.incrementAndGet();
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    });
            assertEquals("complete", text);
        }
        assertTrue(calls.get() >= 1 && calls.get() <= 2, "the handler restarted at most once: " + calls.get());
    }

    @Test
    void errorStatusesAreMappedWithoutCallingTheHandler() {
        server.stubFor(get(urlPathEqualTo("/e")).willReturn(aResponse().withStatus(404)
                .withBody("{\"ErrorCode\":\"404\",\"ErrorDesc\":\"no such package\"}")));
        AtomicInteger calls = new AtomicInteger();
        try (HttpRuntime runtime = runtime(1_000_000)) {
            PlatformException e = assertThrows(PlatformException.class, () -> runtime.execute(
                    ApiRequest.get(server.baseUrl() + "/e"), RequestOptions.DEFAULT, (status, headers, in) -> {
                        calls.incrementAndGet();
                        return null;
                    }));
            assertEquals(404, e.httpStatus().getAsInt());
        }
        assertEquals(0, calls.get());
    }
}
