package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/** Ratings and Q&amp;A values: wire names, the shares adding to 100, validation, symmetric parse. */
class FeedbackWireTest {

    @Test
    void sharesFromCountsAddUpToAHundredWithTheRestAsNotHappy() {
        SatisfactionShares s = SatisfactionShares.ofCounts(1, 1, 1);
        assertEquals(new BigDecimal("33.33"), s.veryHappy());
        assertEquals(new BigDecimal("33.33"), s.happy());
        assertEquals(0, new BigDecimal("33.34").compareTo(s.notHappy()));
        assertEquals(0, BigDecimal.valueOf(100).compareTo(s.total()));
        assertEquals(0, SatisfactionShares.ofCounts(0, 0, 0).total().signum());
        assertEquals(0, new BigDecimal("12.5").compareTo(SatisfactionShares.of(new BigDecimal("50"),
                new BigDecimal("37.5")).notHappy()));
        assertThrows(ValidationException.class, () -> SatisfactionShares.ofCounts(-1, 0, 0));
        assertThrows(ValidationException.class, () -> SatisfactionShares.of(BigDecimal.TEN, BigDecimal.valueOf(95)));
        assertThrows(ValidationException.class, () -> SatisfactionShares.of(null, BigDecimal.ONE));
    }

    @Test
    void aRatingSummaryGoesOnTheWireWithPercentSignsAndTheMonthAsMYyyy() {
        RatingSummary r = RatingSummary.ofCounts(YearMonth.of(2026, 3), "H99.01", 60, 30, 10)
                .agencyName("Sở Tư pháp").procedureCode("1.000001.000.00.00.H99").content("Tháng 3")
                .service(SatisfactionShares.ofCounts(5, 4, 1)).comments(List.of("Nhanh", "Thân thiện")).build();
        assertEquals(List.of(), r.check());
        var wire = r.toWire();
        assertEquals("3-2026", wire.get("NgayTongHop").textValue());
        assertEquals("100", wire.get("TongSoNguoiDanhGia").textValue());
        assertEquals("60%", wire.get("PhanTramDanhGiaRatHaiLong").textValue());
        assertEquals("30%", wire.get("PhanTramDanhGiaHaiLong").textValue());
        assertEquals("10%", wire.get("PhanTramDanhGiaChuaHaiLong").textValue());
        assertEquals("50%", wire.get("PhanTramDanhGiaDichVuRatHaiLong").textValue());
        assertEquals("H99.01", wire.get("Madonvi").textValue());
        assertEquals("Thân thiện", wire.get("DanhSachNoiDungYKien").get(1).textValue());
        assertEquals(List.of("NgayTongHop", "TongSoNguoiDanhGia", "PhanTramDanhGiaRatHaiLong",
                "PhanTramDanhGiaHaiLong", "PhanTramDanhGiaChuaHaiLong", "DanhSachNoiDungYKien", "MaThuTuc", "NoiDung",
                "PhanTramDanhGiaDichVuRatHaiLong", "PhanTramDanhGiaDichVuHaiLong",
                "PhanTramDanhGiaDichVuChuaHaiLong", "Madonvi", "TenDonVi"), names(wire));

        RatingSummary back = RatingSummary.parse(wire.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(r, back);
        assertEquals(wire, back.toWire());
    }

    @Test
    void sharesAreReadWithOrWithoutPercentSignsAndAsNumbers() {
        RatingSummary r = RatingSummary.parse(("{\"NgayTongHop\":\"12-2026\",\"TongSoNguoiDanhGia\":7,"
                + "\"PhanTramDanhGiaRatHaiLong\":\"62.5 %\",\"PhanTramDanhGiaHaiLong\":25,"
                + "\"PhanTramDanhGiaChuaHaiLong\":\"12.5\",\"Madonvi\":\"H99\",\"DanhSachNoiDungYKien\":\"Tốt\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(YearMonth.of(2026, 12), r.period());
        assertEquals(7L, r.respondents());
        assertEquals(new BigDecimal("62.5"), r.overall().veryHappy());
        assertEquals(List.of("Tốt"), r.comments());
        assertEquals(List.of(), r.check());
    }

    @Test
    void aBrokenSummaryNamesEveryRule() {
        RatingSummary r = RatingSummary.builder().respondents(-1)
                .overall(new SatisfactionShares(new BigDecimal("70"), new BigDecimal("20"), new BigDecimal("20")))
                .service(new SatisfactionShares(new BigDecimal("120"), BigDecimal.ZERO, BigDecimal.ZERO)).build();
        List<String> paths = r.check().stream().map(FieldError::path).toList();
        assertEquals(List.of("RatingSummary.NgayTongHop", "RatingSummary.TongSoNguoiDanhGia",
                "RatingSummary.Madonvi", "RatingSummary.PhanTramDanhGiaChuaHaiLong",
                "RatingSummary.PhanTramDanhGiaDichVuRatHaiLong"), paths);
        ValidationException e = assertThrows(ValidationException.class, r::validated);
        assertEquals(5, e.errors().size());
        assertTrue(e.getMessage().contains("110%"), e.getMessage());
        assertThrows(ValidationException.class, () -> RatingSummary.builder().comments(
                java.util.Arrays.asList("a", null)).build());
    }

    @Test
    void aQuestionAndItsAnswerRoundTrip() {
        Instant at = Instant.parse("2026-12-01T03:15:30.900Z");
        QaAnswer answer = new QaAnswer("QG-0001", "Chuyên viên", at, "Có, trên Cổng Dịch vụ công.");
        QaItem q = QaItem.builder().id("QG-0001").fieldCode("G09-TP01").question("Xin trích lục trực tuyến được không?")
                .agencyCode("H99.01").agencyName("Sở Tư pháp").answer(answer).build();
        assertEquals(List.of(), q.check());
        var wire = q.toWire();
        assertEquals(List.of("HOIDAPID", "MaLinhVuc", "NOIDUNG", "MADONVI", "TENDONVI", "CHUCVUNGUOITRALOI",
                "NGAYTRALOI", "NOIDUNGTRALOI"), names(wire));
        assertEquals("20261201101530", wire.get("NGAYTRALOI").textValue());
        QaItem back = QaItem.parse(wire.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(q, back);
        assertEquals(at.minusMillis(900), back.answered().orElseThrow().answeredAt());
        assertEquals(List.of("HOIDAPID", "CHUCVUNGUOITRALOI", "NGAYTRALOI", "NOIDUNGTRALOI"),
                names(answer.toWire()));
        assertEquals(answer, QaAnswer.parse(answer.toWire()));

        QaItem unanswered = QaItem.parse(q.toBuilder().answer(null).build().toWire());
        assertTrue(unanswered.answered().isEmpty());
        assertFalse(unanswered.toString().contains("trích lục"));
    }

    @Test
    void aBrokenQuestionOrAnswerNamesEveryRule() {
        QaItem q = QaItem.builder().id("Q1").answer(new QaAnswer("Q2", null, null, " ")).build();
        assertEquals(List.of("QaItem.NOIDUNG", "QaItem.MADONVI", "QaItem.QaAnswer.NGAYTRALOI",
                "QaItem.QaAnswer.NOIDUNGTRALOI", "QaItem.QaAnswer.HOIDAPID"),
                q.check().stream().map(FieldError::path).toList());
        assertThrows(ValidationException.class, q::validated);
    }

    private static List<String> names(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
