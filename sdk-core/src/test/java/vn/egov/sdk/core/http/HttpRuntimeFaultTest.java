package vn.egov.sdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.auth.StaticHeaders;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.testsupport.LogCapture;
import vn.egov.sdk.core.testsupport.RecordingSleeper;

/** The runtime under WireMock's faults: attempts, what is (not) repeated, the deadline, the exception type. */
class HttpRuntimeFaultTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    /** Sent as a credential header on every call; no log line of any test may contain it. */
    private static final String SECRET = "fault-test-secret-7c1d";
    private static final String CITIZEN_ID = "079203001234";
    private static final String BODY = "{\"soDinhDanh\":\"" + CITIZEN_ID + "\"}";

    private ManualClock clock;
    private RecordingSleeper sleeper;
    private HttpRuntime runtime;
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        logs = new LogCapture();
        clock = new ManualClock();
        sleeper = new RecordingSleeper(clock);
        runtime = runtime(ClientSettings.builder());
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        logs.close();
        String all = logs.all();
        assertFalse(all.contains(SECRET), "a log line leaked the credential:\n" + all);
        assertFalse(all.contains(CITIZEN_ID), "a log line leaked a citizen ID:\n" + all);
    }

    private HttpRuntime runtime(ClientSettingsBuilder b) {
        return HttpRuntime.builder()
                .settings(b.clock(clock).sleeper(sleeper).retryPolicy(RetryPolicy.builder().random(() -> 0.5).build())
                        .readTimeout(Duration.ofSeconds(5)).build())
                .auth(StaticHeaders.builder().secretHeader("X-SecretKey", Secret.of(SECRET)).build())
                .build();
    }

    private String url(String path) {
        return server.baseUrl() + path;
    }

    private void failTimesThenOk(String method, String path, int failures, Fault fault) {
        for (int i = 0; i < failures; i++) {
            String state = i == 0 ? Scenario.STARTED : "failed-" + i;
            server.stubFor((method.equals("GET") ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path)))
                    .inScenario(path).whenScenarioStateIs(state).willSetStateTo("failed-" + (i + 1))
                    .willReturn(aResponse().withFault(fault)));
        }
        server.stubFor((method.equals("GET") ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path)))
                .inScenario(path).whenScenarioStateIs(failures == 0 ? Scenario.STARTED : "failed-" + failures)
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
    }

    private int requestsTo(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).size()
                + server.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void connectionResetOnGetIsRetriedWithBackoffUntilSuccess() {
        failTimesThenOk("GET", "/r", 2, Fault.CONNECTION_RESET_BY_PEER);

        ApiResponse response = runtime.execute(ApiRequest.get(url("/r")));

        assertEquals(200, response.status());
        assertEquals(3, requestsTo("/r"));
        // 0.5 s and 1 s, each × (0.75 + 0.25 × 0.5)
        assertEquals(List.of(Duration.ofMillis(438), Duration.ofMillis(875)), sleeper.waits());
    }

    @Test
    void connectionResetOnUnsafeCallWithoutKeyIsNeverRepeated() {
        failTimesThenOk("POST", "/orders", 1, Fault.CONNECTION_RESET_BY_PEER);

        TransportException e = assertThrows(TransportException.class, () -> runtime.execute(
                ApiRequest.post(url("/orders"), HttpBody.json(BODY)),
                RequestOptions.builder().withoutIdempotencyKey().build()));

        assertEquals(1, requestsTo("/orders"));
        assertEquals(1, e.attempts());
        assertTrue(e.mayHaveReachedServer(), "a reset after sending leaves the outcome unknown");
        assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void unsafeCallGetsOneGeneratedIdempotencyKeyReusedOnEveryAttempt() {
        failTimesThenOk("POST", "/orders", 2, Fault.CONNECTION_RESET_BY_PEER);

        runtime.execute(ApiRequest.post(url("/orders"), HttpBody.json("{\"a\":1}")));

        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo("/orders")));
        assertEquals(3, sent.size());
        Set<String> keys = sent.stream().map(r -> r.getHeader("Idempotency-Key")).collect(Collectors.toSet());
        assertEquals(1, keys.size(), "the same key on every attempt");
        assertTrue(keys.iterator().next().matches("[0-9a-f-]{36}"));
        Set<String> correlationIds = sent.stream().map(r -> r.getHeader("X-Correlation-Id"))
                .collect(Collectors.toSet());
        assertEquals(1, correlationIds.size(), "the same correlation id on every attempt");
    }

    @Test
    void callerSuppliedIdempotencyKeyIsSentAndMakesTheCallRepeatable() {
        failTimesThenOk("POST", "/orders", 1, Fault.EMPTY_RESPONSE);

        runtime.execute(ApiRequest.post(url("/orders"), HttpBody.json(BODY)),
                RequestOptions.builder().idempotencyKey("order-42").build());

        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo("/orders")));
        assertEquals(2, sent.size());
        assertTrue(sent.stream().allMatch(r -> "order-42".equals(r.getHeader("Idempotency-Key"))));
    }

    @Test
    void safeCallsCarryNoIdempotencyKey() {
        failTimesThenOk("GET", "/g", 0, Fault.EMPTY_RESPONSE);
        runtime.execute(ApiRequest.get(url("/g")));
        assertFalse(server.findAll(getRequestedFor(urlPathEqualTo("/g"))).get(0).containsHeader("Idempotency-Key"));
    }

    @Test
    void emptyResponseEveryTimeEndsAfterTheAttemptCapWithEarlierFailuresSuppressed() {
        server.stubFor(get(urlPathEqualTo("/e")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        TransportException e = assertThrows(TransportException.class,
                () -> runtime.execute(ApiRequest.get(url("/e"))));

        assertEquals(3, requestsTo("/e"));
        assertEquals(3, e.attempts());
        assertEquals(2, e.getSuppressed().length);
        assertEquals(1, ((EgovException) e.getSuppressed()[0]).attempts());
        assertTrue(e.retryable());
        assertTrue(e.correlationId().isPresent());
    }

    @Test
    void malformedChunkIsATransportFailureAndIsRetriedForGet() {
        failTimesThenOk("GET", "/m", 1, Fault.MALFORMED_RESPONSE_CHUNK);

        ApiResponse response = runtime.execute(ApiRequest.get(url("/m")));

        assertEquals(200, response.status());
        assertEquals(2, requestsTo("/m"));
    }

    @Test
    void malformedChunkOnUnsafeCallWithoutKeyIsNotRepeated() {
        server.stubFor(post(urlPathEqualTo("/m")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        TransportException e = assertThrows(TransportException.class, () -> runtime.execute(
                ApiRequest.post(url("/m"), HttpBody.json(BODY)),
                RequestOptions.builder().withoutIdempotencyKey().build()));

        assertEquals(1, requestsTo("/m"));
        assertTrue(e.mayHaveReachedServer());
    }

    @Test
    void randomDataThenCloseIsATransportFailure() {
        server.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        TransportException e = assertThrows(TransportException.class,
                () -> runtime.execute(ApiRequest.get(url("/x")), RequestOptions.builder().maxAttempts(1).build()));
        assertEquals(1, e.attempts());
    }

    @Test
    void delayPastTheDeadlineEndsTheCallOnTime() {
        runtime.close();
        runtime = HttpRuntime.builder().settings(ClientSettings.builder().deadline(Duration.ofMillis(400))
                .readTimeout(Duration.ofSeconds(10)).build()).build();
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(3000).withBody("late")));

        long start = System.nanoTime();
        TransportException e = assertThrows(TransportException.class,
                () -> runtime.execute(ApiRequest.get(url("/slow"))));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(e.deadlineExceeded(), e.toString());
        assertFalse(e.retryable());
        assertEquals(1, e.attempts());
        assertTrue(elapsedMs < 1500, "deadline of 400 ms held, took " + elapsedMs + " ms");
    }

    @Test
    void perCallDeadlineOverridesTheClientDefault() {
        runtime.close();
        runtime = HttpRuntime.builder().settings(ClientSettings.builder().deadline(Duration.ofSeconds(30)).build())
                .build();
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(3000)));

        long start = System.nanoTime();
        TransportException e = assertThrows(TransportException.class, () -> runtime.execute(
                ApiRequest.get(url("/slow")), RequestOptions.builder().deadline(Duration.ofMillis(300)).build()));

        assertTrue(e.deadlineExceeded());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1500);
    }

    @Test
    void retryWaitThatWouldPassTheDeadlineIsNotTaken() {
        runtime.close();
        runtime = runtime(ClientSettings.builder().deadline(Duration.ofSeconds(2)));
        server.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "5")));

        PlatformException e = assertThrows(PlatformException.class, () -> runtime.execute(ApiRequest.get(url("/busy"))));

        assertEquals(1, requestsTo("/busy"));
        assertEquals(Duration.ofSeconds(5), e.details().retryAfter().orElseThrow());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void tooManyRequestsHonoursRetryAfterEvenForUnsafeCallsWithoutKey() {
        server.stubFor(post(urlPathEqualTo("/rl")).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        server.stubFor(post(urlPathEqualTo("/rl")).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody("{}")));

        ApiResponse response = runtime.execute(ApiRequest.post(url("/rl"), HttpBody.json(BODY)),
                RequestOptions.builder().withoutIdempotencyKey().build());

        assertEquals(201, response.status());
        assertEquals(2, requestsTo("/rl"));
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits(), "waited exactly as the server asked");
    }

    @Test
    void retryAfterBeyondTheCapEndsTheCallWithTheHint() {
        server.stubFor(get(urlPathEqualTo("/rl")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120").withBody("{\"error\":\"rate_limited\"}")));

        PlatformException e = assertThrows(PlatformException.class, () -> runtime.execute(ApiRequest.get(url("/rl"))));

        assertEquals(1, e.attempts());
        assertEquals(429, e.httpStatus().getAsInt());
        assertTrue(e.retryable());
        assertEquals(Duration.ofSeconds(120), e.details().retryAfter().orElseThrow());
        assertEquals("rate_limited", e.platformErrorCode().orElseThrow());
    }

    @Test
    void serverErrorThenSuccessOnGet() {
        server.stubFor(get(urlPathEqualTo("/five")).inScenario("5").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(500)));
        server.stubFor(get(urlPathEqualTo("/five")).inScenario("5").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("fine")));

        ApiResponse response = runtime.execute(ApiRequest.get(url("/five")));

        assertEquals("fine", response.bodyAsString());
        assertEquals(2, requestsTo("/five"));
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void serverErrorOnUnsafeCallWithoutKeyIsNotRepeated() {
        server.stubFor(post(urlPathEqualTo("/five")).willReturn(aResponse().withStatus(500)
                .withBody("{\"ErrorCode\":\"-1\",\"ErrorDesc\":\"internal\"}")));

        PlatformException e = assertThrows(PlatformException.class, () -> runtime.execute(
                ApiRequest.post(url("/five"), HttpBody.json(BODY)),
                RequestOptions.builder().withoutIdempotencyKey().build()));

        assertEquals(1, requestsTo("/five"));
        assertEquals(500, e.httpStatus().getAsInt());
        assertEquals("-1", e.platformErrorCode().orElseThrow());
        assertEquals(vn.egov.sdk.core.Fault.PLATFORM, e.fault());
    }

    @Test
    void clientErrorIsTheCallersFaultAndNotRetried() {
        server.stubFor(post(urlPathEqualTo("/bad")).willReturn(aResponse().withStatus(400)
                .withBody("{\"ErrorCode\":\"E12\",\"ErrorDesc\":\"DocumentId is missing\"}")));

        PlatformException e = assertThrows(PlatformException.class,
                () -> runtime.execute(ApiRequest.post(url("/bad"), HttpBody.json(BODY))));

        assertEquals(1, requestsTo("/bad"));
        assertFalse(e.retryable());
        assertEquals(vn.egov.sdk.core.Fault.CALLER, e.fault());
        assertEquals("E12", e.platformErrorCode().orElseThrow());
        assertTrue(e.getMessage().contains("DocumentId is missing"), e.getMessage());
    }

    @Test
    void unauthorizedWithoutCredentialStrategyIsAnAuthenticationException() {
        server.stubFor(get(urlPathEqualTo("/auth")).willReturn(aResponse().withStatus(401)));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> runtime.execute(ApiRequest.get(url("/auth"))));
        assertEquals(1, e.attempts());
        assertFalse(e.retryable());
    }

    @Test
    void connectionRefusedNeverReachedTheServerSoEvenUnsafeCallsAreRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TransportException e = assertThrows(TransportException.class, () -> runtime.execute(
                ApiRequest.post("http://127.0.0.1:" + closedPort + "/x", HttpBody.json(BODY)),
                RequestOptions.builder().withoutIdempotencyKey().build()));

        assertFalse(e.mayHaveReachedServer());
        assertEquals(3, e.attempts());
        assertEquals(2, sleeper.waits().size());
    }

    @Test
    void responseLargerThanTheLimitIsRefused() {
        runtime.close();
        runtime = runtime(ClientSettings.builder().maxResponseBytes(1024));
        server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(new byte[200_000])));

        PlatformException e = assertThrows(PlatformException.class, () -> runtime.execute(ApiRequest.get(url("/big"))));

        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
        assertEquals(1, requestsTo("/big"));
    }

    @Test
    void interceptorsRunForwardOnRequestsAndInReverseOnResponsesOncePerAttempt() {
        failTimesThenOk("GET", "/i", 1, Fault.CONNECTION_RESET_BY_PEER);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpInterceptor a = recording("A", seen);
        HttpInterceptor b = recording("B", seen);
        runtime.close();
        runtime = runtime(ClientSettings.builder().addInterceptor(a).addInterceptor(b));

        runtime.execute(ApiRequest.get(url("/i")));

        assertEquals(List.of("A.before#1", "B.before#1", "B.failure#1", "A.failure#1",
                "A.before#2", "B.before#2", "B.after#2", "A.after#2"), seen);
        LoggedRequest last = server.findAll(getRequestedFor(urlPathEqualTo("/i"))).get(1);
        assertEquals("A,B", last.getHeader("X-Chain"), "B saw the header A added");
    }

    @Test
    void interceptorFailureEndsTheCall() {
        server.stubFor(get(urlPathEqualTo("/i")).willReturn(aResponse().withStatus(200)));
        runtime.close();
        runtime = runtime(ClientSettings.builder().addInterceptor(new HttpInterceptor() {
            @Override
            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
                throw vn.egov.sdk.core.ValidationException.of("audit", "audit", "refused by audit");
            }
        }));
        assertThrows(vn.egov.sdk.core.ValidationException.class, () -> runtime.execute(ApiRequest.get(url("/i"))));
        assertEquals(0, requestsTo("/i"));
    }

    private static HttpInterceptor recording(String name, List<String> seen) {
        return new HttpInterceptor() {
            @Override
            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext ctx) {
                seen.add(name + ".before#" + ctx.attempt());
                String chain = request.header("X-Chain").map(v -> v + "," + name).orElse(name);
                return request.toBuilder().setHeader("X-Chain", chain).build();
            }

            @Override
            public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext ctx) {
                seen.add(name + ".after#" + ctx.attempt());
                return response;
            }

            @Override
            public void onAttemptFailure(ApiRequest request, EgovException failure, AttemptContext ctx) {
                assertInstanceOf(TransportException.class, failure);
                seen.add(name + ".failure#" + ctx.attempt());
            }
        };
    }
}
