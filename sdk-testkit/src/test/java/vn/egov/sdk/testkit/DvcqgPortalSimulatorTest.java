package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /dvcqg/ adapter simulator on the wire: sessions, dossier sync, progress, status, lookup, quirks. */
class DvcqgPortalSimulatorTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();
    private final DvcqgPortalClient client = new DvcqgPortalClient(portal);

    @Test
    void loginIssuesASessionOnlyForTheRightCredentialsAndDstcode() {
        JsonNode ok = client.login(DvcqgPortalSandbox.USERNAME, DvcqgPortalSandbox.PASSWORD,
                DvcqgPortalSandbox.DSTCODE);
        assertTrue(ok.get("error_code").isInt(), ok.toString());
        assertEquals(0, ok.get("error_code").asInt());
        assertFalse(ok.get("session").asText().isBlank());

        JsonNode wrongPassword = client.login(DvcqgPortalSandbox.USERNAME, "nope", DvcqgPortalSandbox.DSTCODE);
        assertEquals("-2", wrongPassword.get("error_code").asText());
        assertFalse(wrongPassword.has("session"));
        JsonNode noDstcode = client.login(DvcqgPortalSandbox.USERNAME, DvcqgPortalSandbox.PASSWORD, null);
        assertEquals("-2", noDstcode.get("error_code").asText());
        assertTrue(noDstcode.get("message").asText().contains("dstcode"));
        assertEquals(1, portal.sessionsIssued());
    }

    @Test
    void aSecondCreateIsRefusedAsAlreadyExistingAndTheUpdateReplacesTheRecord() {
        JsonNode created = client.pushDossiers(false, DvcqgPortalClient.dossier("H99.01-261207-00001", "Trần Thị B",
                "2"));
        assertEquals("0", created.get("error_code").textValue(), created.toString());

        JsonNode again = client.pushDossiers(false, DvcqgPortalClient.dossier("H99.01-261207-00001", "Trần Thị B",
                "4"));
        assertEquals("-3", again.get("error_code").textValue());
        assertTrue(again.get("message").asText().contains("đã tồn tại"), again.toString());
        assertEquals("2", portal.dossier("H99.01-261207-00001").orElseThrow().status());

        JsonNode updated = client.pushDossiers(true, DvcqgPortalClient.dossier("H99.01-261207-00001", "Trần Thị B",
                "4"));
        assertEquals("0", updated.get("error_code").textValue());
        DvcqgPortalSandbox.HeldDossier held = portal.dossiers().get(0);
        assertEquals("4", held.status());
        assertEquals(1, held.updates());
        assertTrue(held.json().contains("Trần Thị B"));

        JsonNode unknownUpdate = client.pushDossiers(true, DvcqgPortalClient.dossier("H99.01-261207-09999", "X",
                "4"));
        assertEquals("-4", unknownUpdate.get("error_code").textValue());
        assertEquals(1, portal.dossiers().size());
    }

    @Test
    void aBatchWithOneExistingDossierStoresNothing() {
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-1", "A", "2"));
        JsonNode reply = client.pushDossiers(false, DvcqgPortalClient.dossier("H99-2", "B", "2"),
                DvcqgPortalClient.dossier("H99-1", "A", "2"));
        assertEquals("-3", reply.get("error_code").asText());
        assertEquals(List.of("H99-1"), portal.dossiers().stream().map(DvcqgPortalSandbox.HeldDossier::maHoSo)
                .toList());
    }

    @Test
    void theSameDossierTwiceInOneBatchIsRefusedAndTheControlApiShowsWhatIsHeld() {
        JsonNode twice = client.pushDossiers(false, DvcqgPortalClient.dossier("H99-5", "A", "2"),
                DvcqgPortalClient.dossier("H99-5", "A", "4"));
        assertEquals("-1", twice.get("error_code").asText());
        assertTrue(twice.get("message").asText().contains("trùng"), twice.toString());
        assertEquals(List.of(), portal.dossiers());

        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-6", "A", "2"));
        HttpResponse<String> state = SandboxHttp.send(SandboxHttp.newClient(), HttpRequest
                .newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/state")).GET().build());
        JsonNode dvcqg = DvcqgPortalClient.parse(state.body()).get("dvcqg");
        assertEquals("H99-6", dvcqg.at("/dossiers/0/MaHoSo").asText(), state.body());
        assertEquals("2", dvcqg.at("/dossiers/0/TrangThaiHoSo").asText());
        assertEquals(1, dvcqg.get("sessionsIssued").asInt());
    }

    @Test
    void progressRowsAreAppendedToTheHistoryInOrderAndAnUnknownDossierRefusesTheBatch() {
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-10", "A", "2"));
        for (String[] batch : new String[][] {{"Tiếp nhận hồ sơ", "2"}, {"Chuyển phòng chuyên môn", "4"}}) {
            ObjectNode call = client.envelope("CapNhatTienDoHoSoMC");
            call.withArray("data").add(DvcqgPortalClient.progressRow("H99-10", batch[0], batch[1]));
            assertEquals("0", client.integration(call).get("error_code").textValue());
        }
        ObjectNode bad = client.envelope("CapNhatTienDoHoSoMC");
        bad.withArray("data").add(DvcqgPortalClient.progressRow("H99-10", "Không được lưu", "4"))
                .add(DvcqgPortalClient.progressRow("H99-404", "Không có hồ sơ", "4"));
        assertEquals("-4", client.integration(bad).get("error_code").textValue());

        List<DvcqgPortalSandbox.ProgressRow> history = portal.history("H99-10");
        assertEquals(List.of("Tiếp nhận hồ sơ", "Chuyển phòng chuyên môn"),
                history.stream().map(DvcqgPortalSandbox.ProgressRow::noiDungXuLy).toList());
        assertEquals("Nguyễn Văn A", history.get(0).nguoiXuLy());
        assertEquals(List.of(), portal.history("H99-404"));
    }

    @Test
    void aStatusChangeIsMergedAndTheLookupAnswersTheRecordWithItsProgress() {
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-20", "A", "2"));
        ObjectNode progress = client.envelope("CapNhatTienDoHoSoMC");
        progress.withArray("data").add(DvcqgPortalClient.progressRow("H99-20", "Đang thẩm định", "4"));
        client.integration(progress);
        ObjectNode status = client.envelope("DongBoTrangThaiHoSo").put("type", "2");
        status.withArray("data").addObject().put("MaHoSo", "H99-20").put("TrangThaiHoSo", "10")
                .put("NgayTra", "20261210160000");
        assertEquals("0", client.integration(status).get("error_code").textValue());

        JsonNode found = client.integration(client.envelope("TraCuuHoSo").put("MaHoSo", "H99-20"));
        assertEquals("00", found.get("error_code").textValue());
        assertEquals("10", found.at("/result/TrangThaiHoSo").asText());
        assertEquals("20261210160000", found.at("/result/NgayTra").asText());
        assertEquals("Đang thẩm định", found.at("/result/DanhSachTienDo/0/NoiDungXuLy").asText());

        JsonNode missing = client.integration(client.envelope("TraCuuHoSo").put("MaHoSo", "H99-404"));
        assertEquals("-4", missing.get("error_code").asText());
        ObjectNode noStatus = client.envelope("DongBoTrangThaiHoSo");
        noStatus.withArray("data").addObject().put("MaHoSo", "H99-20");
        assertEquals("-1", client.integration(noStatus).get("error_code").asText());
    }

    @Test
    void anExpiredSessionIsRefusedUntilTheClientLogsInAgain() {
        client.login();
        assertEquals("00", client.share(client.envelope("LayDanhMucLinhVuc")).get("error_code").textValue());
        portal.expireSessions();
        JsonNode refused = client.share(client.envelope("LayDanhMucLinhVuc"));
        assertEquals("-2", refused.get("error_code").asText());
        assertTrue(refused.get("message").asText().contains("hết hạn"));

        client.login();
        assertEquals("00", client.share(client.envelope("LayDanhMucLinhVuc")).get("error_code").textValue());
        sandbox.advanceClock(Duration.ofMinutes(DvcqgPortalSandbox.SESSION_LIFETIME_MINUTES + 1));
        assertEquals("-2", client.share(client.envelope("LayDanhMucLinhVuc")).get("error_code").asText());
        assertEquals(2, portal.sessionsIssued());
    }

    @Test
    void vietnameseTextIsKeptAsSentInNfcAndNfd() {
        String nfd = Normalizer.normalize("Phạm Thị Hướng", Normalizer.Form.NFD);
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-30", nfd, "2"));
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-31", "Phạm Thị Hướng", "2"));
        JsonNode nfdBack = client.integration(client.envelope("TraCuuHoSo").put("MaHoSo", "H99-30"));
        assertEquals(nfd, nfdBack.at("/result/ChuHoSo").asText());
        JsonNode nfcBack = client.integration(client.envelope("TraCuuHoSo").put("MaHoSo", "H99-31"));
        assertEquals("Phạm Thị Hướng", nfcBack.at("/result/ChuHoSo").asText());
    }

    @Test
    void armedFaultsApplyToTheAdapterAndResetForgetsEverything() {
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-40", "A", "2"));
        sandbox.faults().on("/dvcqg/integration").times(1).status(503);
        HttpResponse<String> failed = client.post("/integration",
                client.envelope("TraCuuHoSo").put("MaHoSo", "H99-40").toString(), DvcqgPortalSandbox.DSTCODE);
        assertEquals(503, failed.statusCode());
        assertEquals("00", client.integration(client.envelope("TraCuuHoSo").put("MaHoSo", "H99-40"))
                .get("error_code").asText());

        portal.errorCodeStyle(DvcqgErrorCodeStyle.NUMBER);
        sandbox.reset();
        assertEquals(List.of(), portal.dossiers());
        assertEquals(0, portal.sessionsIssued());
        assertEquals("-2", client.integration(client.envelope("TraCuuHoSo").put("MaHoSo", "H99-40"))
                .get("error_code").asText());
        assertTrue(client.login(DvcqgPortalSandbox.USERNAME, DvcqgPortalSandbox.PASSWORD,
                DvcqgPortalSandbox.DSTCODE).get("error_code").isInt());
    }
}
