package vn.egov.sdk.dossier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.internal.Json;

/** The provincial sync endpoints against WireMock: each URL, array bodies, replies, auth, the Hà Giang form. */
class DvcqgSyncEndpointsClientTest {
    private static final String TOKEN = "tinh-token-5521";
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    private ManualClock clock;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
    }

    private ClientSettings settings(Duration readTimeout) {
        return ClientSettings.builder().clock(clock).sleeper(clock.sleeper()).readTimeout(readTimeout).build();
    }

    private DvcqgSyncEndpointsClientBuilder threeUrls() {
        String base = server.baseUrl() + "/tinh";
        return DvcqgSyncEndpointsClient.builder().settings(settings(Duration.ofSeconds(10)))
                .createUrl(base + "/them-moi").updateUrl(base + "/cap-nhat").progressUrl(base + "/tien-trinh");
    }

    private DvcqgSyncEndpointsClient client() {
        return threeUrls().bearerToken(Secret.of(TOKEN)).build();
    }

    private static void answer(String path, String body) {
        server.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(body)));
    }

    private static ObjectNode record(String maHoSo) {
        return Json.mapper().createObjectNode().put("MaHoSo", maHoSo).put("TrangThaiHoSo", "2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0\"", "\"00\""})
    void aCreateIsAnArrayOnTheCreateUrlAndEverySuccessFormIsSuccess(String code) {
        answer("/tinh/them-moi", "{\"error_code\":" + code + ",\"message\":\"Thêm mới thành công\"}");
        try (DvcqgSyncEndpointsClient c = client()) {
            AdapterReply reply = c.pushDossiers(List.of(record("H56-1"), record("H56-2")), false);
            assertTrue(reply.success(), reply.toString());
            assertEquals("DongBoHoSoMC", reply.service());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/them-moi"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("dstcode", absent())
                .withRequestBody(equalToJson("[{\"MaHoSo\":\"H56-1\",\"TrangThaiHoSo\":\"2\"},"
                        + "{\"MaHoSo\":\"H56-2\",\"TrangThaiHoSo\":\"2\"}]")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/tinh/cap-nhat")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-3", "\"3\"", "\"-3\""})
    void alreadyExistsByTheCodeThenTheSameRecordGoesToTheUpdateUrl(String code) {
        answer("/tinh/them-moi", "{\"error_code\":" + code + ",\"message\":\"Hồ sơ đã tồn tại\"}");
        answer("/tinh/cap-nhat", "{\"error_code\":\"0\",\"message\":\"Cập nhật thành công\"}");
        try (DvcqgSyncEndpointsClient c = client()) {
            AdapterReply created = c.pushDossiers(List.of(record("H56-1")), false);
            assertFalse(created.success());
            assertTrue(created.alreadyExists(), created.toString());
            assertTrue(c.pushDossiers(List.of(record("H56-1")), true).success());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/cap-nhat"))
                .withRequestBody(matchingJsonPath("$[0].MaHoSo", equalTo("H56-1"))));
    }

    @Test
    void theWordsDecideNothing() {
        answer("/tinh/them-moi", "{\"error_code\":\"1\",\"message\":\"Hồ sơ đã tồn tại\"}");
        answer("/tinh/cap-nhat", "{\"error_code\":\"2\",\"message\":\"Cập nhật không thành công\"}");
        try (DvcqgSyncEndpointsClient c = client()) {
            AdapterReply created = c.pushDossiers(List.of(record("H56-1")), false);
            assertFalse(created.alreadyExists());
            assertFalse(created.success());
            AdapterReply updated = c.pushDossiers(List.of(record("H56-1")), true);
            assertFalse(updated.success(), "\"thành công\" in the message must not mean success");
            assertEquals("2", updated.errorCode());
        }
    }

    @Test
    void aReplyWithoutACodeIsThePlatformsFaultEvenIfItSaysThanhCong() {
        answer("/tinh/them-moi", "{\"message\":\"Thêm mới thành công\"}");
        try (DvcqgSyncEndpointsClient c = client()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushDossiers(List.of(record("H56-1")), false));
            assertEquals(Fault.PLATFORM, e.fault());
            assertTrue(e.getMessage().contains("provincial"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"error_code\":0}]", "<html>Bad gateway</html>", "", "{\"error_code\":[0]}",
            "{\"error_code\":0", "null"})
    void garbageIsThePlatformsFault(String body) {
        server.stubFor(post(urlPathEqualTo("/tinh/tien-trinh")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        try (DvcqgSyncEndpointsClient c = client()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushProgress(List.of(record("H56-1"))));
            assertEquals(Fault.PLATFORM, e.fault(), e.toString());
        }
    }

    @Test
    void progressIsAnArrayOnTheProgressUrlAndAtMostOneBatch() {
        answer("/tinh/tien-trinh", "{\"error_code\":\"0\",\"message\":\"Đồng bộ tiến trình thành công\"}");
        List<ObjectNode> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(Json.mapper().createObjectNode().put("MaHoSo", "H56-1").put("NoiDungXuLy", "Bước " + i));
        }
        try (DvcqgSyncEndpointsClient c = client()) {
            assertEquals(10, c.progressBatchSize());
            assertTrue(c.pushProgress(ten).success());
            List<ObjectNode> eleven = new ArrayList<>(ten);
            eleven.add(record("H56-1"));
            ValidationException e = assertThrows(ValidationException.class, () -> c.pushProgress(eleven));
            assertEquals("dvcqg.rows.batchSize", e.errors().get(0).code());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/tien-trinh"))
                .withRequestBody(matchingJsonPath("$[9].NoiDungXuLy", equalTo("Bước 9"))));
    }

    @Test
    void withoutAStatusUrlAStatusPushIsATypedErrorAndNothingIsSent() {
        try (DvcqgSyncEndpointsClient c = client()) {
            assertFalse(c.supportsStatus());
            AdapterException e = assertThrows(AdapterException.class, () -> c.pushStatus(List.of(record("H56-1"))));
            assertEquals(Fault.CALLER, e.fault());
            assertFalse(e.retryable());
            assertFalse(e.mayHaveReachedServer());
            assertTrue(e.getMessage().contains("no status endpoint"), e.getMessage());
        }
        answer("/tinh/trang-thai", "{\"error_code\":0}");
        try (DvcqgSyncEndpointsClient c = threeUrls().statusUrl(server.baseUrl() + "/tinh/trang-thai").build()) {
            assertTrue(c.supportsStatus());
            assertTrue(c.pushStatus(List.of(record("H56-1"))).success());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/trang-thai"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$[0].TrangThaiHoSo", equalTo("2"))));
    }

    @Test
    void aFixedHeaderCanCarryTheCredentials() {
        answer("/tinh/cap-nhat", "{\"error_code\":0}");
        try (DvcqgSyncEndpointsClient c = threeUrls().header("X-Api-Key", Secret.of("k-991")).build()) {
            assertTrue(c.pushDossiers(List.of(record("H56-1")), true).success());
            assertFalse(c.toString().contains("k-991"));
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/cap-nhat")).withHeader("X-Api-Key", equalTo("k-991"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void theHaGiangPresetSendsCreateAndUpdateToOneUrlToldApartByItsQuery() {
        answer("/hg" + DvcqgSyncEndpointsClient.HA_GIANG_PATH, "{\"error_code\":\"00\"}");
        try (DvcqgSyncEndpointsClient c = DvcqgSyncEndpointsClient.builder().settings(settings(Duration.ofSeconds(10)))
                .haGiang(server.baseUrl() + "/hg/", "000.00.00.H24").build()) {
            assertTrue(c.pushDossiers(List.of(record("H24-1")), false).success());
            assertTrue(c.pushDossiers(List.of(record("H24-1")), true).success());
            assertFalse(c.supportsProgress());
            AdapterException e = assertThrows(AdapterException.class, () -> c.pushProgress(List.of(record("H24-1"))));
            assertEquals(Fault.CALLER, e.fault());
            assertFalse(c.toString().contains("isUpdating"), c.toString());
        }
        String path = "/hg" + DvcqgSyncEndpointsClient.HA_GIANG_PATH;
        List<String> urls = server.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(r -> r.getUrl()).toList();
        assertEquals(List.of(path + "?MaDinhDanhDV=000.00.00.H24&isUpdating=False",
                path + "?MaDinhDanhDV=000.00.00.H24&isUpdating=True"), urls);
        server.verify(2, postRequestedFor(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$[0].MaHoSo", equalTo("H24-1"))));
    }

    @Test
    void anUpdateIsRepeatedAfterA5xxButACreateIsNot() {
        server.stubFor(post(urlPathEqualTo("/tinh/cap-nhat")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo("/tinh/cap-nhat")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"error_code\":\"0\"}")));
        server.stubFor(post(urlPathEqualTo("/tinh/them-moi")).willReturn(aResponse().withStatus(503)));
        try (DvcqgSyncEndpointsClient c = client()) {
            assertTrue(c.pushDossiers(List.of(record("H56-1")), true).success());
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushDossiers(List.of(record("H56-2")), false));
            assertEquals(Fault.PLATFORM, e.fault());
            assertEquals(503, e.httpStatus().orElseThrow());
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/tinh/cap-nhat")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/them-moi")));
    }

    @Test
    void anOversizedReplyIsRefused() {
        answer("/tinh/them-moi", "{\"error_code\":0,\"message\":\"" + "x".repeat(64 * 1024) + "\"}");
        try (DvcqgSyncEndpointsClient c = threeUrls().settings(ClientSettings.builder().clock(clock)
                .sleeper(clock.sleeper()).maxResponseBytes(16 * 1024).build()).build()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushDossiers(List.of(record("H56-1")), false));
            assertNotEquals(Fault.CALLER, e.fault(), e.toString());
        }
    }

    @Test
    void aTimeoutIsTheNetworksFaultAndMayHaveReachedTheProvince() {
        server.stubFor(post(urlPathEqualTo("/tinh/them-moi"))
                .willReturn(okJson("{\"error_code\":0}").withFixedDelay(3_000)));
        try (DvcqgSyncEndpointsClient c = threeUrls().settings(settings(Duration.ofSeconds(1))).build()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> c.pushDossiers(List.of(record("H56-1")), false));
            assertEquals(Fault.NETWORK, e.fault(), e.toString());
            assertTrue(e.mayHaveReachedServer());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/tinh/them-moi")));
    }

    @Test
    void theCallersMistakesAreValidationErrorsAndNothingIsSent() {
        try (DvcqgSyncEndpointsClient c = client()) {
            assertThrows(ValidationException.class, () -> c.pushDossiers(List.of(), false));
            assertThrows(ValidationException.class, () -> c.pushDossiers(null, true));
            List<ObjectNode> withNull = new ArrayList<>();
            withNull.add(null);
            assertThrows(ValidationException.class, () -> c.pushProgress(withNull));
            assertThrows(ValidationException.class, () -> c.pushStatus(List.of()));
            assertTrue(c.findDossier("H56-1").isEmpty());
            assertFalse(c.toString().contains(TOKEN));
        }
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void theBuilderNamesEveryMissingOrWrongSetting() {
        ValidationException e = assertThrows(ValidationException.class, () -> DvcqgSyncEndpointsClient.builder()
                .createUrl("not a url").statusUrl("ftp://x/y").progressBatchSize(0).build());
        String paths = e.errors().toString();
        for (String p : List.of("createUrl", "updateUrl", "progressUrl", "statusUrl", "progressBatchSize")) {
            assertTrue(paths.contains(p), p + " missing from " + paths);
        }
        ValidationException hg = assertThrows(ValidationException.class, () -> DvcqgSyncEndpointsClient.builder()
                .haGiang(null, " ").createUrl("https://x.example/a").build());
        String hgPaths = hg.errors().toString();
        for (String p : List.of("haGiang.baseUrl", "maDinhDanhDV", "DvcqgSyncEndpointsClient.haGiang")) {
            assertTrue(hgPaths.contains(p), p + " missing from " + hgPaths);
        }
        assertThrows(ValidationException.class, () -> DvcqgSyncEndpointsClient.builder().header(" ", Secret.of("x")));
        assertThrows(ValidationException.class, () -> DvcqgSyncEndpointsClient.builder().bearerToken(null));
    }
}
