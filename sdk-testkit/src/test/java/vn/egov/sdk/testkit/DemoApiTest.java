package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;

class DemoApiTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

    /** One sandbox for the class, on the hand-moved clock with 60 s tokens; reset before each test. */
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension() {
        @Override
        protected void configure(NationalSandboxBuilder builder) {
            builder.clock(CLOCK).tokenLifetime(Duration.ofSeconds(60));
        }
    };
    private static final SandboxHttp http = new SandboxHttp(SANDBOX::sandbox);

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void echoesMessageAndCorrelationId() {
        HttpResponse<String> response = http.send(http.request("/demo/echo?msg=xin%20ch%C3%A0o")
                .header("Authorization", "Bearer " + http.token())
                .header("X-Correlation-Id", "corr-42")
                .GET().build());

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = SandboxHttp.json(response);
        assertEquals("xin chào", body.get("msg").asText());
        assertEquals("corr-42", body.get("correlationId").asText());
    }

    @Test
    void echoesNullCorrelationIdWhenAbsent() {
        JsonNode body = SandboxHttp.json(http.send(http.echoRequest(http.token(), "hi")));

        assertEquals("hi", body.get("msg").asText());
        assertTrue(body.get("correlationId").isNull());
    }

    @Test
    void requiresBearerToken() {
        HttpResponse<String> missing = http.send(http.request("/demo/echo?msg=x").GET().build());
        HttpResponse<String> bogus = http.send(http.echoRequest("not-a-sandbox-token", "x"));

        assertEquals(401, missing.statusCode());
        assertEquals("invalid_token", SandboxHttp.json(missing).get("error").asText());
        assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, bogus.statusCode());
        assertEquals("invalid_token", SandboxHttp.json(bogus).get("error").asText());
    }

    @Test
    void revokedTokensAreRejected() {
        String token = http.token();
        assertEquals(200, http.send(http.echoRequest(token, "before")).statusCode());

        sandbox.revokeTokens();

        HttpResponse<String> after = http.send(http.echoRequest(token, "after"));
        assertEquals(401, after.statusCode());
        assertEquals("invalid_token", SandboxHttp.json(after).get("error").asText());
        assertEquals(200, http.send(http.echoRequest(http.token(), "new token")).statusCode());
    }

    @Test
    void expiredTokensAreRejected() {
        String token = http.token();
        CLOCK.advance(Duration.ofSeconds(59));
        assertEquals(200, http.send(http.echoRequest(token, "still valid")).statusCode());

        CLOCK.advance(Duration.ofSeconds(1));

        assertEquals(401, http.send(http.echoRequest(token, "expired")).statusCode());
    }

    @Test
    void tokensSurviveReset() {
        String token = http.token();
        sandbox.reset();

        assertEquals(200, http.send(http.echoRequest(token, "x")).statusCode());
        assertEquals(0, sandbox.tokensIssued());
    }

    @Test
    void publicEndpointNeedsNoToken() {
        HttpResponse<String> response = http.send(http.request("/demo/public").GET().build());

        assertEquals(200, response.statusCode());
        assertEquals("ok", SandboxHttp.json(response).get("status").asText());
    }

    @Test
    void createsOrders() {
        String token = http.token();
        HttpResponse<String> first = http.send(http.orderRequest(token, "{\"amount\":100000}", null));
        HttpResponse<String> second = http.send(http.orderRequest(token, "{\"amount\":100000}", null));

        assertEquals(201, first.statusCode(), first.body());
        JsonNode body = SandboxHttp.json(first);
        assertEquals(100000, body.get("body").get("amount").asInt());
        assertNotEquals(body.get("orderId").asText(), SandboxHttp.json(second).get("orderId").asText());
        assertEquals(2, sandbox.ordersCreated());
        assertEquals(2, sandbox.requestsTo("/demo/orders"));
    }

    @Test
    void repeatedIdempotencyKeyCreatesOneOrder() {
        String token = http.token();
        HttpResponse<String> first = http.send(http.orderRequest(token, "{\"item\":\"giấy phép\"}", "key-1"));
        HttpResponse<String> replay = http.send(http.orderRequest(token, "{\"item\":\"giấy phép\"}", "key-1"));

        assertEquals(201, first.statusCode());
        assertEquals(201, replay.statusCode());
        assertEquals(first.body(), replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, sandbox.ordersCreated());
        assertEquals(2, sandbox.requestsTo("/demo/orders"));
    }

    @Test
    void reusedIdempotencyKeyWithOtherBodyIsRefused() {
        String token = http.token();
        http.send(http.orderRequest(token, "{\"n\":1}", "key-2"));

        HttpResponse<String> response = http.send(http.orderRequest(token, "{\"n\":2}", "key-2"));

        assertEquals(422, response.statusCode());
        assertEquals("idempotency_key_reused", SandboxHttp.json(response).get("error").asText());
        assertEquals(1, sandbox.ordersCreated());
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneOrder() throws Exception {
        String token = http.token();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> http.send(http.orderRequest(token, "{\"n\":7}", "same-key"))));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                assertEquals(201, response.statusCode());
                bodies.add(response.body());
            }
            assertEquals(1, bodies.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sandbox.ordersCreated());
    }

    @Test
    void rejectsOrderThatIsNotJson() {
        HttpResponse<String> response = http.send(http.orderRequest(http.token(), "not json", null));

        assertEquals(400, response.statusCode());
        assertEquals(0, sandbox.ordersCreated());
    }

    @Test
    void unknownPathsAre404() {
        HttpResponse<String> demo = http.send(http.request("/demo/nothing")
                .header("Authorization", "Bearer " + http.token()).GET().build());
        HttpResponse<String> elsewhere = http.send(http.request("/nowhere").GET().build());

        assertEquals(404, demo.statusCode());
        assertEquals(404, elsewhere.statusCode());
        assertEquals("not_found", SandboxHttp.json(elsewhere).get("error").asText());
        assertEquals(1, sandbox.requestsTo("/nowhere"));
    }

    @Test
    void wrongMethodIs405() {
        HttpResponse<String> response = http.send(http.request("/demo/orders")
                .header("Authorization", "Bearer " + http.token()).GET().build());

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
    }
}
