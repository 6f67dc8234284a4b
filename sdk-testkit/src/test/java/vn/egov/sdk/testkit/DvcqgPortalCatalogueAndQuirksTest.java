package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;

/** The /dvcqg/ adapter's catalogue, ratings, Q&A, error_code forms, HTML page and answers to bad input. */
class DvcqgPortalCatalogueAndQuirksTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();
    private final DvcqgPortalClient client = new DvcqgPortalClient(portal);

    @Test
    void theCatalogueIsSeededAndServedOnTheShareEndpoint() {
        JsonNode list = client.share(client.envelope("LayDanhSachTTHC"));
        assertEquals("00", list.get("error_code").textValue());
        assertEquals(3, list.get("result").size());
        String code = list.at("/result/0/MATTHC").asText();
        JsonNode one = client.share(client.envelope("LayThuTuc").put("maTTHC", code));
        assertEquals(code, one.at("/result/MATTHC").asText());
        assertFalse(one.at("/result/TRINHTUTHUCHIEN/0/TRINHTU/0/TENTRINHTU").asText().isBlank());
        assertFalse(one.at("/result/CACHTHUCTHUCHIEN/0/THOIGIAN/0/PHILEPHI").isEmpty());
        assertEquals("-4", client.share(client.envelope("LayThuTuc").put("maTTHC", "0.000000")).get("error_code")
                .asText());
        assertEquals(3, client.share(client.envelope("LayDVC")).get("result").size());
        assertEquals(3, client.share(client.envelope("LayDanhMucCoQuan")).get("result").size());
        assertEquals("G09-TP01", client.integration(client.envelope("LayDanhMucLinhVuc"))
                .at("/result/0/MALINHVUC").asText());

        JsonNode notShared = client.share(client.envelope("DongBoHoSoMC").put("isUpdating", "False"));
        assertEquals("-1", notShared.get("error_code").asText());
    }

    @Test
    void eachServiceAnswersItsOwnErrorCodeFormUnlessOverridden() {
        client.login();
        ObjectNode rating = client.envelope("DongBoDanhGia");
        rating.withArray("data").addObject().put("NgayTongHop", "12-2026").put("TongSoNguoiDanhGia", "10")
                .put("PhanTramDanhGiaRatHaiLong", "60%").put("PhanTramDanhGiaHaiLong", "30%")
                .put("PhanTramDanhGiaChuaHaiLong", "10%").put("Madonvi", DvcqgPortalSandbox.MADONVI);
        JsonNode ratingReply = client.integration(rating);
        assertTrue(ratingReply.get("error_code").isInt(), ratingReply.toString());
        assertEquals(1, portal.ratings().size());
        assertTrue(portal.ratings().get(0).contains("60%"));
        assertEquals("0", client.pushDossiers(false, DvcqgPortalClient.dossier("H99-1", "A", "2"))
                .get("error_code").textValue());
        assertEquals("00", client.share(client.envelope("LayDVC")).get("error_code").textValue());

        portal.errorCodeStyle(DvcqgErrorCodeStyle.STRING_00);
        assertEquals("00", client.integration(rating).get("error_code").textValue());
        portal.errorCodeStyle(DvcqgErrorCodeStyle.STRING);
        assertEquals("0", client.share(client.envelope("LayDVC")).get("error_code").textValue());
        portal.errorCodeStyle(DvcqgErrorCodeStyle.NUMBER);
        JsonNode exists = client.pushDossiers(false, DvcqgPortalClient.dossier("H99-1", "A", "2"));
        assertTrue(exists.get("error_code").isInt());
        assertEquals(-3, exists.get("error_code").intValue());
        assertTrue(exists.get("message").asText().contains("đã tồn tại"));
        assertThrows(ValidationException.class, () -> portal.errorCodeStyle(null));
    }

    @Test
    void questionsFlowBothWays() {
        JsonNode fromPortal = client.integration(client.envelope("LayDanhSachHoiDapGuiTuDVCQG"));
        assertEquals(2, fromPortal.get("result").size());
        String id = fromPortal.at("/result/0/HOIDAPID").asText();
        ObjectNode answer = client.envelope("DongBoKetQuaHoiDapGuiTuDVCQG");
        answer.withArray("data").addObject().put("HOIDAPID", id).put("CHUCVUNGUOITRALOI", "Chuyên viên")
                .put("NGAYTRALOI", "20261207100000").put("NOIDUNGTRALOI", "Có, nộp trên Cổng DVCQG.");
        assertEquals(0, client.integration(answer).get("error_code").intValue());
        JsonNode read = client.integration(client.envelope("LayNoiDungTraLoiTheoCauHoi").put("HOIDAPID", id));
        assertEquals("Có, nộp trên Cổng DVCQG.", read.at("/result/NOIDUNGTRALOI").asText());

        ObjectNode ask = client.envelope("DongBoHoiDap");
        ask.withArray("data").addObject().put("HOIDAPID", "CQ-1").put("MaLinhVuc", "G15-XD02")
                .put("NOIDUNG", "Hỏi về giấy phép").put("MADONVI", "H99.02").put("TENDONVI", "Sở Xây dựng");
        assertEquals(0, client.integration(ask).get("error_code").intValue());
        JsonNode ours = client.integration(client.envelope("LayDanhSachHoiDapBoCoQuan"));
        assertEquals("CQ-1", ours.at("/result/0/HOIDAPID").asText());
        ObjectNode unknown = client.envelope("DongBoKetQuaHoiDapGuiTuDVCQG");
        unknown.withArray("data").addObject().put("HOIDAPID", "QG-404");
        assertEquals("-4", client.integration(unknown).get("error_code").asText());
    }

    @Test
    void thePageListsTheDossiersWithStatusAndProgressEscaped() {
        client.pushDossiers(false, DvcqgPortalClient.dossier("H99-50", "<script>alert(1)</script>", "4"));
        ObjectNode progress = client.envelope("CapNhatTienDoHoSoMC");
        progress.withArray("data").add(DvcqgPortalClient.progressRow("H99-50", "Thẩm định & <b>xong</b>", "4"));
        client.integration(progress);
        HttpResponse<String> page = SandboxHttp.send(SandboxHttp.newClient(),
                HttpRequest.newBuilder(URI.create(portal.pageUrl())).GET().build());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("H99-50"));
        assertTrue(html.contains("4 - Đang xử lý"));
        assertTrue(html.contains("1 bước"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Thẩm định &amp; &lt;b&gt;xong&lt;/b&gt;"));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void badInputIsAnsweredWithTheEnvelopeAndNeverStored() {
        assertEquals(400, client.post("/integration", "not json", DvcqgPortalSandbox.DSTCODE).statusCode());
        assertEquals(400, client.post("/auth", "[1,2]", DvcqgPortalSandbox.DSTCODE).statusCode());
        HttpResponse<String> get = SandboxHttp.send(SandboxHttp.newClient(),
                HttpRequest.newBuilder(URI.create(portal.adapterUrl() + "/auth")).GET().build());
        assertEquals(405, get.statusCode());
        assertEquals(404, client.post("/nowhere", "{}", DvcqgPortalSandbox.DSTCODE).statusCode());

        assertEquals("-2", client.integration(SandboxHttp.JSON.createObjectNode().put("service", "TraCuuHoSo"))
                .get("error_code").asText());
        assertEquals("-1", client.integration(client.envelope("KhongCo")).get("error_code").asText());
        assertEquals("-1", client.integration(client.envelope("DongBoHoSoMC").put("isUpdating", "yes"))
                .get("error_code").asText());
        assertEquals("-1", client.integration(client.envelope("DongBoHoSoMC").put("isUpdating", "False"))
                .get("error_code").asText());
        ObjectNode noCode = client.envelope("DongBoHoSoMC").put("isUpdating", "False");
        noCode.withArray("data").addObject().put("ChuHoSo", "A");
        JsonNode refused = client.integration(noCode);
        assertTrue(refused.get("message").asText().contains("MaHoSo"), refused.toString());
        assertEquals("-1", client.integration(client.envelope("LayDVC").put("madonvi", " ")).get("error_code")
                .asText());
        assertEquals(0, portal.dossiers().size());

        assertThrows(ValidationException.class, () -> portal.history(null));
        assertThrows(ValidationException.class, () -> portal.dossier(" "));
    }
}
