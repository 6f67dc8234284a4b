package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading a national SSO userinfo answer into a typed identity, leniently where providers differ. */
class DvcqgIdentityTest {
    /** A VNeID-federated citizen, shaped like the 2023–25 userinfo answers (values invented). */
    static final String CITIZEN = "{"
            + "\"sub\":\"079203001234\",\"LoaiTaiKhoan\":\"1\",\"SoDinhDanh\":\"079203001234\","
            + "\"SoCMND\":\"025123456\",\"MaBHXH\":\"7912345678\",\"HoChieu\":\"C1234567\",\"MaSoThue\":\"8012345678\","
            + "\"HoVaTen\":\"Nguyễn Văn An\",\"ThuDienTu\":\"an.nguyen@example.vn\",\"SoDienThoai\":\"0912345678\","
            + "\"SoDienThoaiBan\":\"02838123456\",\"GioiTinh\":1,\"DanToc\":\"Kinh\",\"TonGiao\":\"Không\","
            + "\"TinhTrangHonNhan\":2,\"NhomMau\":\"O\",\"NgayThangNamSinh\":\"19900215\","
            + "\"NoiDangKyKhaiSinh\":\"Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh\",\"QueQuan\":\"Huế\","
            + "\"ThuongTru\":\"12 Lê Lợi, Quận 1\",\"NoiOHienNay\":\"34 Hai Bà Trưng, Quận 3\",\"QuocTich\":\"VN\","
            + "\"Cha\":\"Nguyễn Văn Bình\",\"Me\":\"Trần Thị Cúc\",\"VoChong\":\"Lê Thị Dung\","
            + "\"NguoiDaiDien\":\"\",\"ChuHo\":\"Nguyễn Văn Bình\",\"TrangThai\":\"1\","
            + "\"TechID\":\"3f2a9c1d-5b6e-4f70-8a91-0c2d3e4f5a6b\",\"loAs\":\"LoA1 LoA2\","
            + "\"loginIdp\":\"BCA\",\"userProfileUri\":\"https://sso.dancuquocgia.gov.vn/profile?token=eyJhbGciOi.x.y\","
            + "\"logoutUri\":\"https://sso.dancuquocgia.gov.vn/auth/logout\",\"IAL\":2,\"extra\":{\"a\":[1,2]}}";

    static DvcqgIdentity read(String json) {
        return DvcqgIdentity.fromUserInfo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyClaimOfACitizenIsTyped() {
        DvcqgIdentity id = read(CITIZEN);
        assertEquals("079203001234", id.subject());
        assertEquals(AccountType.CITIZEN, id.accountType());
        assertEquals(Optional.of("079203001234"), id.personalIdNumber());
        assertEquals(Optional.of("025123456"), id.oldIdCardNumber());
        assertEquals(Optional.of("7912345678"), id.socialInsuranceNumber());
        assertEquals(Optional.of("C1234567"), id.passportNumber());
        assertEquals(Optional.of("8012345678"), id.taxCode());
        assertEquals(Optional.of("Nguyễn Văn An"), id.fullName());
        assertEquals(Optional.of("an.nguyen@example.vn"), id.email());
        assertEquals(Optional.of("0912345678"), id.mobilePhone());
        assertEquals(Optional.of("02838123456"), id.landlinePhone());
        assertEquals(Optional.of("1"), id.genderCode());
        assertEquals(Optional.of("2"), id.maritalStatusCode());
        assertEquals(Optional.of(LocalDate.of(1990, 2, 15)), id.birthDate());
        assertEquals(Optional.of("1"), id.status());
        assertEquals(Optional.of("3f2a9c1d-5b6e-4f70-8a91-0c2d3e4f5a6b"), id.techId());
        assertEquals(List.of("LoA1", "LoA2"), id.assuranceLevels());
        assertEquals(OptionalInt.of(2), id.ial());
        PersonalDetails p = id.personal();
        assertEquals(Optional.of("Kinh"), p.ethnicity());
        assertEquals(Optional.of("Không"), p.religion());
        assertEquals(Optional.of("O"), p.bloodType());
        assertEquals(Optional.of("Huế"), p.hometown());
        assertEquals(Optional.of("12 Lê Lợi, Quận 1"), p.permanentAddress());
        assertEquals(Optional.of("34 Hai Bà Trưng, Quận 3"), p.currentAddress());
        assertEquals(Optional.of("VN"), p.nationality());
        assertEquals(Optional.of("Nguyễn Văn Bình"), p.father());
        assertEquals(Optional.of("Trần Thị Cúc"), p.mother());
        assertEquals(Optional.of("Lê Thị Dung"), p.spouse());
        assertEquals(Optional.empty(), p.representative(), "blank is absent");
        assertEquals(Optional.of("Nguyễn Văn Bình"), p.householdHead());
        assertTrue(p.birthRegistrationPlace().orElseThrow().startsWith("Phường Bến Nghé"));
        VneidInfo v = id.vneid().orElseThrow();
        assertEquals(Optional.of("BCA"), v.loginIdp());
        assertEquals(OptionalInt.of(2), v.ial());
        assertTrue(v.userProfileUri().orElseThrow().contains("token="));
        assertEquals(Optional.of("https://sso.dancuquocgia.gov.vn/auth/logout"), v.logoutUri());
        assertEquals(Optional.of(Map.of("a", List.of(1L, 2L))), id.claim("extra"));
        assertEquals(Optional.empty(), id.claim("nope"));
        assertEquals(Optional.empty(), id.claim(null));
        assertTrue(id.problems().isEmpty(), id.problems().toString());
    }

    @Test
    void toStringMasksIdentifiersAndLeavesOutNamesAndTokens() {
        DvcqgIdentity id = read(CITIZEN);
        String s = id.toString() + id.vneid().orElseThrow() + id.personal() + id.accountKey();
        for (String secret : List.of("079203001234", "025123456", "7912345678", "C1234567", "8012345678",
                "0912345678", "02838123456", "an.nguyen", "3f2a9c1d-5b6e-4f70-8a91-0c2d3e4f5a6b", "Nguyễn", "Lê Lợi",
                "eyJhbGciOi", "token=", "19900215")) {
            assertFalse(s.contains(secret), secret + " leaked in " + s);
        }
        assertTrue(s.contains("SoDinhDanh=*********234"), s);
        assertTrue(s.contains("sub=*********234"), "a numeric subject may be the ID number: " + s);
        assertFalse(s.contains("0792"), s);
        assertTrue(s.contains("TechID=3f2a…5a6b"), s);
        assertTrue(s.contains("a***@example.vn"), s);
        assertTrue(s.contains("IAL=2") && s.contains("loginIdp=BCA") && s.contains("accountType=CITIZEN(1)"), s);
        assertTrue(s.contains("userProfileUri=https://sso.dancuquocgia.gov.vn/…"), s);
    }

    @Test
    void codesAreReadAsTextOrNumber() {
        assertEquals(AccountType.ENTERPRISE, read("{\"sub\":\"s\",\"LoaiTaiKhoan\":2}").accountType());
        assertEquals(AccountType.ORGANISATION, read("{\"sub\":\"s\",\"LoaiTaiKhoan\":\" 03 \"}").accountType());
        assertEquals(AccountType.CITIZEN, read("{\"sub\":\"s\",\"LoaiTaiKhoan\":1.0}").accountType());
        AccountType unknown = read("{\"sub\":\"s\",\"LoaiTaiKhoan\":\"7\"}").accountType();
        assertFalse(unknown.known());
        assertEquals("7", unknown.code());
        assertEquals(Optional.of(7), unknown.number());
        assertEquals("UNKNOWN(7)", unknown.toString());
        assertEquals(AccountType.UNSPECIFIED, read("{\"sub\":\"s\"}").accountType());
        assertEquals(AccountType.UNSPECIFIED, read("{\"sub\":\"s\",\"LoaiTaiKhoan\":\"  \"}").accountType());
        DvcqgIdentity longCode = read("{\"sub\":\"s\",\"LoaiTaiKhoan\":\"" + "9".repeat(65) + "\"}");
        assertEquals(AccountType.UNSPECIFIED, longCode.accountType());
        assertEquals(1, longCode.problems().size());
        DvcqgIdentity structured = read("{\"sub\":\"s\",\"LoaiTaiKhoan\":[1]}");
        assertEquals(AccountType.UNSPECIFIED, structured.accountType());
        assertEquals(1, structured.problems().size());
        assertEquals(OptionalInt.of(2), read("{\"sub\":\"s\",\"IAL\":\"2\"}").ial());
        assertEquals(OptionalInt.of(2), read("{\"sub\":\"s\",\"IAL\":\"IAL2\"}").ial());
        assertEquals(OptionalInt.of(1), read("{\"sub\":\"s\",\"IAL\":1}").ial());
        assertEquals(Optional.of("2"), read("{\"sub\":\"s\",\"GioiTinh\":\"02\"}").genderCode());
        assertEquals(Optional.of("1"), read("{\"sub\":\"s\",\"TinhTrangHonNhan\":\"1\"}").maritalStatusCode());
        assertEquals(Optional.of("12345"), read("{\"sub\":12345}").techId().or(() -> Optional.of("12345")));
        assertEquals("12345", read("{\"sub\":12345}").subject());
    }

    @Test
    void anUnreadableIalIsAbsentAndReported() {
        DvcqgIdentity id = read("{\"sub\":\"s\",\"IAL\":\"cao\"}");
        assertEquals(OptionalInt.empty(), id.ial());
        assertEquals(Optional.empty(), id.vneid(), "no VNeID claim was readable");
        assertTrue(id.problems().get(0).startsWith("IAL:"), id.problems().toString());
        assertFalse(id.problems().get(0).contains("cao"), "a problem never repeats the value");
    }

    @Test
    void loAsMayBeTextOrAnArray() {
        assertEquals(List.of("LoA1"), read("{\"sub\":\"s\",\"loAs\":\"LoA1\"}").assuranceLevels());
        assertEquals(List.of("LoA1", "LoA2"), read("{\"sub\":\"s\",\"loAs\":\"LoA1, LoA2\"}").assuranceLevels());
        assertEquals(List.of("LoA1", "2"), read("{\"sub\":\"s\",\"loAs\":[\"LoA1\",\" \",2,null]}")
                .assuranceLevels());
        assertEquals(List.of(), read("{\"sub\":\"s\",\"loAs\":\"\"}").assuranceLevels());
        assertEquals(List.of(), read("{\"sub\":\"s\"}").assuranceLevels());
    }

    @Test
    void aBadBirthDateIsKeptAsTextAndReported() {
        for (String bad : List.of("19901345", "1990-02-15", "15/02/1990", "19900230", "abc")) {
            DvcqgIdentity id = read("{\"sub\":\"s\",\"NgayThangNamSinh\":\"" + bad + "\"}");
            assertEquals(Optional.empty(), id.birthDate(), bad);
            assertEquals(Optional.of(bad), id.birthDateText());
            assertEquals(1, id.problems().size());
            assertTrue(id.problems().get(0).startsWith("NgayThangNamSinh:"));
            assertFalse(id.toString().contains(bad));
        }
        assertEquals(Optional.of(LocalDate.of(2000, 2, 29)),
                read("{\"sub\":\"s\",\"NgayThangNamSinh\":20000229}").birthDate(), "a number is read too");
    }

    @Test
    void blankTextIsAbsentAndNullIsDropped() {
        DvcqgIdentity id = read("{\"sub\":\"s\",\"SoDinhDanh\":\"  \",\"TechID\":null,\"HoVaTen\":\"\","
                + "\"ThuDienTu\":{\"x\":1}}");
        assertEquals(Optional.empty(), id.personalIdNumber());
        assertEquals(Optional.empty(), id.techId());
        assertEquals(Optional.empty(), id.fullName());
        assertEquals(Optional.empty(), id.email(), "structured is not text");
        assertFalse(id.claims().containsKey("TechID"));
        assertEquals(Optional.empty(), id.vneid());
    }

    @Test
    void theAccountKeyFollowsOneOrder() {
        assertEquals(AccountKey.of(AccountKey.Kind.TECH_ID, "T-1"),
                read("{\"sub\":\"s\",\"LoaiTaiKhoan\":1,\"TechID\":\"T-1\",\"SoDinhDanh\":\"079203001234\"}")
                        .accountKey());
        assertEquals(AccountKey.of(AccountKey.Kind.PERSONAL_ID, "079203001234"),
                read("{\"sub\":\"s\",\"LoaiTaiKhoan\":1,\"SoCMND\":\"025123456\",\"SoDinhDanh\":\"079203001234\"}")
                        .accountKey());
        assertEquals(AccountKey.of(AccountKey.Kind.OLD_ID_CARD, "025123456"),
                read("{\"sub\":\"s\",\"LoaiTaiKhoan\":\"1\",\"SoCMND\":\"025123456\",\"SoDinhDanh\":\"\"}")
                        .accountKey());
        assertEquals(AccountKey.of(AccountKey.Kind.TAX_CODE, "0101234567"),
                read("{\"sub\":\"s\",\"LoaiTaiKhoan\":2,\"MaSoThue\":\"0101234567\",\"MaSoDoanhNghiep\":\"X\"}")
                        .accountKey());
        AccountKey enterprise = read("{\"sub\":\"s\",\"LoaiTaiKhoan\":2,\"MaSoDoanhNghiep\":\"0101234567\"}")
                .accountKey();
        assertEquals(AccountKey.Kind.ENTERPRISE_CODE, enterprise.kind());
        assertEquals("MaSoDoanhNghiep:0101234567", enterprise.qualified());
        assertEquals(AccountKey.of(AccountKey.Kind.TECH_ID, "ORG-9"),
                read("{\"sub\":\"s\",\"LoaiTaiKhoan\":3,\"TechID\":\"ORG-9\",\"MaSoThue\":\"0101234567\"}")
                        .accountKey());
    }

    @Test
    void noAccountKeyIsATypedErrorNamingWhatIsMissing() {
        UserInfoFormatException citizen = assertThrows(UserInfoFormatException.class,
                () -> read("{\"sub\":\"s\",\"LoaiTaiKhoan\":1}").accountKey());
        assertEquals("accountKey.missing", citizen.rule());
        assertTrue(citizen.getMessage().contains("SoDinhDanh") && citizen.getMessage().contains("SoCMND")
                && citizen.getMessage().contains("TechID"), citizen.getMessage());
        UserInfoFormatException enterprise = assertThrows(UserInfoFormatException.class,
                () -> read("{\"sub\":\"s\",\"LoaiTaiKhoan\":2}").accountKey());
        assertTrue(enterprise.getMessage().contains("MaSoThue"), enterprise.getMessage());
        UserInfoFormatException organisation = assertThrows(UserInfoFormatException.class,
                () -> read("{\"sub\":\"s\",\"LoaiTaiKhoan\":3,\"MaSoThue\":\"0101234567\"}").accountKey());
        assertTrue(organisation.getMessage().contains("TechID only"), organisation.getMessage());
        assertThrows(UserInfoFormatException.class, () -> read("{\"sub\":\"s\",\"SoDinhDanh\":\"1\"}").accountKey(),
                "without an account type only TechID counts");
    }

    @Test
    void fromClaimsTakesAnIdTokensTypes() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "s-1");
        claims.put("LoaiTaiKhoan", 1);
        claims.put("IAL", 2.0);
        claims.put("exp", new Date(1_800_000_000_000L));
        claims.put("aud", List.of("client", "other"));
        claims.put("loAs", new String[] {"LoA2"});
        claims.put("SoDinhDanh", new StringBuilder("079203001234"));
        claims.put("nothing", null);
        DvcqgIdentity id = DvcqgIdentity.fromClaims(claims);
        assertEquals(AccountType.CITIZEN, id.accountType());
        assertEquals(OptionalInt.of(2), id.ial());
        assertEquals(Optional.of(1_800_000_000L), id.claim("exp"));
        assertEquals(List.of("LoA2"), id.assuranceLevels());
        assertEquals(Optional.of("079203001234"), id.personalIdNumber());
        assertFalse(id.claims().containsKey("nothing"));
        assertEquals(id, DvcqgIdentity.fromClaims(id.claims()));
        assertThrows(UnsupportedOperationException.class, () -> id.claims().put("x", "y"));
    }

    @Test
    void fromClaimsRefusesNullNoSubjectAndCycles() {
        assertEquals("claims.required", assertThrows(UserInfoFormatException.class,
                () -> DvcqgIdentity.fromClaims(null)).rule());
        UserInfoFormatException noSub = assertThrows(UserInfoFormatException.class,
                () -> DvcqgIdentity.fromClaims(Map.of("LoaiTaiKhoan", 1)));
        assertEquals("sub", noSub.claim());
        assertEquals("claim.required", noSub.rule());
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("sub", "s");
        cyclic.put("self", cyclic);
        assertEquals("json.tooDeep", assertThrows(UserInfoFormatException.class,
                () -> DvcqgIdentity.fromClaims(cyclic)).rule());
    }

    @Test
    void aUserInfoAboutAnotherAccountThanTheIdTokenIsRefused() {
        DvcqgIdentity id = read(CITIZEN);
        assertEquals(id, id.requireSubject("079203001234"));
        UserInfoFormatException e = assertThrows(UserInfoFormatException.class, () -> id.requireSubject("other"));
        assertEquals("sub.mismatch", e.rule());
        assertFalse(e.getMessage().contains("079203001234"), e.getMessage());
        assertThrows(vn.egov.sdk.core.ValidationException.class, () -> id.requireSubject(null));
    }
}
