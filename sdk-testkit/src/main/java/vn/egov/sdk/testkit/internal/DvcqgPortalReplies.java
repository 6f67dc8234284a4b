package vn.egov.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import vn.egov.sdk.testkit.DvcqgErrorCodeStyle;

/**
 * The simulated DVCQG adapter's reply envelope {@code {error_code, message, result}}, with {@code error_code} in
 * the form the current {@link DvcqgErrorCodeStyle} gives each service. Thread-safe.
 */
public final class DvcqgPortalReplies {

    /** A malformed request, an unknown service or a missing field. */
    public static final int BAD_REQUEST = -1;
    /** A missing, unknown or expired session, or wrong credentials. */
    public static final int BAD_SESSION = -2;
    /** The dossier (or item) already exists. */
    public static final int EXISTS = -3;
    /** The dossier (or item) is not known. */
    public static final int NOT_FOUND = -4;

    private static final Set<String> STRING_ZERO = Set.of("DongBoHoSoMC", "CapNhatTienDoHoSoMC",
            "DongBoTrangThaiHoSo");
    private static final Set<String> STRING_DOUBLE_ZERO = Set.of("TraCuuHoSo", "LayThuTuc", "LayDanhSachTTHC",
            "LayDVC", "LayDanhMucCoQuan", "LayDanhMucLinhVuc");

    private final AtomicReference<DvcqgErrorCodeStyle> style =
            new AtomicReference<>(DvcqgErrorCodeStyle.PER_SERVICE);

    /**
     * Sets the style of later replies.
     *
     * @param newStyle the style
     */
    public void style(DvcqgErrorCodeStyle newStyle) {
        style.set(newStyle);
    }

    /**
     * The current style.
     *
     * @return the style
     */
    public DvcqgErrorCodeStyle style() {
        return style.get();
    }

    /**
     * A success reply.
     *
     * @param service the service answered ({@code "auth"} for the login)
     * @param message the Vietnamese message
     * @param result the result, or {@code null} for none
     * @return the reply body
     */
    public Map<String, Object> success(String service, String message, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", successCode(service));
        body.put("message", message);
        if (result != null) {
            body.put("result", result);
        }
        return body;
    }

    /**
     * A failure reply.
     *
     * @param code one of the negative codes of this class
     * @param message the Vietnamese message
     * @return the reply body
     */
    public Map<String, Object> failure(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", style.get() == DvcqgErrorCodeStyle.NUMBER ? (Object) code : String.valueOf(code));
        body.put("message", message);
        return body;
    }

    private Object successCode(String service) {
        return switch (style.get()) {
            case NUMBER -> 0;
            case STRING -> "0";
            case STRING_00 -> "00";
            case PER_SERVICE -> STRING_ZERO.contains(service) ? "0"
                    : STRING_DOUBLE_ZERO.contains(service) ? "00" : (Object) 0;
        };
    }

    /** Back to {@link DvcqgErrorCodeStyle#PER_SERVICE}. */
    public void reset() {
        style.set(DvcqgErrorCodeStyle.PER_SERVICE);
    }
}
