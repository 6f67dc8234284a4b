package vn.egov.sdk.payment.dvcqg.internal;

import java.util.List;
import java.util.Map;
import vn.egov.sdk.payment.internal.SignedStrings;

/**
 * The DVCQG payment platform's signed strings, each in its own message's field order (DOMAIN §3.2); the checksum
 * ({@code MaXacThuc}) is the lowercase hex SHA-256 of the string, {@code |}, and the secret.
 */
public final class DvcqgSigning {
    /** The 14 fields of an {@code INIT} request's checksum, in order. */
    public static final List<String> INIT_FIELDS = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu",
            "SoTien", "LoaiHinhThanhToan", "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang",
            "ThongTinGiaoDich", "ThoiGianGD", "Ip");
    /** The 10 fields of a result callback's (and a {@code QUERY} answer's) checksum, in order. */
    public static final List<String> CALLBACK_FIELDS = List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu",
            "SoTien", "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich");
    /** The 5 fields of a {@code GET_BILL} or {@code QUERY} request's checksum, in order. */
    public static final List<String> LOOKUP_FIELDS = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu",
            "ThoiGianGD");

    private DvcqgSigning() {
    }

    /**
     * The fields' values joined with {@code |}, in the given order, without the secret.
     *
     * @param order the field names
     * @param values the values by name (a missing one is empty text)
     * @return the joined string
     */
    public static String signed(List<String> order, Map<String, String> values) {
        String[] parts = new String[order.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = values.getOrDefault(order.get(i), "");
        }
        return SignedStrings.pipeJoined(parts);
    }

    /**
     * The signed string as shown to people: the secret replaced by {@code ***}.
     *
     * @param signed the string without the secret
     * @return {@code signed|***}
     */
    public static String masked(String signed) {
        return signed + "|" + SignedStrings.MASK;
    }
}
