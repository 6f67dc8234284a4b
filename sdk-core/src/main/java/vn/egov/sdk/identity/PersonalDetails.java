package vn.egov.sdk.identity;

import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.identity.internal.ClaimValues;

/**
 * The personal details of a national SSO citizen account ({@link DvcqgIdentity#personal()}), each read as text
 * (numbers as decimal text, blank as absent); a value that is not text (an object, an array) is reachable through
 * {@link DvcqgIdentity#claim(String)}. {@link #toString()} names only which details are present.
 */
public final class PersonalDetails {
    private final Map<String, Object> claims;

    PersonalDetails(Map<String, Object> claims) {
        this.claims = claims;
    }

    private Optional<String> text(String wireName) {
        return ClaimValues.text(claims.get(wireName));
    }

    /**
     * The ethnicity ({@code dân tộc}, claim {@code DanToc}).
     *
     * @return the text, or empty
     */
    public Optional<String> ethnicity() {
        return text("DanToc");
    }

    /**
     * The religion ({@code tôn giáo}, claim {@code TonGiao}).
     *
     * @return the text, or empty
     */
    public Optional<String> religion() {
        return text("TonGiao");
    }

    /**
     * The blood type ({@code nhóm máu}, claim {@code NhomMau}).
     *
     * @return the text, or empty
     */
    public Optional<String> bloodType() {
        return text("NhomMau");
    }

    /**
     * Where the birth was registered ({@code nơi đăng ký khai sinh}, claim {@code NoiDangKyKhaiSinh}).
     *
     * @return the text, or empty
     */
    public Optional<String> birthRegistrationPlace() {
        return text("NoiDangKyKhaiSinh");
    }

    /**
     * The home town ({@code quê quán}, claim {@code QueQuan}).
     *
     * @return the text, or empty
     */
    public Optional<String> hometown() {
        return text("QueQuan");
    }

    /**
     * The permanent residence ({@code thường trú}, claim {@code ThuongTru}).
     *
     * @return the text, or empty
     */
    public Optional<String> permanentAddress() {
        return text("ThuongTru");
    }

    /**
     * The current residence ({@code nơi ở hiện nay}, claim {@code NoiOHienNay}).
     *
     * @return the text, or empty
     */
    public Optional<String> currentAddress() {
        return text("NoiOHienNay");
    }

    /**
     * The nationality ({@code quốc tịch}, claim {@code QuocTich}).
     *
     * @return the text, or empty
     */
    public Optional<String> nationality() {
        return text("QuocTich");
    }

    /**
     * The father ({@code cha}, claim {@code Cha}).
     *
     * @return the text, or empty
     */
    public Optional<String> father() {
        return text("Cha");
    }

    /**
     * The mother ({@code mẹ}, claim {@code Me}).
     *
     * @return the text, or empty
     */
    public Optional<String> mother() {
        return text("Me");
    }

    /**
     * The spouse ({@code vợ / chồng}, claim {@code VoChong}).
     *
     * @return the text, or empty
     */
    public Optional<String> spouse() {
        return text("VoChong");
    }

    /**
     * The legal representative ({@code người đại diện}, claim {@code NguoiDaiDien}).
     *
     * @return the text, or empty
     */
    public Optional<String> representative() {
        return text("NguoiDaiDien");
    }

    /**
     * The head of household ({@code chủ hộ}, claim {@code ChuHo}).
     *
     * @return the text, or empty
     */
    public Optional<String> householdHead() {
        return text("ChuHo");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalDetails && ((PersonalDetails) o).claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PersonalDetails[present:");
        for (String name : new String[] {"DanToc", "TonGiao", "NhomMau", "NoiDangKyKhaiSinh", "QueQuan", "ThuongTru",
                "NoiOHienNay", "QuocTich", "Cha", "Me", "VoChong", "NguoiDaiDien", "ChuHo"}) {
            if (text(name).isPresent()) {
                b.append(' ').append(name);
            }
        }
        return b.append(']').toString();
    }
}
