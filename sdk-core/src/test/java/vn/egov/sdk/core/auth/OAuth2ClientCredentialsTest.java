package vn.egov.sdk.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.testsupport.LogCapture;
import vn.egov.sdk.core.testsupport.RecordingSleeper;

/** OAuth2 client credentials against a WireMock token endpoint: caching, refresh, 401, concurrency, secrecy. */
class OAuth2ClientCredentialsTest {
    private static final String SECRET = "s3cr3t-Value-9f8e";
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    private ManualClock clock;
    private LogCapture logs;

    @BeforeEach
    void reset() {
        clock = new ManualClock();
        logs = new LogCapture();
    }

    @AfterEach
    void noSecretInAnyLogLine() {
        logs.close();
        assertFalse(logs.all().contains(SECRET), "a log line leaked the client secret:\n" + logs.all());
        assertFalse(logs.all().contains("Basic "), "a log line leaked the Basic credentials:\n" + logs.all());
    }

    private static String tokenJson(String token, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    private OAuth2ClientCredentials.Builder auth() {
        return OAuth2ClientCredentials.builder().tokenUrl(server.baseUrl() + "/token").clientId("vendor-app")
                .clientSecret(Secret.of(SECRET));
    }

    private HttpRuntime runtime(AuthStrategy auth) {
        return HttpRuntime.builder().settings(ClientSettings.builder().clock(clock).sleeper(new RecordingSleeper(clock))
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build()).build()).auth(auth).build();
    }

    private int tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/token"))).size();
    }

    @Test
    void basicClientAuthenticationThenBearerOnTheCall() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withBody(tokenJson("tok-A", 3600))));
        server.stubFor(get(urlPathEqualTo("/api")).withHeader("Authorization", equalTo("Bearer tok-A"))
                .willReturn(aResponse().withBody("ok")));

        try (HttpRuntime runtime = runtime(auth().build())) {
            assertEquals("ok", runtime.execute(ApiRequest.get(server.baseUrl() + "/api")).bodyAsString());
        }

        LoggedRequest tokenCall = server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("vendor-app:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, tokenCall.getHeader("Authorization"));
        assertEquals("grant_type=client_credentials", tokenCall.getBodyAsString());
        assertFalse(tokenCall.containsHeader("Idempotency-Key"));
    }

    @Test
    void postClientAuthenticationSendsTheCredentialsAsFormFields() {
        server.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("client_id=vendor-app"))
                .withRequestBody(containing("client_secret=" + SECRET))
                .willReturn(aResponse().withBody(tokenJson("tok-P", 3600))));
        server.stubFor(get(urlPathEqualTo("/api")).willReturn(aResponse().withBody("ok")));

        try (HttpRuntime runtime = runtime(auth().scope("docs")
                .clientAuthMethod(OAuth2ClientCredentials.ClientAuthMethod.CLIENT_SECRET_POST).build())) {
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
        }

        LoggedRequest tokenCall = server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        assertFalse(tokenCall.containsHeader("Authorization"));
        assertTrue(tokenCall.getBodyAsString().contains("scope=docs"));
        assertEquals("Bearer tok-P",
                server.findAll(getRequestedFor(urlPathEqualTo("/api"))).get(0).getHeader("Authorization"));
    }

    @Test
    void tokenIsCachedAndRefreshedBeforeItExpires() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withBody(tokenJson("tok", 3600))));
        server.stubFor(get(urlPathEqualTo("/api")).willReturn(aResponse().withBody("ok")));

        try (HttpRuntime runtime = runtime(auth().refreshBefore(Duration.ofMinutes(5)).build())) {
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
            assertEquals(1, tokenRequests(), "second call reuses the cached token");

            clock.advance(Duration.ofMinutes(54));
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
            assertEquals(1, tokenRequests(), "6 minutes before expiry the token is still used");

            clock.advance(Duration.ofMinutes(2));
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
            assertEquals(2, tokenRequests(), "4 minutes before expiry it is refreshed");
        }
    }

    @Test
    void unauthorizedDropsTheTokenRefreshesOnceAndRepeatsTheCall() {
        server.stubFor(post(urlPathEqualTo("/token")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(aResponse().withBody(tokenJson("tok-1", 3600))));
        server.stubFor(post(urlPathEqualTo("/token")).inScenario("t").whenScenarioStateIs("second")
                .willReturn(aResponse().withBody(tokenJson("tok-2", 3600))));
        server.stubFor(post(urlPathEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
        server.stubFor(post(urlPathEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(aResponse().withStatus(201).withBody("{}")));

        try (HttpRuntime runtime = runtime(auth().build())) {
            // an unsafe call: a 401 means the server did nothing, so it is repeated once with the new token
            int status = runtime.execute(ApiRequest.post(server.baseUrl() + "/orders", HttpBody.json("{}")),
                    vn.egov.sdk.core.RequestOptions.builder().withoutIdempotencyKey().build()).status();
            assertEquals(201, status);
        }
        assertEquals(2, tokenRequests());
        assertEquals(2, server.findAll(postRequestedFor(urlPathEqualTo("/orders"))).size());
    }

    @Test
    void persistentUnauthorizedEndsAfterOneRefresh() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withBody(tokenJson("tok", 3600))));
        server.stubFor(get(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(401)));

        try (HttpRuntime runtime = runtime(auth().build())) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> runtime.execute(ApiRequest.get(server.baseUrl() + "/api")));
            assertEquals(2, e.attempts());
            assertEquals(1, e.getSuppressed().length);
        }
        assertEquals(2, tokenRequests());
        assertEquals(2, server.findAll(getRequestedFor(urlPathEqualTo("/api"))).size());
    }

    @Test
    void wrongClientCredentialsAreAnAuthenticationException() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

        try (HttpRuntime runtime = runtime(auth().build())) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> runtime.execute(ApiRequest.get(server.baseUrl() + "/api")));
            assertEquals("invalid_client", e.platformErrorCode().orElseThrow());
            assertFalse(e.getMessage().contains(SECRET));
        }
        assertEquals(0, server.findAll(getRequestedFor(urlPathEqualTo("/api"))).size());
    }

    @Test
    void badRequestFromTheTokenEndpointIsAnAuthenticationException() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_client\"}")));
        try (HttpRuntime runtime = runtime(auth().build())) {
            assertThrows(AuthenticationException.class, () -> runtime.execute(ApiRequest.get(server.baseUrl() + "/a")));
        }
    }

    @Test
    void malformedTokenAnswersArePlatformExceptions() {
        for (String body : List.of("not json", "{\"token_type\":\"Bearer\"}", "[]",
                "{\"access_token\":\"x\",\"token_type\":\"mac\"}", "{\"access_token\":42}")) {
            server.resetAll();
                server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withBody(body)));
            try (HttpRuntime runtime = runtime(auth().build())) {
                PlatformException e = assertThrows(PlatformException.class,
                        () -> runtime.execute(ApiRequest.get(server.baseUrl() + "/a")), body);
                assertTrue(e.getMessage().contains("token endpoint"), e.getMessage());
            }
        }
    }

    @Test
    void concurrentCallersShareASingleTokenRequest() throws Exception {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withFixedDelay(300)
                .withBody(tokenJson("tok-C", 3600))));
        server.stubFor(get(urlPathEqualTo("/api")).withHeader("Authorization", equalTo("Bearer tok-C"))
                .willReturn(aResponse().withBody("ok")));
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (HttpRuntime runtime = runtime(auth().build())) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return runtime.execute(ApiRequest.get(server.baseUrl() + "/api")).bodyAsString();
                }));
            }
            go.countDown();
            for (Future<String> f : results) {
                assertEquals("ok", f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tokenRequests(), "one refresh in flight for all callers");
        assertEquals(callers, server.findAll(getRequestedFor(urlPathEqualTo("/api"))).size());
    }

    @Test
    void concurrentCallersDuringAnEarlyRefreshKeepUsingTheValidToken() throws Exception {
        server.stubFor(post(urlPathEqualTo("/token")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("slow").willReturn(aResponse().withBody(tokenJson("old", 600))));
        server.stubFor(post(urlPathEqualTo("/token")).inScenario("t").whenScenarioStateIs("slow")
                .willReturn(aResponse().withFixedDelay(500).withBody(tokenJson("new", 600))));
        server.stubFor(get(urlPathEqualTo("/api")).willReturn(aResponse().withBody("ok")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HttpRuntime runtime = runtime(auth().refreshBefore(Duration.ofMinutes(5)).build())) {
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
            clock.advance(Duration.ofMinutes(6)); // inside the early-refresh window, token still valid
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> runtime.execute(ApiRequest.get(server.baseUrl() + "/api"))));
            }
            for (Future<?> f : results) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, tokenRequests(), "exactly one refresh");
    }

    @Test
    void secretsTokensAndCitizenIdsNeverReachTheLogs() {
        String token = "tok-VERY-SECRET-123";
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withBody(tokenJson(token, 3600))));
        server.stubFor(post(urlPathEqualTo("/citizens")).inScenario("c").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503)
                        .withBody("{\"error\":\"busy\",\"message\":\"citizen 001203004567 busy\"}")));
        server.stubFor(post(urlPathEqualTo("/citizens")).inScenario("c").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)
                        .withBody("{\"soDinhDanh\":\"001203004567\",\"cmnd\":\"123456789\",\"access_token\":\""
                                + token + "\"}")));

        EgovException failure;
        try (LogCapture logs = new LogCapture(); HttpRuntime runtime = runtime(auth().build())) {
            runtime.execute(ApiRequest.post(server.baseUrl() + "/citizens?client_secret=" + SECRET,
                    HttpBody.json("{\"soDinhDanh\":\"001203004567\",\"password\":\"" + SECRET + "\"}")));
            server.stubFor(get(urlPathEqualTo("/fail")).willReturn(aResponse().withStatus(400)
                    .withBody("{\"error\":\"bad\",\"message\":\"id 001203004567 unknown\"}")));
            failure = assertThrows(EgovException.class, () -> runtime.execute(ApiRequest.get(server.baseUrl()
                    + "/fail")));

            String all = logs.all() + "\n" + failure.getMessage() + "\n" + failure;
            assertFalse(logs.lines().isEmpty(), "DEBUG and TRACE lines were produced");
            assertTrue(all.contains("Authorization=****"), all);
            for (String forbidden : List.of(SECRET, token, "001203004567", "123456789")) {
                assertFalse(all.contains(forbidden), "log or exception leaked " + forbidden + ":\n" + all);
            }
        }
    }

    @Test
    void toStringShowsNoSecret() {
        assertFalse(auth().build().toString().contains(SECRET));
    }

    @Test
    void missingSettingsAreListedTogether() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> OAuth2ClientCredentials.builder().tokenUrl("ftp://x").build());
        assertEquals(3, e.errors().size());
    }
}
