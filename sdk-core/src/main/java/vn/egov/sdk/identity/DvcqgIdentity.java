package vn.egov.sdk.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.identity.internal.AccountKeys;
import vn.egov.sdk.identity.internal.ClaimValues;
import vn.egov.sdk.identity.internal.IdentityText;
import vn.egov.sdk.identity.internal.UserInfoJson;

/**
 * A person, enterprise or organisation logged in through the national SSO (Cổng DVCQG, federating citizens to
 * VNeID), read from its userinfo answer: every claim the national SSO is known to send, under an English name whose
 * javadoc gives the wire name, and {@link #claim(String)} for anything else.
 *
 * <p>Reading is lenient where the providers are inconsistent: codes ({@code LoaiTaiKhoan}, {@code IAL},
 * {@code GioiTinh}, {@code TinhTrangHonNhan}) are accepted as numbers or text, {@code loAs} as text or an array, and
 * blank text counts as absent. A birth date that is not {@code yyyyMMdd} is kept as text and listed in
 * {@link #problems()}, not refused. Only a body that is not a JSON object within the limits, a claim given twice,
 * or a missing {@code sub} is refused, with a {@link UserInfoFormatException}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks ID numbers, technical ids, phones and e-mail addresses
 * and leaves names and addresses out.
 */
public final class DvcqgIdentity {
    private final Map<String, Object> claims;
    private final String subject;
    private final AccountType accountType;
    private final Optional<LocalDate> birthDate;
    private final OptionalInt ial;
    private final Optional<VneidInfo> vneid;
    private final List<String> assuranceLevels;
    private final List<String> problems;

    private DvcqgIdentity(Map<String, Object> claims) {
        this.claims = claims;
        List<String> found = new ArrayList<>();
        this.subject = ClaimValues.text(claims.get("sub")).orElseThrow(() -> new UserInfoFormatException("sub",
                "claim.required", "the subject is required: absent, blank or not text", null));
        Object type = claims.get("LoaiTaiKhoan");
        String code = ClaimValues.code(type).orElse("");
        if (code.length() > 64 || (type != null && ClaimValues.text(type).isEmpty() && !"".equals(type))) {
            found.add("LoaiTaiKhoan: not a number or short text; account type taken as UNSPECIFIED");
            code = "";
        }
        this.accountType = AccountType.of(code);
        this.birthDate = ClaimValues.basicDate(claims.get("NgayThangNamSinh"));
        if (birthDate.isEmpty() && text("NgayThangNamSinh").isPresent()) {
            found.add("NgayThangNamSinh: not a yyyyMMdd date; kept as text in birthDateText()");
        }
        this.ial = ClaimValues.level(claims.get("IAL"));
        if (ial.isEmpty() && text("IAL").isPresent()) {
            found.add("IAL: not a level number; taken as absent");
        }
        this.assuranceLevels = ClaimValues.list(claims.get("loAs"));
        Optional<String> idp = text("loginIdp");
        Optional<String> profile = text("userProfileUri");
        Optional<String> logout = text("logoutUri");
        this.vneid = idp.isPresent() || profile.isPresent() || logout.isPresent() || ial.isPresent()
                ? Optional.of(new VneidInfo(idp, profile, logout, ial)) : Optional.empty();
        this.problems = List.copyOf(found);
    }

    /**
     * Reads a userinfo answer ({@code GET /oauth2/userinfo}). At most 64 KiB, nesting depth 16, no claim twice.
     *
     * @param json the response body, UTF-8 JSON
     * @return the identity
     * @throws UserInfoFormatException if the body is null, not a well-formed JSON object within the limits, gives a
     *     claim twice, or has no {@code sub}
     */
    public static DvcqgIdentity fromUserInfo(byte[] json) {
        return new DvcqgIdentity(UserInfoJson.read(json));
    }

    /**
     * Reads claims already parsed, for example an ID token's ({@code IdTokenClaims.claims()}). Values may be text,
     * numbers, booleans, dates (kept as epoch seconds), lists, arrays and maps; {@code null} values are dropped.
     *
     * @param claims the claims by wire name
     * @return the identity
     * @throws UserInfoFormatException if the map is null, nests deeper than 16 levels, or has no {@code sub}
     */
    public static DvcqgIdentity fromClaims(Map<String, ?> claims) {
        return new DvcqgIdentity(ClaimValues.normalize(claims));
    }

    private Optional<String> text(String wireName) {
        return ClaimValues.text(claims.get(wireName));
    }

    /**
     * The key a vendor should store to recognise this account, chosen in one documented order (the keys changed
     * over time: {@code SoCMND} 9 digits, then {@code SoDinhDanh} 12 digits, then {@code TechID}):
     * <ol>
     * <li>{@code TechID}, whenever present, for every account type;</li>
     * <li>a citizen ({@code LoaiTaiKhoan} 1): {@code SoDinhDanh}, else {@code SoCMND};</li>
     * <li>an enterprise (2): {@code MaSoThue}, else {@code MaSoDoanhNghiep};</li>
     * <li>an organisation (3), an unknown or no account type: {@code TechID} only.</li>
     * </ol>
     * A vendor that stored an older key should look it up too and then store the new one.
     *
     * @return the key
     * @throws UserInfoFormatException (rule {@code accountKey.missing}) naming the claims that were needed when none
     *     is present
     */
    public AccountKey accountKey() {
        return AccountKeys.choose(accountType, this::text);
    }

    /**
     * Checks that this userinfo is about the account the ID token named: OpenID Connect requires the userinfo
     * {@code sub} to equal the ID token's, or the userinfo must not be used (a substituted answer).
     *
     * @param idTokenSubject the ID token's {@code sub}; required
     * @return this identity
     * @throws UserInfoFormatException (claim {@code sub}, rule {@code sub.mismatch}) when they differ
     */
    public DvcqgIdentity requireSubject(String idTokenSubject) {
        vn.egov.sdk.core.ValidationException.requireNonNull(idTokenSubject, "DvcqgIdentity.idTokenSubject");
        if (!subject.equals(idTokenSubject)) {
            throw new UserInfoFormatException("sub", "sub.mismatch",
                    "the userinfo is about another account than the ID token; do not use it", null);
        }
        return this;
    }

    /**
     * The subject: the provider's id of the account (claim {@code sub}); compare it with the ID token's.
     *
     * @return the subject, never blank
     */
    public String subject() {
        return subject;
    }

    /**
     * The kind of account ({@code loại tài khoản}, claim {@code LoaiTaiKhoan}, number or text).
     *
     * @return the type; {@link AccountType#UNSPECIFIED} when absent; an unknown code is kept
     */
    public AccountType accountType() {
        return accountType;
    }

    /**
     * The VNeID part of the login (claims {@code loginIdp}, {@code userProfileUri}, {@code logoutUri},
     * {@code IAL}).
     *
     * @return the VNeID information, or empty when none of those claims was given
     */
    public Optional<VneidInfo> vneid() {
        return vneid;
    }

    /**
     * The identity assurance level ({@code mức định danh}, claim {@code IAL}, number or text such as {@code "2"}).
     *
     * @return the level, or empty when absent or unreadable (then listed in {@link #problems()})
     */
    public OptionalInt ial() {
        return ial;
    }

    /**
     * The levels of assurance of the login (claim {@code loAs}, text split on spaces and commas, or an array).
     *
     * @return the levels, for example {@code [LoA1]}; empty when absent
     */
    public List<String> assuranceLevels() {
        return assuranceLevels;
    }

    /**
     * The DVCQG technical id ({@code TechID}): the stable key of the account.
     *
     * @return the id, or empty
     */
    public Optional<String> techId() {
        return text("TechID");
    }

    /**
     * The 12-digit personal ID number ({@code số định danh cá nhân}, claim {@code SoDinhDanh}).
     *
     * @return the number, or empty
     */
    public Optional<String> personalIdNumber() {
        return text("SoDinhDanh");
    }

    /**
     * The old 9-digit identity card number ({@code số CMND}, claim {@code SoCMND}).
     *
     * @return the number, or empty
     */
    public Optional<String> oldIdCardNumber() {
        return text("SoCMND");
    }

    /**
     * The social insurance number ({@code mã số BHXH}, claim {@code MaBHXH}).
     *
     * @return the number, or empty
     */
    public Optional<String> socialInsuranceNumber() {
        return text("MaBHXH");
    }

    /**
     * The passport number ({@code hộ chiếu}, claim {@code HoChieu}).
     *
     * @return the number, or empty
     */
    public Optional<String> passportNumber() {
        return text("HoChieu");
    }

    /**
     * The tax code ({@code mã số thuế}, claim {@code MaSoThue}).
     *
     * @return the code, or empty
     */
    public Optional<String> taxCode() {
        return text("MaSoThue");
    }

    /**
     * The enterprise registration code ({@code mã số doanh nghiệp}, claim {@code MaSoDoanhNghiep}).
     *
     * @return the code, or empty
     */
    public Optional<String> enterpriseCode() {
        return text("MaSoDoanhNghiep");
    }

    /**
     * The enterprise's name ({@code tên doanh nghiệp}, claim {@code TenDoanhNghiep}).
     *
     * @return the name, or empty
     */
    public Optional<String> enterpriseName() {
        return text("TenDoanhNghiep");
    }

    /**
     * The full name ({@code họ và tên}, claim {@code HoVaTen}).
     *
     * @return the name, or empty
     */
    public Optional<String> fullName() {
        return text("HoVaTen");
    }

    /**
     * The birth date ({@code ngày tháng năm sinh}, claim {@code NgayThangNamSinh}, {@code yyyyMMdd}).
     *
     * @return the date, or empty when absent or not a {@code yyyyMMdd} date (see {@link #birthDateText()})
     */
    public Optional<LocalDate> birthDate() {
        return birthDate;
    }

    /**
     * The birth date as sent (claim {@code NgayThangNamSinh}), for a value that is not {@code yyyyMMdd}.
     *
     * @return the text, or empty
     */
    public Optional<String> birthDateText() {
        return text("NgayThangNamSinh");
    }

    /**
     * The gender code ({@code giới tính}, claim {@code GioiTinh}, number or text), as text without leading zeros.
     *
     * @return the code, or empty
     */
    public Optional<String> genderCode() {
        return ClaimValues.code(claims.get("GioiTinh"));
    }

    /**
     * The marital status code ({@code tình trạng hôn nhân}, claim {@code TinhTrangHonNhan}, number or text).
     *
     * @return the code, or empty
     */
    public Optional<String> maritalStatusCode() {
        return ClaimValues.code(claims.get("TinhTrangHonNhan"));
    }

    /**
     * The e-mail address ({@code thư điện tử}, claim {@code ThuDienTu}).
     *
     * @return the address, or empty
     */
    public Optional<String> email() {
        return text("ThuDienTu");
    }

    /**
     * The mobile phone number ({@code số điện thoại}, claim {@code SoDienThoai}).
     *
     * @return the number, or empty
     */
    public Optional<String> mobilePhone() {
        return text("SoDienThoai");
    }

    /**
     * The landline number ({@code số điện thoại bàn}, claim {@code SoDienThoaiBan}).
     *
     * @return the number, or empty
     */
    public Optional<String> landlinePhone() {
        return text("SoDienThoaiBan");
    }

    /**
     * The account's status ({@code trạng thái}, claim {@code TrangThai}), as text.
     *
     * @return the status, or empty
     */
    public Optional<String> status() {
        return text("TrangThai");
    }

    /**
     * The address of an enterprise or organisation account ({@code địa chỉ}, claim {@code DiaChi}).
     *
     * @return the address, or empty
     */
    public Optional<String> address() {
        return text("DiaChi");
    }

    /**
     * The personal details of a citizen account: ethnicity, religion, blood type, birthplace, hometown, addresses,
     * nationality, family (claims {@code DanToc}, {@code TonGiao}, {@code NhomMau}, {@code NoiDangKyKhaiSinh},
     * {@code QueQuan}, {@code ThuongTru}, {@code NoiOHienNay}, {@code QuocTich}, {@code Cha}, {@code Me},
     * {@code VoChong}, {@code NguoiDaiDien}, {@code ChuHo}).
     *
     * @return the details (each may be empty)
     */
    public PersonalDetails personal() {
        return new PersonalDetails(claims);
    }

    /**
     * Any claim by its wire name, as parsed: text, {@code Long}, {@code BigDecimal}, {@code Boolean}, an
     * unmodifiable {@code List} or {@code Map}.
     *
     * @param wireName the claim's name on the wire, for example {@code QueQuan}
     * @return the value, or empty when absent or {@code null}
     */
    public Optional<Object> claim(String wireName) {
        return wireName == null ? Optional.empty() : Optional.ofNullable(claims.get(wireName));
    }

    /**
     * Every claim as parsed, by wire name.
     *
     * @return an unmodifiable map (contains personal data: do not log it)
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /**
     * What was read leniently: a birth date that is not {@code yyyyMMdd}, an unreadable {@code IAL}, a structured
     * {@code LoaiTaiKhoan}. Each entry names the claim and what the SDK did; none repeats a value.
     *
     * @return the problems, empty for a clean answer
     */
    public List<String> problems() {
        return problems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DvcqgIdentity && ((DvcqgIdentity) o).claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    @Override
    public String toString() {
        return IdentityText.describe(this);
    }
}
