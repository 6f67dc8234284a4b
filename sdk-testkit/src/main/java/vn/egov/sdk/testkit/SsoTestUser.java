package vn.egov.sdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;

/**
 * A person or organisation that can log in at the sandbox's national SSO ({@link SsoSandbox}): one of the fictional
 * {@linkplain #ALL test users} or a {@linkplain #custom custom} one. Its userinfo claims use the national wire names
 * ({@code LoaiTaiKhoan}, {@code HoVaTen}, {@code SoDinhDanh}, {@code TechID}…); users who logged in through VNeID also
 * carry {@code loginIdp} {@code "BCA"} and {@code IAL} (the sandbox adds {@code logoutUri} and
 * {@code userProfileUri} when it answers). Codes come as the real provider sends them: some users have
 * {@code LoaiTaiKhoan} as the string {@code "1"}, others as the number {@code 1}.
 *
 * <p>Every name and number here is made up; none belongs to a real person or company. Immutable; {@link #toString()}
 * masks the ID number.
 */
public final class SsoTestUser {

    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,14}");
    private static final Pattern TECH_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** A citizen who logged in through VNeID at identity level 2: {@code SoDinhDanh}, {@code IAL} 2, type {@code "1"}. */
    public static final SsoTestUser CITIZEN_VNEID_IAL2 = new Builder("citizen-vneid-ial2", "Công dân VNeID mức 2 / "
            + "Citizen, VNeID level 2", "sandbox-user-0001")
            .put("LoaiTaiKhoan", "1").put("HoVaTen", "Nguyễn Văn Thử").put("SoDinhDanh", "001090000001")
            .put("NgayThangNamSinh", "19900115").put("GioiTinh", 1).put("DanToc", "Kinh").put("QuocTich", "Việt Nam")
            .put("ThuDienTu", "nguyen.van.thu@example.com").put("SoDienThoai", "0900000001")
            .put("ThuongTru", "Số 1 phố Thử Nghiệm, phường Mẫu, Hà Nội")
            .put("NoiOHienNay", "Số 1 phố Thử Nghiệm, phường Mẫu, Hà Nội").put("QueQuan", "Hà Nội")
            .put("NoiDangKyKhaiSinh", "Hà Nội").put("TinhTrangHonNhan", 1).put("MaBHXH", "0190000001")
            .put("TechID", "5d0c1a2e-0001-4000-8000-000000000001")
            .put("loAs", "LoA2").put("loginIdp", "BCA").put("IAL", 2).build();
    /** A citizen who logged in through VNeID at level 1: {@code IAL} as the string {@code "1"}, type the number 1. */
    public static final SsoTestUser CITIZEN_VNEID_IAL1 = new Builder("citizen-vneid-ial1", "Công dân VNeID mức 1 / "
            + "Citizen, VNeID level 1", "sandbox-user-0002")
            .put("LoaiTaiKhoan", 1).put("HoVaTen", "Trần Thị Mẫu").put("SoDinhDanh", "079185000002")
            .put("NgayThangNamSinh", "19850302").put("GioiTinh", 2).put("QuocTich", "Việt Nam")
            .put("SoDienThoai", "0900000002").put("TechID", "5d0c1a2e-0002-4000-8000-000000000002")
            .put("loAs", "LoA1").put("loginIdp", "BCA").put("IAL", "1").build();
    /** An older citizen account (before VNeID) with only the 9-digit {@code SoCMND}. */
    public static final SsoTestUser CITIZEN_CMND_ONLY = new Builder("citizen-cmnd", "Công dân tài khoản cũ (CMND) / "
            + "Citizen, old account with CMND only", "sandbox-user-0003")
            .put("LoaiTaiKhoan", 1).put("HoVaTen", "Lê Văn Cũ").put("SoCMND", "012000003")
            .put("NgayThangNamSinh", "19700720").put("GioiTinh", 1).put("ThuDienTu", "le.van.cu@example.com")
            .put("TechID", "5d0c1a2e-0003-4000-8000-000000000003").put("loAs", "LoA1").build();
    /** An enterprise account with {@code MaSoThue} and {@code MaSoDoanhNghiep}, type the string {@code "2"}. */
    public static final SsoTestUser ENTERPRISE = new Builder("enterprise", "Doanh nghiệp / Enterprise",
            "sandbox-user-0004")
            .put("LoaiTaiKhoan", "2").put("HoVaTen", "Phạm Văn Đại Diện").put("MaSoThue", "0109990004")
            .put("MaSoDoanhNghiep", "0109990004").put("TenDoanhNghiep", "Công ty TNHH Thử Nghiệm Số Một")
            .put("DiaChi", "Số 4 đường Mẫu, quận Thử, Hà Nội").put("NguoiDaiDien", "Phạm Văn Đại Diện")
            .put("ThuDienTu", "lienhe@example.com").put("TechID", "5d0c1a2e-0004-4000-8000-000000000004")
            .put("loAs", "LoA1").build();
    /** An organisation account (type 3), known only by its {@code TechID}. */
    public static final SsoTestUser ORGANISATION = new Builder("organisation", "Tổ chức / Organisation",
            "sandbox-user-0005")
            .put("LoaiTaiKhoan", 3).put("HoVaTen", "Hội Thử Nghiệm Phần Mềm")
            .put("TechID", "5d0c1a2e-0005-4000-8000-000000000005").put("loAs", "LoA1").build();

    /** Every predefined test user, in the order of the login page's buttons. */
    public static final List<SsoTestUser> ALL = List.of(CITIZEN_VNEID_IAL2, CITIZEN_VNEID_IAL1, CITIZEN_CMND_ONLY,
            ENTERPRISE, ORGANISATION);

    private final String key;
    private final String label;
    private final String subject;
    private final Map<String, Object> claims;

    private SsoTestUser(Builder b) {
        this.key = b.key;
        this.label = b.label;
        this.subject = b.subject;
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
    }

    /**
     * A user typed in on the login page's custom form.
     *
     * @param accountType {@code LoaiTaiKhoan}, 1..9 (1 citizen, 2 enterprise, 3 organisation; others are kept as sent)
     * @param fullName {@code HoVaTen}, not blank, at most 100 characters
     * @param idNumber digits only: {@code SoDinhDanh} (12 digits) or {@code SoCMND} (other lengths) for type 1,
     *        {@code MaSoThue} for type 2; empty for none
     * @param techId {@code TechID}, letters, digits and hyphens, 1..64
     * @param ial the VNeID identity level {@code IAL} (0..3), or empty for a login that did not come through VNeID
     * @return the user
     * @throws ValidationException naming the field that breaks its rule
     */
    public static SsoTestUser custom(int accountType, String fullName, String idNumber, String techId, OptionalInt ial) {
        if (accountType < 1 || accountType > 9) {
            throw ValidationException.of("range", "SsoTestUser.accountType", "accountType must be 1..9, was "
                    + accountType);
        }
        String name = ValidationException.requireText(fullName, "SsoTestUser.fullName").strip();
        if (name.length() > 100) {
            throw ValidationException.of("length", "SsoTestUser.fullName", "fullName must be at most 100 characters");
        }
        String number = ValidationException.requireNonNull(idNumber, "SsoTestUser.idNumber").strip();
        if (!number.isEmpty() && !DIGITS.matcher(number).matches()) {
            throw ValidationException.of("digits", "SsoTestUser.idNumber", "idNumber must be 1..14 digits or empty");
        }
        String tech = ValidationException.requireText(techId, "SsoTestUser.techId").strip();
        if (!TECH_ID.matcher(tech).matches()) {
            throw ValidationException.of("format", "SsoTestUser.techId",
                    "techId must be 1..64 letters, digits or hyphens");
        }
        ValidationException.requireNonNull(ial, "SsoTestUser.ial");
        if (ial.isPresent() && (ial.getAsInt() < 0 || ial.getAsInt() > 3)) {
            throw ValidationException.of("range", "SsoTestUser.ial", "ial must be 0..3, was " + ial.getAsInt());
        }
        Builder b = new Builder("custom", "Người dùng tự nhập / Custom user", "custom-" + tech)
                .put("LoaiTaiKhoan", accountType).put("HoVaTen", name);
        if (!number.isEmpty()) {
            b.put(accountType == 2 ? "MaSoThue" : number.length() == 12 ? "SoDinhDanh" : "SoCMND", number);
        }
        b.put("TechID", tech).put("loAs", "LoA1");
        if (ial.isPresent()) {
            b.put("loginIdp", "BCA").put("IAL", ial.getAsInt());
        }
        return b.build();
    }

    /**
     * One of the predefined users by its key.
     *
     * @param key the user's {@link #key()}
     * @return the user, if there is one
     */
    public static Optional<SsoTestUser> byKey(String key) {
        return ALL.stream().filter(u -> u.key.equals(key)).findFirst();
    }

    /**
     * The stable key of this user, also the login page's button id {@code "user-" + key}.
     *
     * @return for example {@code "citizen-vneid-ial2"}; {@code "custom"} for a custom user
     */
    public String key() {
        return key;
    }

    /**
     * What the user stands for, in Vietnamese and English.
     *
     * @return the label shown on the login page
     */
    public String label() {
        return label;
    }

    /**
     * The {@code sub} of its ID token and userinfo.
     *
     * @return the subject
     */
    public String subject() {
        return subject;
    }

    /**
     * {@code LoaiTaiKhoan} as a number, whether it is sent as a string or a number.
     *
     * @return 1 citizen, 2 enterprise, 3 organisation
     */
    public int accountType() {
        return Integer.parseInt(String.valueOf(claims.get("LoaiTaiKhoan")));
    }

    /**
     * {@code HoVaTen}.
     *
     * @return the full name (for an organisation, its name)
     */
    public String fullName() {
        return String.valueOf(claims.get("HoVaTen"));
    }

    /**
     * {@code TechID}, the stable technical id the national portal gives every account.
     *
     * @return the TechID
     */
    public String techId() {
        return String.valueOf(claims.get("TechID"));
    }

    /**
     * The ID number a vendor maps the account on after the TechID: {@code SoDinhDanh}, else {@code SoCMND}, else
     * {@code MaSoThue}.
     *
     * @return the number, empty for an organisation
     */
    public Optional<String> idNumber() {
        for (String name : List.of("SoDinhDanh", "SoCMND", "MaSoThue")) {
            if (claims.containsKey(name)) {
                return Optional.of(String.valueOf(claims.get(name)));
            }
        }
        return Optional.empty();
    }

    /**
     * The VNeID identity level {@code IAL}, as a number whether it is sent as a string or a number.
     *
     * @return the level, empty when the login did not come through VNeID
     */
    public OptionalInt ial() {
        Object value = claims.get("IAL");
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(String.valueOf(value)));
    }

    /**
     * Whether the login came through VNeID (the userinfo then carries {@code loginIdp}, {@code IAL},
     * {@code logoutUri} and {@code userProfileUri}).
     *
     * @return {@code true} for a VNeID login
     */
    public boolean viaVneid() {
        return claims.containsKey("loginIdp");
    }

    /**
     * The userinfo claims of this user without {@code sub} and without the sandbox's URLs, in wire names and wire
     * types (strings and numbers as the provider sends them).
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SsoTestUser that && key.equals(that.key) && subject.equals(that.subject)
                && claims.equals(that.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, subject, claims);
    }

    /** Shows the key, the subject and the account type; the ID number is masked. */
    @Override
    public String toString() {
        String masked = idNumber().map(n -> "***" + n.substring(Math.max(0, n.length() - 3))).orElse("none");
        return "SsoTestUser[" + key + ", sub " + subject + ", type " + claims.get("LoaiTaiKhoan") + ", id " + masked
                + "]";
    }

    private static final class Builder {
        private final String key;
        private final String label;
        private final String subject;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        Builder(String key, String label, String subject) {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalStateException("bad test user key " + key);
            }
            this.key = key;
            this.label = label;
            this.subject = subject;
        }

        Builder put(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        SsoTestUser build() {
            return new SsoTestUser(this);
        }
    }
}
