package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;

class DossierValidatorTest {
    private static final DossierValidator V = DossierValidator.defaults();

    private static Set<String> rules(List<FieldError> errors) {
        return errors.stream().map(e -> e.path() + "|" + e.code()).collect(Collectors.toSet());
    }

    private static Set<String> rules(Dossier d) {
        return rules(V.check(d));
    }

    @Test
    void aCompleteDossierAndProgressRowPass() {
        Dossier d = DossierSamples.full();
        assertEquals(List.of(), V.check(d));
        assertSame(d, V.validate(d));
        assertEquals(List.of(), V.check(DossierSamples.progress()));
    }

    @Test
    void anEmptyDossierNamesEveryRequiredFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> V.validate(Dossier.builder().build()));
        assertEquals(Fault.CALLER, e.fault());
        assertEquals(Set.of("Dossier.MaHoSo|required", "Dossier.MaTTHC|required", "Dossier.TenTTHC|required",
                "Dossier.MaLinhVuc|required", "Dossier.TenLinhVuc|required", "Dossier.ChuHoSo|required",
                "Dossier.TrichYeuHoSo|required", "Dossier.DonViXuLy|required", "Dossier.LoaiDoiTuong|required",
                "Dossier.NgayTiepNhan|required", "Dossier.NgayHenTra|required", "Dossier.TrangThaiHoSo|required",
                "Dossier.HinhThuc|required"), rules(e.errors()));
        assertEquals(Set.of("Dossier.ChuHoSo|blank"),
                rules(DossierSamples.full().toBuilder().holderName("  ").build()));
    }

    @Test
    void progressRequiredFieldsAndDates() {
        assertEquals(Set.of("DossierProgress.MaHoSo|required", "DossierProgress.NguoiXuLy|required",
                "DossierProgress.ThoiDiemXuLy|required", "DossierProgress.NoiDungXuLy|required",
                "DossierProgress.TrangThai|required"), rules(V.check(DossierProgress.builder().build())));
        DossierProgress bad = DossierSamples.progress().toBuilder().handler("x".repeat(51))
                .dueAt(DossierSamples.at(5, 8)).build();
        assertEquals(Set.of("DossierProgress.NguoiXuLy|length", "DossierProgress.NgayKetThucTheoQuyDinh|dateOrder"),
                rules(V.check(bad)));
        assertThrows(ValidationException.class, () -> V.validate(bad));
    }

    @Test
    void nestedRulesNameTheIndexedPath() {
        Dossier d = DossierSamples.full().toBuilder()
                .fees(List.of(new Fee("a", null, null, "1", null), new Fee("b", null, null, "2", null),
                        new Fee(null, null, null, "12.000đ", null)))
                .otherAttachments(List.of(new OtherAttachment(null, "hai", null)))
                .submittedFiles(List.of(new SubmittedFile(null, "f".repeat(4001), null, null, null, null, null,
                        null, null), new SubmittedFile(null, "", null, null, null, null, null, null, null)))
                .resultDocuments(List.of(new ResultDocument(null, "r".repeat(2001), null, null, null)))
                .holderIdentifiers(List.of(new HolderIdentifier("1", "12345"), new HolderIdentifier("2", "123456789"),
                        new HolderIdentifier("5", "1"), new HolderIdentifier(null, null)))
                .connectedDatabases(List.of(new ConnectedDatabase(" ")))
                .supplements(List.of(new Supplement(null, null, null, DossierSamples.at(9, 9).toInstant(), null,
                        null, DossierSamples.at(8, 9).toInstant(), null, null, null, null, null)))
                .build();
        assertEquals(Set.of("Dossier.DanhSachLePhi[2].TenPhiLePhi|required", "Dossier.DanhSachLePhi[2].Gia|pattern",
                "Dossier.DanhSachTepDinhKemKhac[0].TenGiayTo|required",
                "Dossier.DanhSachTepDinhKemKhac[0].SoLuong|pattern", "Dossier.TaiLieuNop[0].TenTepDinhKem|length",
                "Dossier.TaiLieuNop[1].TenTepDinhKem|blank", "Dossier.DanhSachGiayToKetQua[0].TenGiayTo|length",
                "Dossier.DinhDanhCHS[0].SoDinhDanh|pattern", "Dossier.DinhDanhCHS[2].LoaiDinhDanh|code",
                "Dossier.DinhDanhCHS[3].LoaiDinhDanh|required", "Dossier.DinhDanhCHS[3].SoDinhDanh|required",
                "Dossier.DSKetNoiCSDL[0].MaCSDL|blank",
                "Dossier.DanhSachHoSoBoSung[0].NgayTiepNhanBoSung|dateOrder"), rules(d));
    }

    @Test
    void codeShapesAreChecked() {
        Dossier d = DossierSamples.full().toBuilder().procedureCode("TTHC-1").fieldCode("G03 GD10")
                .email("an.example.vn").phone("call me").onlinePayment("2").status(DossierStatus.of("x"))
                .subjectType(SubjectType.of("1a")).channel(SubmissionChannel.of("web"))
                .delivery(DeliveryMethod.of("-1")).build();
        assertEquals(Set.of("Dossier.MaTTHC|pattern", "Dossier.MaLinhVuc|pattern", "Dossier.Email|pattern",
                "Dossier.SoDienThoai|pattern", "Dossier.DuocThanhToanTrucTuyen|pattern",
                "Dossier.TrangThaiHoSo|pattern", "Dossier.LoaiDoiTuong|pattern", "Dossier.KenhThucHien|pattern",
                "Dossier.HinhThuc|pattern"), rules(d));
        assertEquals(Set.of(), rules(DossierSamples.full().toBuilder().procedureCode("2.002492")
                .status(DossierStatus.of("11")).build()));
    }

    @Test
    void datesMustBeInOrder() {
        Dossier d = DossierSamples.full().toBuilder().submittedAt(DossierSamples.at(6, 8))
                .dueAt(DossierSamples.at(4, 8)).returnedAt(DossierSamples.at(4, 9))
                .processingEndedAt(DossierSamples.at(4, 10)).refusedAt(DossierSamples.at(3, 8)).build();
        assertEquals(Set.of("Dossier.NgayTiepNhan|dateOrder", "Dossier.NgayHenTra|dateOrder",
                "Dossier.NgayTra|dateOrder", "Dossier.NgayKetThucXuLy|dateOrder", "Dossier.NgayTuChoi|dateOrder"),
                rules(d));
    }

    @Test
    void theDossierCodeRuleIsTheProvincePrefixByDefaultAndConfigurable() {
        Dossier local = DossierSamples.full().toBuilder().dossierCode("HS-2024-0001").build();
        assertEquals(Set.of("Dossier.MaHoSo|dossierCode"), rules(local));
        Dossier otherProvince = DossierSamples.full().toBuilder().dossierCode("000.00.01.H26-241205-00001").build();
        assertEquals(Set.of(), rules(otherProvince));
        DossierValidator h56 = DossierValidator.builder()
                .dossierCodeRule(DossierCodeRule.provincePrefixed("H56")).build();
        assertEquals(Set.of("Dossier.MaHoSo|dossierCode"), rules(h56.check(otherProvince)));
        assertEquals(List.of(), h56.check(DossierSamples.full()));
        DossierValidator any = DossierValidator.builder().dossierCodeRule(DossierCodeRule.any()).build();
        assertEquals(List.of(), any.check(local));
        DossierValidator own = DossierValidator.builder()
                .dossierCodeRule(DossierCodeRule.matching(Pattern.compile("HS-\\d{4}-\\d{4}"), "HS-yyyy-nnnn"))
                .build();
        assertEquals(List.of(), own.check(local));
        FieldError error = V.check(local).get(0);
        assertTrue(error.message().contains("province"), error.message());
        assertFalse(error.message().contains("HS-2024-0001"), error.message());
        assertThrows(ValidationException.class, () -> DossierCodeRule.provincePrefixed("56"));
        assertThrows(ValidationException.class, () -> DossierCodeRule.matching(null, "x"));
    }

    @Test
    void lengthLimitsAreConfigurableAndCountNfdLikeNfc() {
        String nfc = Normalizer.normalize("Đề nghị cấp phép ", Normalizer.Form.NFC).repeat(70).substring(0, 1000);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertTrue(nfd.length() > 1000);
        assertEquals(Set.of(), rules(DossierSamples.full().toBuilder().summary(nfc).build()));
        assertEquals(Set.of(), rules(DossierSamples.full().toBuilder().summary(nfd).build()));
        assertEquals(Set.of("Dossier.TrichYeuHoSo|length"),
                rules(DossierSamples.full().toBuilder().summary(nfc + "x").build()));
        DossierValidator strict = DossierValidator.builder().maxLength("TrichYeuHoSo", 10).maxLength("ChuHoSo", 5)
                .build();
        assertEquals(Set.of("Dossier.TrichYeuHoSo|length", "Dossier.ChuHoSo|length"),
                rules(strict.check(DossierSamples.full())));
        DossierValidator loose = DossierValidator.builder().noMaxLength("TrichYeuHoSo").build();
        assertEquals(List.of(), loose.check(DossierSamples.full().toBuilder().summary(nfc + "x").build()));
        assertThrows(ValidationException.class, () -> DossierValidator.builder().maxLength("Gia", 0));
        assertThrows(ValidationException.class, () -> DossierValidator.builder().maxLength(" ", 3));
        assertThrows(ValidationException.class, () -> DossierValidator.builder().dossierCodeRule(null));
    }

    @Test
    void nullInputIsATypedError() {
        assertThrows(ValidationException.class, () -> V.check((Dossier) null));
        assertThrows(ValidationException.class, () -> V.validate((DossierProgress) null));
    }

    @Test
    void aParsedDossierIsCheckedLikeABuiltOne() {
        Dossier parsed = Dossier.parse(DossierSamples.full().toBuilder().email("bad").build().toWire());
        assertEquals(Set.of("Dossier.Email|pattern"), rules(parsed));
    }
}
