package vn.egov.sdk.testkit;

import vn.egov.sdk.core.ValidationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultPresetTest {

    /** One sandbox for the class, reset before each test (before the {@code @BeforeEach} below runs). */
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    private static final SandboxHttp http = new SandboxHttp(SANDBOX::sandbox);

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private String token;

    @BeforeEach
    void fetchToken() {
        token = http.token();
    }

    private HttpRequest echo() {
        return http.echoRequest(token, "hello");
    }

    private void assertServedNormally() {
        HttpResponse<String> response = http.send(echo());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("hello", SandboxHttp.json(response).get("msg").asText());
    }

    private RawHttp.Outcome rawEcho() {
        return RawHttp.get(sandbox, "/demo/echo?msg=hello", token);
    }

    @Test
    void connectionResetOnceThenNormal() {
        FaultPreset preset = sandbox.faults().on("/demo/echo").connectionReset();

        RawHttp.Outcome outcome = rawEcho();

        assertTrue(outcome.failure().orElseThrow() instanceof SocketException, outcome.failure().toString());
        assertTrue(outcome.failure().get().getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset"));
        assertEquals(1, preset.triggered());
        assertTrue(preset.isExhausted());
        assertServedNormally();
        assertEquals(2, sandbox.requestsTo("/demo/echo"));
    }

    @Test
    void connectionResetSeenByHttpClient() {
        sandbox.faults().on("/demo/orders").connectionReset();

        http.sendExpectingIoFailure(http.orderRequest(token, "{\"n\":1}", "k-reset"));

        assertEquals(201, http.send(http.orderRequest(token, "{\"n\":1}", "k-reset")).statusCode());
    }

    @Test
    void emptyResponseClosesWithoutAByte() {
        sandbox.faults().on("/demo/echo").emptyResponse();

        RawHttp.Outcome outcome = rawEcho();

        assertEquals(0, outcome.received().length);
        assertServedNormally();
        // java.net.http repeats a GET once when the connection closes before any byte, so it sees the retry:
        sandbox.faults().on("POST", "/demo/orders").emptyResponse();
        http.sendExpectingIoFailure(http.orderRequest(token, "{}", null));
    }

    @Test
    void malformedChunk() {
        sandbox.faults().on("/demo/echo").malformedChunk();

        RawHttp.Outcome outcome = rawEcho();

        assertTrue(outcome.text().startsWith("HTTP/1.1 200"), outcome.text());
        assertTrue(outcome.text().toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"), outcome.text());
        assertFalse(outcome.text().contains("\"msg\""));
        sandbox.faults().on("/demo/echo").malformedChunk();
        http.sendExpectingIoFailure(echo());
        assertServedNormally();
    }

    @Test
    void randomDataThenClose() {
        sandbox.faults().on("/demo/echo").randomDataThenClose();

        RawHttp.Outcome outcome = rawEcho();

        assertTrue(outcome.received().length > 0);
        assertFalse(outcome.text().startsWith("HTTP/"), outcome.text());
        sandbox.faults().on("/demo/echo").randomDataThenClose();
        http.sendExpectingIoFailure(echo());
        assertServedNormally();
    }

    @Test
    void delayThenServe() {
        FaultPreset preset = sandbox.faults().on("/demo/echo").delay(Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> delayed = http.send(echo());
        long delayedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, delayed.statusCode());
        assertEquals("hello", SandboxHttp.json(delayed).get("msg").asText());
        assertTrue(delayedMillis >= 290, "took " + delayedMillis + " ms");
        assertTrue(preset.isExhausted());
        assertServedNormally();
        assertEquals(1, preset.triggered());
    }

    @Test
    void delayTripsClientTimeout() {
        sandbox.faults().on("/demo/echo").delay(Duration.ofMillis(300));

        IOException failure = http.sendExpectingIoFailure(http.request("/demo/echo?msg=x")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMillis(100))
                .GET().build());

        assertTrue(failure instanceof java.net.http.HttpTimeoutException, failure.toString());
    }

    @Test
    void statusTimesTwoThenNormal() {
        FaultPreset preset = sandbox.faults().on("/demo/echo").times(2).status(503);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send(echo());
            assertEquals(503, response.statusCode());
            assertEquals("sandbox_fault", SandboxHttp.json(response).get("error").asText());
        }

        assertServedNormally();
        assertEquals(2, preset.triggered());
        assertEquals(3, sandbox.requestsTo("/demo/echo"));
    }

    @Test
    void alwaysUntilCancelled() {
        FaultPreset preset = sandbox.faults().on("/demo/echo").always().status(500);

        for (int i = 0; i < 5; i++) {
            assertEquals(500, http.send(echo()).statusCode());
        }
        assertFalse(preset.isExhausted());
        preset.cancel();

        assertServedNormally();
        assertEquals(0, sandbox.faults().armed());
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInSeconds() {
        sandbox.faults().on("/demo/echo").tooManyRequests(Duration.ofMillis(1500));

        HttpResponse<String> response = http.send(echo());

        assertEquals(429, response.statusCode());
        assertEquals("2", response.headers().firstValue("Retry-After").orElse(""));
        assertServedNormally();
    }

    @Test
    void malformedBodyIsNotJson() {
        sandbox.faults().on("/demo/echo").malformedBody();

        HttpResponse<String> response = http.send(echo());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertThrows(JsonProcessingException.class, () -> SandboxHttp.JSON.readTree(response.body()));
        assertServedNormally();
    }

    @Test
    void methodSpecificPresetLeavesOtherMethodsAlone() {
        sandbox.faults().on("post", "/demo/orders").status(502);

        HttpResponse<String> get = http.send(http.request("/demo/orders")
                .header("Authorization", "Bearer " + token).GET().build());
        HttpResponse<String> post = http.send(http.orderRequest(token, "{}", null));

        assertEquals(405, get.statusCode());
        assertEquals(502, post.statusCode());
        assertEquals(0, sandbox.ordersCreated());
    }

    @Test
    void faultBeforeServingCreatesNothing() {
        sandbox.faults().on("/demo/orders").connectionReset();

        http.sendExpectingIoFailure(http.orderRequest(token, "{\"n\":1}", null));

        assertEquals(0, sandbox.ordersCreated());
        assertEquals(1, sandbox.requestsTo("/demo/orders"));
    }

    @Test
    void afterServingFaultLetsTheEffectHappen() {
        sandbox.faults().on("POST", "/demo/orders").afterServing().connectionReset();

        http.sendExpectingIoFailure(http.orderRequest(token, "{\"n\":1}", null));
        HttpResponse<String> retry = http.send(http.orderRequest(token, "{\"n\":1}", null));

        assertEquals(201, retry.statusCode());
        assertEquals(2, sandbox.ordersCreated(), "a blind retry without an idempotency key duplicates the order");
    }

    @Test
    void afterServingFaultWithIdempotencyKeyReplaysTheFirstOrder() {
        sandbox.faults().on("POST", "/demo/orders").afterServing().emptyResponse();

        http.sendExpectingIoFailure(http.orderRequest(token, "{\"n\":1}", "k-after"));
        HttpResponse<String> retry = http.send(http.orderRequest(token, "{\"n\":1}", "k-after"));

        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, sandbox.ordersCreated());
    }

    @Test
    void prefixPatternCoversEveryPathBelow() {
        sandbox.faults().on("/demo/*").times(2).status(504);

        assertEquals(504, http.send(http.request("/demo/public").GET().build()).statusCode());
        assertEquals(504, http.send(echo()).statusCode());
        assertServedNormally();
    }

    @Test
    void faultsApplyToTheTokenEndpointToo() {
        sandbox.faults().on(NationalSandbox.TOKEN_PATH).status(503);

        HttpResponse<String> response = http.tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID,
                NationalSandbox.DEFAULT_CLIENT_SECRET, "grant_type=client_credentials");

        assertEquals(503, response.statusCode());
        assertEquals(1, sandbox.tokensIssued(), "only the token from @BeforeEach");
        assertEquals(2, sandbox.requestsTo(NationalSandbox.TOKEN_PATH));
    }

    @Test
    void presetsQueueOldestFirst() {
        sandbox.faults().on("/demo/echo").status(500);
        sandbox.faults().on("/demo/echo").status(502);

        assertEquals(500, http.send(echo()).statusCode());
        assertEquals(502, http.send(echo()).statusCode());
        assertServedNormally();
    }

    @Test
    void resetAndClearDisarmEverything() {
        FaultPreset preset = sandbox.faults().on("/demo/echo").always().status(500);
        sandbox.faults().on("/demo/public").status(500);
        assertEquals(2, sandbox.faults().armed());

        sandbox.reset();
        token = http.token();

        assertTrue(preset.isExhausted());
        assertEquals(0, sandbox.faults().armed());
        assertServedNormally();
        sandbox.faults().on("/demo/echo").status(500);
        sandbox.faults().clear();
        assertServedNormally();
    }

    @Test
    void countedPresetIsExactUnderConcurrency() throws Exception {
        FaultPreset preset = sandbox.faults().on("/demo/echo").times(5).status(503);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int faulted = 0;
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> http.send(echo())));
            }
            for (Future<HttpResponse<String>> future : futures) {
                int status = future.get().statusCode();
                assertTrue(status == 200 || status == 503, "status " + status);
                faulted += status == 503 ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, faulted);
        assertEquals(5, preset.triggered());
        assertEquals(40, sandbox.requestsTo("/demo/echo"));
    }

    @Test
    void builderRejectsNonsense() {
        SandboxFaults faults = sandbox.faults();
        assertThrows(ValidationException.class, () -> faults.on("demo/echo"));
        assertThrows(ValidationException.class, () -> faults.on("/demo/echo?x=1"));
        assertThrows(ValidationException.class, () -> faults.on(" ", "/demo/echo"));
        assertThrows(ValidationException.class, () -> faults.on("/demo/echo").times(0));
        assertThrows(ValidationException.class, () -> faults.on("/demo/echo").status(200));
        assertThrows(ValidationException.class, () -> faults.on("/demo/echo").delay(Duration.ofMillis(-1)));
        assertEquals(0, faults.armed());
    }
}
