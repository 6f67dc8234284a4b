package vn.egov.sdk.dossier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.internal.Json;

/** The reply envelope against WireMock: every error_code form, "already exists", garbage, oversize, timeouts. */
class DvcqgAdapterReplyTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    private ManualClock clock;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        DvcqgAdapterSessionTest.login(server, "S1");
    }

    private DvcqgAdapterClient client() {
        return DvcqgAdapterSessionTest.client(server, clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0\"", "\"00\"", "0.0"})
    void everySuccessFormIsSuccess(String code) {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":" + code + ",\"message\":\"Thành công\"}");
        try (DvcqgAdapterClient c = client()) {
            AdapterReply reply = c.pushDossiers(List.of(DvcqgAdapterSessionTest.row("H56-1")), false);
            assertTrue(reply.success(), reply.toString());
            assertFalse(reply.alreadyExists());
            assertEquals("Thành công", reply.message());
            assertTrue(reply.result().isMissingNode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-3", "\"3\"", "\"-3\""})
    void alreadyExistsIsDecidedByTheCodeNotTheText(String code) {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":" + code + ",\"message\":\"Lỗi\"}");
        try (DvcqgAdapterClient c = client()) {
            AdapterReply reply = c.pushDossiers(List.of(DvcqgAdapterSessionTest.row("H56-1")), false);
            assertFalse(reply.success());
            assertTrue(reply.alreadyExists(), reply.toString());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("False")))
                .withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo("H56-1"))));
    }

    @Test
    void theWordsAloneDoNotMeanAlreadyExists() {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":\"1\",\"message\":\"Hồ sơ đã tồn tại\"}");
        try (DvcqgAdapterClient c = client()) {
            AdapterReply reply = c.pushDossiers(List.of(DvcqgAdapterSessionTest.row("H56-1")), true);
            assertFalse(reply.alreadyExists());
            assertFalse(reply.success());
            assertEquals("1", reply.errorCode());
        }
    }

    @Test
    void aRefusedReadIsTheCallersFaultWithThePortalsCode() {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":\"-9\",\"message\":\"Không tìm thấy thủ tục\"}");
        try (DvcqgAdapterClient c = client()) {
            AdapterException e = assertThrows(AdapterException.class, () -> c.procedure("9.999999"));
            assertEquals(vn.egov.sdk.core.Fault.CALLER, e.fault());
            assertEquals("-9", e.platformErrorCode().orElseThrow());
            assertEquals("LayThuTuc", e.service());
            assertEquals("-9", e.reply().orElseThrow().errorCode());
            assertTrue(e.getMessage().contains("Không tìm thấy thủ tục"), e.getMessage());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/share"))
                .withRequestBody(matchingJsonPath("$.maTTHC", equalTo("9.999999"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":\"ok\"}", "{\"error_code\":null}", "{\"error_code\":true}",
            "{\"error_code\":{\"x\":1}}", "[1,2]", "<html>Bad gateway</html>", ""})
    void garbageIsThePlatformsFault(String body) {
        DvcqgAdapterSessionTest.service(server, body);
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        try (DvcqgAdapterClient c = client()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushProgress(List.of(DvcqgAdapterSessionTest.row("H56-1"))));
            assertEquals(vn.egov.sdk.core.Fault.PLATFORM, e.fault(), e.toString());
        }
    }

    @Test
    void a5xxIsThePlatformsFaultAndAPushIsNotRepeated() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration")).willReturn(aResponse().withStatus(503)));
        try (DvcqgAdapterClient c = client()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushProgress(List.of(DvcqgAdapterSessionTest.row("H56-1"))));
            assertEquals(vn.egov.sdk.core.Fault.PLATFORM, e.fault());
            assertEquals(503, e.httpStatus().orElseThrow());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration")));
    }

    @Test
    void anOversizedReplyIsRefused() {
        String big = "{\"error_code\":0,\"result\":\"" + "x".repeat(64 * 1024) + "\"}";
        DvcqgAdapterSessionTest.service(server, big);
        try (DvcqgAdapterClient c = DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(server.baseUrl() + "/dvcqg").clock(clock)
                        .sleeper(clock.sleeper()).maxResponseBytes(16 * 1024).build())
                .account("u", Secret.of("p")).madonvi("H56").dstcode("D").build()) {
            AdapterException e = assertThrows(AdapterException.class, c::procedures);
            assertFalse(e.fault() == vn.egov.sdk.core.Fault.CALLER, e.toString());
        }
    }

    @Test
    void aTimeoutIsTheNetworksFaultAndMayHaveReachedThePortal() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/integration"))
                .willReturn(okJson("{\"error_code\":0}").withFixedDelay(3_000)));
        try (DvcqgAdapterClient c = DvcqgAdapterSessionTest.client(server, clock, Duration.ofSeconds(1))) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushDossiers(List.of(DvcqgAdapterSessionTest.row("H56-1")), false));
            assertEquals(vn.egov.sdk.core.Fault.NETWORK, e.fault(), e.toString());
            assertTrue(e.mayHaveReachedServer());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration")));
    }

    @Test
    void aResetConnectionIsTheNetworksFault() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/share"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (DvcqgAdapterClient c = DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(server.baseUrl() + "/dvcqg").clock(clock)
                        .sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none()).build())
                .account("u", Secret.of("p")).madonvi("H56").dstcode("D").build()) {
            AdapterException e = assertThrows(AdapterException.class, c::agencies);
            assertEquals(vn.egov.sdk.core.Fault.NETWORK, e.fault(), e.toString());
        }
    }

    @Test
    void aReadIsRepeatedAfterA5xx() {
        server.stubFor(post(urlPathEqualTo("/dvcqg/share")).inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo("/dvcqg/share")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"error_code\":\"00\",\"result\":[{\"MALINHVUC\":\"G03-GD10\"}]}")));
        try (DvcqgAdapterClient c = client()) {
            assertEquals("G03-GD10", c.fields().path(0).path("MALINHVUC").asText());
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/dvcqg/share")));
    }

    @Test
    void statusAndLookupCarryTheirFields() {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":0,\"result\":{\"TrangThaiHoSo\":\"4\"}}");
        try (DvcqgAdapterClient c = client()) {
            assertTrue(c.pushStatus(List.of(DvcqgAdapterSessionTest.row("H56-1"))).success());
            assertTrue(c.pushQuestions(List.of(Json.mapper().createObjectNode().put("HOIDAPID", "q1"))).success());
            assertTrue(c.pushRatings(List.of(Json.mapper().createObjectNode().put("NgayTongHop", "12-2026")))
                    .success());
            assertEquals("4", c.lookupDossier("H56-1").path("TrangThaiHoSo").asText());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("DongBoTrangThaiHoSo")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("2"))));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("DongBoHoiDap")))
                .withRequestBody(matchingJsonPath("$.data[0].HOIDAPID", equalTo("q1"))));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("DongBoDanhGia"))));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("TraCuuHoSo")))
                .withRequestBody(matchingJsonPath("$.MaHoSo", equalTo("H56-1"))));
    }

    @Test
    void theCallersMistakesAreValidationErrorsAndNothingIsSent() {
        try (DvcqgAdapterClient c = client()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.call("DongBoHoiDap", Json.mapper().createObjectNode().put("session", "mine")));
            assertTrue(e.getMessage().contains("session"), e.getMessage());
            assertThrows(ValidationException.class, () -> c.pushProgress(List.of()));
            assertThrows(ValidationException.class, () -> c.pushDossiers(null, false));
            assertThrows(ValidationException.class, () -> c.call(" ", Json.mapper().createObjectNode()));
            assertThrows(ValidationException.class, () -> c.procedure(null));
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/dvcqg/auth")));
    }

    @Test
    void theBuilderNamesEveryMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class, () -> DvcqgAdapterClient.builder()
                .authEndpoint("auth").sessionLifetime(Duration.ZERO).dstcode("a b").build());
        String paths = e.errors().toString();
        for (String p : List.of("endpoint", "authEndpoint", "username", "password", "madonvi", "dstcode",
                "sessionLifetime")) {
            assertTrue(paths.contains(p), p + " missing from " + paths);
        }
    }
}
