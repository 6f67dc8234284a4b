package vn.egov.sdk.dossier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
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
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.testsupport.LogCapture;

/** The adapter session against WireMock: one login for many calls, expiry, an invalid session, concurrency. */
class DvcqgAdapterSessionTest {
    static final String PASSWORD = "Mk-dvcqg-7731!";
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    private ManualClock clock;
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        logs = new LogCapture();
    }

    @AfterEach
    void noPasswordInLogs() {
        logs.close();
        assertFalse(logs.all().contains(PASSWORD), "a log line leaked the password:\n" + logs.all());
    }

    static DvcqgAdapterClient client(WireMockExtension wm, ManualClock clock) {
        return client(wm, clock, Duration.ofSeconds(10));
    }

    static DvcqgAdapterClient client(WireMockExtension wm, ManualClock clock, Duration readTimeout) {
        return DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(wm.baseUrl() + "/dvcqg").clock(clock)
                        .sleeper(clock.sleeper()).readTimeout(readTimeout).build())
                .account("motcua-h56", Secret.of(PASSWORD)).madonvi("H56").dstcode("DST-H56").build();
    }

    static void login(WireMockExtension wm, String session) {
        wm.stubFor(post(urlPathEqualTo("/dvcqg/auth"))
                .willReturn(okJson("{\"error_code\":0,\"session\":\"" + session + "\"}")));
    }

    static void service(WireMockExtension wm, String body) {
        wm.stubFor(post(urlPathEqualTo("/dvcqg/integration")).willReturn(okJson(body)));
        wm.stubFor(post(urlPathEqualTo("/dvcqg/share")).willReturn(okJson(body)));
    }

    @Test
    void oneLoginServesManyCallsWithTheEnvelopeAndHeaders() {
        login(server, "S1");
        service(server, "{\"error_code\":\"00\",\"message\":\"Thành công\",\"result\":[]}");
        try (DvcqgAdapterClient c = client(server, clock)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(c.pushProgress(List.of(row("H56-260101-0000" + i))).success());
            }
            assertTrue(c.procedures().isArray());
            assertFalse(c.toString().contains(PASSWORD));
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/auth"))
                .withHeader("dstcode", equalTo("DST-H56")).withHeader("Charset", equalTo("utf-8"))
                .withRequestBody(equalToJson("{\"username\":\"motcua-h56\",\"password\":\"" + PASSWORD + "\"}")));
        server.verify(5, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withHeader("dstcode", equalTo("DST-H56")).withHeader("Charset", equalTo("utf-8"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.session", equalTo("S1")))
                .withRequestBody(matchingJsonPath("$.madonvi", equalTo("H56")))
                .withRequestBody(matchingJsonPath("$.service", equalTo("CapNhatTienDoHoSoMC")))
                .withRequestBody(matchingJsonPath("$.data[0].MaHoSo")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/share"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("LayDanhSachTTHC"))));
    }

    @Test
    void anExpiredSessionIsRenewedBeforeTheNextCall() {
        loginSequence();
        service(server, "{\"error_code\":0}");
        try (DvcqgAdapterClient c = client(server, clock)) {
            c.pushProgress(List.of(row("H56-1")));
            clock.advance(Duration.ofMinutes(31));
            c.pushProgress(List.of(row("H56-2")));
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.session", equalTo("S2"))));
    }

    @Test
    void aSessionCalledInvalidIsRenewedAndASafeCallRepeatedOnce() {
        loginSequence();
        rejectS1();
        try (DvcqgAdapterClient c = client(server, clock)) {
            AdapterReply reply = c.pushDossiers(List.of(row("H56-1")), true);
            assertTrue(reply.success(), reply.toString());
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/integration")));
    }

    @Test
    void theSandboxsMinusTwoAlsoMeansAnInvalidSession() {
        loginSequence();
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration")).withRequestBody(matchingJsonPath("$.session",
                equalTo("S1"))).willReturn(okJson("{\"error_code\":\"-2\",\"message\":\"Phiên làm việc hết hạn\"}")));
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration")).withRequestBody(matchingJsonPath("$.session",
                equalTo("S2"))).willReturn(okJson("{\"error_code\":\"0\",\"result\":{\"MaHoSo\":\"H56-1\"}}")));
        try (DvcqgAdapterClient c = client(server, clock)) {
            assertEquals("H56-1", c.lookupDossier("H56-1").path("MaHoSo").asText());
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
    }

    @Test
    void anUnsafeCallIsNotRepeatedAfterAnInvalidSessionButTheNextCallLogsInAgain() {
        loginSequence();
        rejectS1();
        try (DvcqgAdapterClient c = client(server, clock)) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushDossiers(List.of(row("H56-1")), false));
            assertEquals(Fault.PLATFORM, e.fault());
            assertTrue(e.retryable());
            assertEquals("401", e.platformErrorCode().orElseThrow());
            assertFalse(e.getMessage().contains("S1"), e.getMessage());
            server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration")));
            assertTrue(c.pushDossiers(List.of(row("H56-1")), false).success());
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.session", equalTo("S2"))));
    }

    @Test
    void anHttp401AlsoRenewsTheSession() {
        loginSequence();
        server.stubFor(post(urlPathEqualTo("/dvcqg/share")).withRequestBody(matchingJsonPath("$.session",
                equalTo("S1"))).willReturn(aResponse().withStatus(401)));
        server.stubFor(post(urlPathEqualTo("/dvcqg/share")).withRequestBody(matchingJsonPath("$.session",
                equalTo("S2"))).willReturn(okJson("{\"error_code\":\"0\",\"result\":{\"MATTHC\":\"2.002492\"}}")));
        try (DvcqgAdapterClient c = client(server, clock)) {
            assertEquals("2.002492", c.procedure("2.002492").path("MATTHC").asText());
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
    }

    @Test
    void concurrentFirstCallsShareOneLogin() throws Exception {
        server.stubFor(post(urlPathEqualTo("/dvcqg/auth")).willReturn(okJson("{\"error_code\":\"0\","
                + "\"session\":\"S1\"}").withFixedDelay(300)));
        service(server, "{\"error_code\":0}");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DvcqgAdapterClient c = client(server, clock)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AdapterReply>> replies = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String code = "H56-" + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return c.pushProgress(List.of(row(code)));
                }));
            }
            start.countDown();
            for (Future<AdapterReply> f : replies) {
                assertTrue(f.get(10, TimeUnit.SECONDS).success());
            }
        } finally {
            pool.shutdownNow();
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
        server.verify(threads, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.session", equalTo("S1"))));
    }

    @Test
    void aRefusedLoginIsTheCallersFaultAndNeverShowsThePassword() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/auth")).willReturn(okJson(
                "{\"error_code\":\"-1\",\"message\":\"Sai tên đăng nhập hoặc mật khẩu\"}")));
        try (DvcqgAdapterClient c = client(server, clock)) {
            AdapterException e = assertThrows(AdapterException.class, () -> c.pushProgress(List.of(row("H56-1"))));
            assertEquals(Fault.CALLER, e.fault());
            assertEquals("login", e.service());
            assertEquals("-1", e.platformErrorCode().orElseThrow());
            assertTrue(e.getMessage().contains("Sai tên đăng nhập"), e.getMessage());
            assertFalse(e.toString().contains(PASSWORD));
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/dvcqg/integration")));
    }

    @Test
    void aLoginWithoutASessionIsThePlatformsFault() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/auth")).willReturn(okJson("{\"error_code\":0}")));
        try (DvcqgAdapterClient c = client(server, clock)) {
            AdapterException e = assertThrows(AdapterException.class, () -> c.procedures());
            assertEquals(Fault.PLATFORM, e.fault());
        }
    }

    private static void loginSequence() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/auth")).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"error_code\":\"00\",\"session\":\"S1\"}")).willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo("/dvcqg/auth")).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson("{\"error_code\":\"00\",\"session\":\"S2\"}")).willSetStateTo("third"));
    }

    private static void rejectS1() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration")).withRequestBody(matchingJsonPath("$.session",
                equalTo("S1"))).willReturn(okJson("{\"error_code\":\"401\",\"message\":\"Session không hợp lệ\"}")));
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration")).withRequestBody(matchingJsonPath("$.session",
                equalTo("S2"))).willReturn(okJson("{\"error_code\":0,\"message\":\"Thành công\"}")));
    }

    static ObjectNode row(String maHoSo) {
        return Json.mapper().createObjectNode().put("MaHoSo", maHoSo).put("TrangThai", "4");
    }
}
