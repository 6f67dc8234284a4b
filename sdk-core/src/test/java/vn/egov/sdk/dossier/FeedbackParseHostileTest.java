package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Hostile input to the ratings, Q&amp;A and catalogue readers: typed errors naming the field, never the value. */
class FeedbackParseHostileTest {
    private static DossierFormatException refused(Function<byte[], ?> reader, String json) {
        return assertThrows(DossierFormatException.class,
                () -> reader.apply(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"NgayTongHop\":\"13-2026\"}|RatingSummary.NgayTongHop|period.malformed",
        "{\"NgayTongHop\":\"2026-12\"}|RatingSummary.NgayTongHop|period.malformed",
        "{\"NgayTongHop\":\"0-2026\"}|RatingSummary.NgayTongHop|period.malformed",
        "{\"TongSoNguoiDanhGia\":\"-3\"}|RatingSummary.TongSoNguoiDanhGia|count.malformed",
        "{\"TongSoNguoiDanhGia\":\"99999999999999999999\"}|RatingSummary.TongSoNguoiDanhGia|count.malformed",
        "{\"TongSoNguoiDanhGia\":[]}|RatingSummary.TongSoNguoiDanhGia|field.wrongType",
        "{\"PhanTramDanhGiaRatHaiLong\":\"abc%\",\"PhanTramDanhGiaHaiLong\":\"1%\",\"PhanTramDanhGiaChuaHaiLong\":\"1%\"}|RatingSummary.PhanTramDanhGiaRatHaiLong|percent.malformed",
        "{\"PhanTramDanhGiaRatHaiLong\":\"1e400\",\"PhanTramDanhGiaHaiLong\":\"1%\",\"PhanTramDanhGiaChuaHaiLong\":\"1%\"}|RatingSummary.PhanTramDanhGiaRatHaiLong|percent.malformed",
        "{\"PhanTramDanhGiaRatHaiLong\":\"60%\"}|RatingSummary.PhanTramDanhGiaHaiLong|percent.missing",
        "{\"DanhSachNoiDungYKien\":[\"a\",{}]}|RatingSummary.DanhSachNoiDungYKien[1]|field.wrongType",
        "{\"DanhSachNoiDungYKien\":{}}|RatingSummary.DanhSachNoiDungYKien|field.wrongType",
        "{\"NgayTongHop\":\"1-2026\",|RatingSummary|json.truncated",
        "{\"Madonvi\":\"a\",\"Madonvi\":\"b\"}|RatingSummary|json.duplicateField",
        "[]|RatingSummary|json.notObject",
    })
    void brokenRatingsAreRefused(String json, String path, String rule) {
        DossierFormatException e = refused(RatingSummary::parse, json);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(path, e.path());
        assertFalse(e.getMessage().contains("abc"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"NGAYTRALOI\":\"01/12/2026\"}|QaItem.NGAYTRALOI|date.malformed",
        "{\"HOIDAPID\":{\"a\":1}}|QaItem.HOIDAPID|field.wrongType",
        "{\"NOIDUNGTRALOI\":[\"x\"]}|QaItem.NOIDUNGTRALOI|field.wrongType",
        "{\"NOIDUNG\":\"a\"} x|QaItem|json.malformed",
        "\"text\"|QaItem|json.notObject",
    })
    void brokenQuestionsAreRefused(String json, String path, String rule) {
        DossierFormatException e = refused(QaItem::parse, json);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(path, e.path());
    }

    @Test
    void hugeOrDeepInputIsRefusedBeforeItCosts() {
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals("json.tooLarge", assertThrows(DossierFormatException.class, () -> QaItem.parse(huge)).rule());
        assertEquals("json.tooLarge", assertThrows(DossierFormatException.class, () -> Procedure.parse(huge)).rule());
        String deep = "{\"CACHTHUCTHUCHIEN\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertEquals("json.tooDeep", refused(Procedure::parse, deep).rule());
        assertEquals("json.required", assertThrows(DossierFormatException.class,
                () -> RatingSummary.parse((byte[]) null)).rule());
        assertEquals("json.notObject", assertThrows(DossierFormatException.class,
                () -> QaItem.parse((com.fasterxml.jackson.databind.JsonNode) null)).rule());
        assertEquals("json.notArray", assertThrows(DossierFormatException.class,
                () -> QaItem.parseAll(null)).rule());
    }
}
