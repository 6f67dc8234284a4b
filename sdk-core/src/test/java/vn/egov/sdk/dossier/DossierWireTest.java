package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class DossierWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void fullDossierRoundTripsThroughBytesAndNode() throws Exception {
        Dossier d = DossierSamples.full();
        byte[] bytes = JSON.writeValueAsBytes(d.toWire());
        assertEquals(d, Dossier.parse(bytes));
        assertEquals(d, Dossier.parse(d.toWire()));
        assertEquals(d.toWire(), Dossier.parse(bytes).toWire());
    }

    @Test
    void wireUsesThePortalNamesInThePortalOrder() {
        ObjectNode wire = DossierSamples.full().toWire();
        assertEquals(List.of("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "SoBienNhan",
                "SoGiayToChuHoSo", "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong", "ThongTinKhac", "Email", "Fax",
                "SoDienThoai", "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "NgayTra", "ThongTinTra",
                "HinhThuc", "NgayKetThucXuLy", "DonViXuLy", "GhiChu", "DanhSachLePhi", "DanhSachTepDinhKemKhac",
                "DanhSachHoSoBoSung", "TaiLieuNop", "DanhSachGiayToKetQua", "NoiNopHoSo", "HoSoCoThanhPhanSoHoa",
                "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "NgayNopHoSo", "DinhDanhCHS",
                "DSKetNoiCSDL"), names(wire));
        assertEquals(List.of("TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"),
                names(wire.get("DanhSachLePhi").get(0)));
        assertEquals(List.of("TepDinhKemId", "TenTepDinhKem", "IsDeleted", "MaThanhPhanHoSo", "DuongDanTaiTepTin",
                "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG"), names(wire.get("TaiLieuNop").get(0)));
        assertEquals(List.of("LoaiDinhDanh", "SoDinhDanh"), names(wire.get("DinhDanhCHS").get(0)));
        assertEquals(List.of("MaCSDL"), names(wire.get("DSKetNoiCSDL").get(0)));
    }

    @Test
    void codesFlagsAndDatesGoAsTextInHoChiMinhTime() {
        ObjectNode wire = DossierSamples.full().toWire();
        assertEquals("10", wire.get("TrangThaiHoSo").textValue());
        assertEquals("1", wire.get("LoaiDoiTuong").textValue());
        assertEquals("1", wire.get("HinhThuc").textValue());
        assertEquals("2", wire.get("KenhThucHien").textValue());
        assertEquals("1", wire.get("HoSoCoThanhPhanSoHoa").textValue());
        assertEquals("0", wire.get("TaiKhoanDuocXacThucVoiVNeID").textValue());
        assertEquals("False", wire.get("TaiLieuNop").get(0).get("IsDeleted").textValue());
        assertEquals("20241205083015", wire.get("NgayTiepNhan").textValue());
        Dossier utc = Dossier.builder().receivedAt(Instant.parse("2024-12-05T01:30:15.987Z")).build();
        assertEquals("20241205083015", utc.toWire().get("NgayTiepNhan").textValue());
        assertEquals(Instant.parse("2024-12-05T01:30:15Z"), utc.receivedAt());
    }

    @Test
    void unsetFieldsAndEmptyListsAreLeftOut() {
        ObjectNode wire = Dossier.builder().dossierCode("X").build().toWire();
        assertEquals(List.of("MaHoSo"), names(wire));
        Dossier back = Dossier.parse(wire);
        assertEquals(List.of(), back.fees());
        assertEquals(null, back.status());
    }

    @Test
    void unknownCodesAreKeptAndNumbersReadAsCodes() throws Exception {
        Dossier d = Dossier.parse(("{\"MaHoSo\":\"A\",\"TrangThaiHoSo\":12,\"LoaiDoiTuong\":\"9\",\"HinhThuc\":0,"
                + "\"KenhThucHien\":\"\",\"DanhSachLePhi\":[{\"Gia\":75000}],\"HoSoCoThanhPhanSoHoa\":1,"
                + "\"NgayHenTra\":20241220173015,\"Extra\":{\"x\":[1]}}").getBytes(StandardCharsets.UTF_8));
        assertEquals("12", d.status().code());
        assertFalse(d.status().isKnown());
        assertEquals("TrangThaiHoSo(12)", d.status().toString());
        assertEquals(SubjectType.of("9"), d.subjectType());
        assertEquals(DeliveryMethod.OTHER, d.delivery());
        assertEquals(null, d.channel());
        assertEquals("75000", d.fees().get(0).amount());
        assertEquals(Boolean.TRUE, d.hasDigitisedComponents());
        assertEquals(DossierSamples.at(20, 17).toInstant(), d.dueAt());
        assertEquals("12", d.toWire().get("TrangThaiHoSo").textValue());
    }

    @Test
    void knownCodesCarryTheirKeys() {
        assertEquals(11, DossierStatus.known().size());
        assertEquals("done", DossierStatus.of("10").key());
        assertEquals("interoperating", DossierStatus.of(" 0 ").key());
        assertTrue(DossierStatus.of("4") == DossierStatus.PROCESSING);
        assertEquals("stateAgency", SubjectType.of("3").key());
        assertEquals(SubmissionChannel.ONLINE, SubmissionChannel.of("2"));
        assertEquals(DossierStatus.WAITING, DossierStatus.fromKey("Waiting").orElseThrow());
        assertEquals(DossierStatus.INTEROPERATING, DossierStatus.fromKey("posting").orElseThrow());
        assertTrue(DossierStatus.fromKey("archived").isEmpty());
        assertTrue(DossierStatus.fromKey(null).isEmpty());
        assertThrows(ValidationException.class, () -> DossierStatus.of(null));
        assertThrows(ValidationException.class, () -> SubjectType.of(" "));
    }

    @Test
    void vietnameseTextInNfcAndNfdIsKeptAsGiven() throws Exception {
        String nfc = Normalizer.normalize("Nguyễn Thị Hồng Nhung", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertNotEquals(nfc, nfd);
        for (String name : List.of(nfc, nfd)) {
            Dossier d = DossierSamples.full().toBuilder().holderName(name).build();
            byte[] bytes = JSON.writeValueAsBytes(d.toWire());
            assertTrue(new String(bytes, StandardCharsets.UTF_8).contains(name));
            assertEquals(name, Dossier.parse(bytes).holderName());
        }
    }

    @Test
    void progressRoundTripsInItsOrder() throws Exception {
        DossierProgress p = DossierSamples.progress();
        ObjectNode wire = p.toWire();
        assertEquals(List.of("MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy", "NoiDungXuLy",
                "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh"), names(wire));
        assertEquals("4", wire.get("TrangThai").textValue());
        assertEquals(p, DossierProgress.parse(JSON.writeValueAsBytes(wire)));
        assertEquals(p, p.toBuilder().build());
    }

    @Test
    void valuesAreImmutableAndToStringHidesPersonalData() {
        Dossier d = DossierSamples.full();
        List<Fee> fees = new ArrayList<>(d.fees());
        Dossier copy = d.toBuilder().fees(fees).build();
        fees.clear();
        assertEquals(1, copy.fees().size());
        assertThrows(UnsupportedOperationException.class, () -> copy.fees().clear());
        ObjectNode wire = d.toWire();
        wire.put("MaHoSo", "changed");
        assertEquals("000.00.12.H56-241205-00001", d.dossierCode());
        assertFalse(d.toString().contains("Nguyễn"));
        assertFalse(d.toString().contains("001099000001"));
        assertFalse(DossierSamples.progress().toString().contains("Trần"));
        List<Fee> withNull = new ArrayList<>();
        withNull.add(null);
        ValidationException e = assertThrows(ValidationException.class,
                () -> Dossier.builder().fees(withNull).build());
        assertEquals("Dossier.DanhSachLePhi[0]", e.errors().get(0).path());
    }
}
