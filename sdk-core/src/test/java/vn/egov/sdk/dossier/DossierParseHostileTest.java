package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.egov.sdk.core.Fault;

class DossierParseHostileTest {
    private static DossierFormatException refused(String json) {
        return assertThrows(DossierFormatException.class,
                () -> Dossier.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"MaHoSo\":\"A\",|json.truncated",
        "{\"MaHoSo\":\"A\"|json.truncated",
        "{\"MaHoSo\" \"A\"}|json.malformed",
        "{'MaHoSo':'A'}|json.malformed",
        "{\"MaHoSo\":\"A\"} {}|json.malformed",
        "{\"MaHoSo\":\"A\",\"MaHoSo\":\"B\"}|json.duplicateField",
        "[]|json.notObject",
        "\"text\"|json.notObject",
        "null|json.notObject",
        "''|json.truncated",
    })
    void malformedOrTruncatedInputIsRefusedWithARule(String json, String rule) {
        String text = json.equals("''") ? "" : json;
        DossierFormatException e = refused(text);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals("Dossier", e.path());
        assertEquals(Fault.VERIFICATION, e.fault());
    }

    @Test
    void nullBytesAreATypedError() {
        DossierFormatException e = assertThrows(DossierFormatException.class, () -> Dossier.parse((byte[]) null));
        assertEquals("json.required", e.rule());
        assertEquals("json.notObject", assertThrows(DossierFormatException.class,
                () -> Dossier.parse((com.fasterxml.jackson.databind.JsonNode) null)).rule());
        assertEquals("json.notObject", assertThrows(DossierFormatException.class,
                () -> DossierProgress.parse(JsonNodeFactory.instance.arrayNode())).rule());
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals("json.tooLarge", assertThrows(DossierFormatException.class, () -> Dossier.parse(huge)).rule());
        String longString = "{\"GhiChu\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        assertEquals("json.tooLarge", refused(longString).rule());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"GhiChu\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        DossierFormatException e = refused(deep);
        assertEquals("json.tooDeep", e.rule());
        assertFalse(e.getMessage().contains("[[["));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"MaHoSo\":true}|Dossier.MaHoSo|field.wrongType",
        "{\"ChuHoSo\":{\"a\":1}}|Dossier.ChuHoSo|field.wrongType",
        "{\"TrangThaiHoSo\":[4]}|Dossier.TrangThaiHoSo|field.wrongType",
        "{\"DanhSachLePhi\":{}}|Dossier.DanhSachLePhi|field.wrongType",
        "{\"DanhSachLePhi\":[{},{},\"x\"]}|Dossier.DanhSachLePhi[2]|field.wrongType",
        "{\"DanhSachLePhi\":[{},{},{\"Gia\":[1]}]}|Dossier.DanhSachLePhi[2].Gia|field.wrongType",
        "{\"NgayTiepNhan\":\"2024-12-05\"}|Dossier.NgayTiepNhan|date.malformed",
        "{\"NgayTiepNhan\":\"20241332083015\"}|Dossier.NgayTiepNhan|date.malformed",
        "{\"NgayHenTra\":\"20240230083015\"}|Dossier.NgayHenTra|date.malformed",
        "{\"HoSoCoThanhPhanSoHoa\":\"yes\"}|Dossier.HoSoCoThanhPhanSoHoa|flag.malformed",
        "{\"TaiLieuNop\":[{\"IsDeleted\":\"maybe\"}]}|Dossier.TaiLieuNop[0].IsDeleted|flag.malformed",
        "{\"DanhSachHoSoBoSung\":[{\"NgayBoSung\":\"x\"}]}|Dossier.DanhSachHoSoBoSung[0].NgayBoSung|date.malformed",
    })
    void wrongTypesAndShapesNameTheField(String json, String path, String rule) {
        DossierFormatException e = refused(json);
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(rule, e.rule());
    }

    @Test
    void messagesDoNotRepeatValues() {
        DossierFormatException e = refused("{\"NgayTiepNhan\":\"001099000001-secret\"}");
        assertFalse(e.getMessage().contains("001099000001"), e.getMessage());
    }

    @Test
    void arraysOfRecordsNameTheBrokenElement() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(2, Dossier.parseAll(json.readTree("[{\"MaHoSo\":\"A\"},{\"MaHoSo\":\"B\"}]")).size());
        assertEquals(java.util.List.of(DossierSamples.progress()), DossierProgress.parseAll(
                json.createArrayNode().add(DossierSamples.progress().toWire())));
        DossierFormatException e = assertThrows(DossierFormatException.class,
                () -> Dossier.parseAll(json.readTree("[{\"MaHoSo\":\"A\"},{\"MaHoSo\":false}]")));
        assertEquals("Dossier[1].MaHoSo", e.path());
        assertEquals("json.notObject", assertThrows(DossierFormatException.class,
                () -> DossierProgress.parseAll(json.readTree("[1]"))).rule());
        assertEquals("json.notArray", assertThrows(DossierFormatException.class,
                () -> Dossier.parseAll(json.readTree("{}"))).rule());
        assertEquals("json.notArray", assertThrows(DossierFormatException.class, () -> Dossier.parseAll(null)).rule());
    }

    @Test
    void progressReadsWithTheSameRules() {
        DossierFormatException e = assertThrows(DossierFormatException.class, () -> DossierProgress.parse(
                "{\"MaHoSo\":\"A\",\"ThoiDiemXuLy\":\"soon\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("DossierProgress.ThoiDiemXuLy", e.path());
        assertEquals("date.malformed", e.rule());
    }
}
