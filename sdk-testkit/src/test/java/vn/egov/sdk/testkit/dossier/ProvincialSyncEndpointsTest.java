package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierValidator;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgSyncEndpointsClient;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.testkit.DvcqgErrorCodeStyle;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** The provincial sync endpoints client end to end through the sandbox's {@code /dvcqg/tinh/} routes. */
class ProvincialSyncEndpointsTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();

    @Test
    void createThenAlreadyExistsByCode3ThenUpdateThroughTheThreeUrls() throws Exception {
        String code = "H99-261201-00001";
        ObjectNode record = ProvincialSamples.record(code, DossierStatus.NEW);
        DossierValidator.defaults().validate(ProvincialSamples.dossier(code, DossierStatus.NEW));
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            AdapterReply created = province.pushDossiers(List.of(record), false);
            assertTrue(created.success(), created.toString());

            AdapterReply again = province.pushDossiers(List.of(record), false);
            assertFalse(again.success());
            assertTrue(again.alreadyExists(), again.toString());
            assertEquals("3", again.errorCode());
            assertTrue(again.message().contains("đã tồn tại"), again.message());

            ObjectNode processing = ProvincialSamples.record(code, DossierStatus.PROCESSING);
            assertTrue(province.pushDossiers(List.of(processing), true).success());
        }
        DvcqgPortalSandbox.HeldDossier held = portal.dossier(code).orElseThrow();
        assertEquals("4", held.status());
        assertEquals(1, held.updates());
        assertTrue(get(portal.pageUrl()).contains(code), "a dossier pushed to the province shows on the page");
    }

    @Test
    void anUpdateOfADossierTheProvinceDoesNotHoldIsRefusedByCode() {
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            AdapterReply reply = province.pushDossiers(List.of(ProvincialSamples.record("H99-X", DossierStatus.NEW)),
                    true);
            assertFalse(reply.success());
            assertFalse(reply.alreadyExists());
            assertEquals("-4", reply.errorCode());
            AdapterException e = assertThrows(AdapterException.class, reply::orThrow);
            assertEquals(Fault.CALLER, e.fault());
        }
        assertTrue(portal.dossiers().isEmpty());
    }

    @Test
    void progressGoesInArraysOfAtMostTheBatchSizeInOrder() {
        String code = "H99-261201-00002";
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            rows.add(ProvincialSamples.progress(code, i));
        }
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            assertTrue(province.pushDossiers(List.of(ProvincialSamples.record(code, DossierStatus.NEW)), false)
                    .success());
            assertThrows(ValidationException.class, () -> province.pushProgress(rows));
            for (int from = 0; from < rows.size(); from += province.progressBatchSize()) {
                List<ObjectNode> batch = rows.subList(from, Math.min(rows.size(), from + province.progressBatchSize()));
                assertTrue(province.pushProgress(batch).success());
            }
            AdapterReply unknown = province.pushProgress(List.of(ProvincialSamples.progress("H99-NONE", 1)));
            assertEquals("-4", unknown.errorCode());
        }
        List<DvcqgPortalSandbox.ProgressRow> history = portal.history(code);
        assertEquals(25, history.size());
        for (int i = 0; i < 25; i++) {
            assertEquals("Bước xử lý " + (i + 1), history.get(i).noiDungXuLy());
        }
    }

    @ParameterizedTest
    @EnumSource(DvcqgErrorCodeStyle.class)
    void everyErrorCodeFormIsReadTheSame(DvcqgErrorCodeStyle style) {
        portal.errorCodeStyle(style);
        ObjectNode record = ProvincialSamples.record("H99-261201-00003", DossierStatus.NEW);
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            assertTrue(province.pushDossiers(List.of(record), false).success(), style.toString());
            AdapterReply again = province.pushDossiers(List.of(record), false);
            assertTrue(again.alreadyExists(), style + ": " + again);
            assertTrue(province.pushDossiers(List.of(record), true).success(), style.toString());
            assertTrue(province.pushProgress(List.of(ProvincialSamples.progress("H99-261201-00003", 1))).success());
        }
    }

    @Test
    void aStatusGoesToTheStatusUrlWhereThereIsOneAndIsATypedErrorWhereThereIsNone() {
        String code = "H99-261201-00004";
        ObjectNode status = ProvincialSamples.record(code, DossierStatus.RELEASING);
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            assertTrue(province.pushDossiers(List.of(ProvincialSamples.record(code, DossierStatus.NEW)), false)
                    .success());
            AdapterException e = assertThrows(AdapterException.class, () -> province.pushStatus(List.of(status)));
            assertEquals(Fault.CALLER, e.fault());
        }
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal)
                .statusUrl(portal.provincialStatusUrl()).build()) {
            ObjectNode change = status.objectNode().put("MaHoSo", code).put("TrangThaiHoSo", "9");
            assertTrue(province.pushStatus(List.of(change)).success());
        }
        assertEquals("9", portal.dossier(code).orElseThrow().status());
    }

    @Test
    void theHaGiangFormSharesTheStoreWithTheAdapter() throws Exception {
        try (DvcqgSyncEndpointsClient haGiang = DvcqgSyncEndpointsClient.builder()
                .haGiang(portal.provincialUrl(), "000.00.00.H99")
                .bearerToken(Secret.of(DvcqgPortalSandbox.PROVINCIAL_TOKEN)).build();
                DvcqgAdapterClient adapter = DvcqgAdapterClient.builder()
                        .settings(ClientSettings.builder().endpoint(portal.adapterUrl()).build())
                        .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                        .madonvi(DvcqgPortalSandbox.MADONVI).dstcode(DvcqgPortalSandbox.DSTCODE).build()) {
            ObjectNode record = ProvincialSamples.record("H99-261201-00005", DossierStatus.NEW);
            assertTrue(haGiang.pushDossiers(List.of(record), false).success());
            AdapterReply viaAdapter = adapter.pushDossiers(List.of(record), false);
            assertTrue(viaAdapter.alreadyExists(), "the adapter sees what the province received");
            assertEquals("-3", viaAdapter.errorCode());
            assertTrue(haGiang.pushDossiers(List.of(record), false).alreadyExists());
            assertTrue(haGiang.pushDossiers(List.of(ProvincialSamples.record("H99-261201-00005",
                    DossierStatus.DONE)), true).success());
            assertEquals("10", adapter.lookupDossier("H99-261201-00005").path("TrangThaiHoSo").asText());
        }
        assertTrue(get(portal.pageUrl()).contains("H99-261201-00005"));
    }

    @Test
    void withoutTheTokenTheProvinceAnswers401() {
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal)
                .bearerToken(Secret.of("wrong")).build()) {
            AdapterException e = assertThrows(AdapterException.class, () -> province.pushDossiers(
                    List.of(ProvincialSamples.record("H99-1", DossierStatus.NEW)), false));
            assertEquals(401, e.httpStatus().orElseThrow());
            assertFalse(e.getMessage().contains("wrong"), e.getMessage());
        }
        assertTrue(portal.dossiers().isEmpty());
    }

    @Test
    void theRoutesRefuseWhatIsNotAnArrayAndAHaGiangCallWithoutItsQuery() throws Exception {
        assertEquals(400, post(portal.provincialCreateUrl(), "{\"MaHoSo\":\"H99-1\"}").statusCode());
        HttpResponse<String> noCode = post(portal.haGiangUrl() + "?isUpdating=False", "[{\"MaHoSo\":\"H99-1\"}]");
        assertEquals(200, noCode.statusCode());
        assertTrue(noCode.body().contains("\"-1\"") && noCode.body().contains("MaDinhDanhDV"), noCode.body());
        HttpResponse<String> badFlag = post(portal.haGiangUrl() + "?MaDinhDanhDV=H99&isUpdating=maybe",
                "[{\"MaHoSo\":\"H99-1\"}]");
        assertTrue(badFlag.body().contains("isUpdating"), badFlag.body());
        assertEquals(404, post(portal.provincialUrl() + "/khong-co", "[]").statusCode());
        assertTrue(portal.dossiers().isEmpty());
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + DvcqgPortalSandbox.PROVINCIAL_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }
}
