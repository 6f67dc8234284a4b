package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * A dossier's national status (wire field {@code TrangThaiHoSo}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. Also used for a progress row's {@code TrangThai}.
 */
public final class DossierStatus extends OpenCode {
    /** {@code 0}: liên thông (interoperating; DVCQG also maps its key {@code posting} here). */
    public static final DossierStatus INTEROPERATING = new DossierStatus("0", "interoperating");
    /** {@code 1}: mới đăng ký (newly registered). */
    public static final DossierStatus RECEIVING = new DossierStatus("1", "receiving");
    /** {@code 2}: được tiếp nhận (received). */
    public static final DossierStatus NEW = new DossierStatus("2", "new");
    /** {@code 3}: không được tiếp nhận (not received). */
    public static final DossierStatus DENIED = new DossierStatus("3", "denied");
    /** {@code 4}: đang xử lý (in processing). */
    public static final DossierStatus PROCESSING = new DossierStatus("4", "processing");
    /** {@code 5}: yêu cầu bổ sung giấy tờ (more papers requested). */
    public static final DossierStatus WAITING = new DossierStatus("5", "waiting");
    /** {@code 6}: yêu cầu thực hiện nghĩa vụ tài chính (payment requested). */
    public static final DossierStatus PAYING = new DossierStatus("6", "paying");
    /** {@code 7}: công dân yêu cầu rút hồ sơ (withdrawn by the citizen). */
    public static final DossierStatus CANCELLED = new DossierStatus("7", "cancelled");
    /** {@code 8}: dừng xử lý (processing stopped). */
    public static final DossierStatus UNRESOLVED = new DossierStatus("8", "unresolved");
    /** {@code 9}: đã xử lý xong (processed). */
    public static final DossierStatus RELEASING = new DossierStatus("9", "releasing");
    /** {@code 10}: đã trả kết quả (result returned). */
    public static final DossierStatus DONE = new DossierStatus("10", "done");

    private static final List<DossierStatus> KNOWN = List.of(INTEROPERATING, RECEIVING, NEW, DENIED, PROCESSING, WAITING, PAYING, CANCELLED, UNRESOLVED, RELEASING, DONE);

    private DossierStatus(String code, String key) {
        super("TrangThaiHoSo", code, key);
    }

    /**
     * The value for a wire code: a known constant, or an unknown code kept as given.
     *
     * @param code the code as sent on the wire, for example {@code "0"}; surrounding white space is
     *     ignored
     * @return the value
     * @throws ValidationException when the code is {@code null} or blank
     */
    public static DossierStatus of(String code) {
        return lookup(KNOWN, code, "DossierStatus.code", c -> new DossierStatus(c, ""));
    }

    /**
     * The value for one of the portal's textual status keys, as integrators map them to codes.
     *
     * @param key the key, for example {@code processing}, case-insensitive; {@code posting} gives
     *     {@link #INTEROPERATING}, as the integrators map it (its meaning is not documented)
     * @return the value, or empty for an unknown or {@code null} key
     */
    public static Optional<DossierStatus> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip();
        if (k.equalsIgnoreCase("posting")) {
            return Optional.of(INTEROPERATING);
        }
        return KNOWN.stream().filter(s -> s.key().equalsIgnoreCase(k)).findFirst();
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<DossierStatus> known() {
        return KNOWN;
    }
}
