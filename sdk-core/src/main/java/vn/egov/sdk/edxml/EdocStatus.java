package vn.egov.sdk.edxml;

import java.util.Map;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;

/**
 * A processing status reported in a status package ({@code StatusCode}), the nine codes of QĐ 28/2018, and open to
 * codes not (yet) in that list: {@link #of(String)} accepts any code and {@link #isKnown()} tells them apart.
 */
public final class EdocStatus {
    /** 01 Đã đến: the software received it, the clerk has not processed it yet. */
    public static final EdocStatus RECEIVED = new EdocStatus("01", "Đã đến");
    /** 02 Từ chối tiếp nhận: refused. */
    public static final EdocStatus REJECTED = new EdocStatus("02", "Từ chối tiếp nhận");
    /** 03 Tiếp nhận, vào sổ văn bản đến: accepted and registered. */
    public static final EdocStatus ACCEPTED = new EdocStatus("03", "Tiếp nhận, vào sổ văn bản đến");
    /** 04 Phân công xử lý: assigned. */
    public static final EdocStatus ASSIGNED = new EdocStatus("04", "Phân công xử lý");
    /** 05 Đang xử lý: in progress. */
    public static final EdocStatus PROCESSING = new EdocStatus("05", "Đang xử lý");
    /** 06 Hoàn thành xử lý: done. */
    public static final EdocStatus COMPLETED = new EdocStatus("06", "Hoàn thành xử lý");
    /** 13 Yêu cầu lấy lại văn bản: the sender asks for the document back. */
    public static final EdocStatus RECALL_REQUESTED = new EdocStatus("13", "Yêu cầu lấy lại văn bản");
    /** 15 Đồng ý yêu cầu cập nhật/lấy lại: change or recall accepted. */
    public static final EdocStatus CHANGE_ACCEPTED = new EdocStatus("15", "Đồng ý yêu cầu cập nhật/lấy lại");
    /** 16 Từ chối yêu cầu cập nhật/lấy lại: change or recall refused. */
    public static final EdocStatus CHANGE_REJECTED = new EdocStatus("16", "Từ chối yêu cầu cập nhật/lấy lại");

    private static final Map<String, EdocStatus> KNOWN = Map.of(
            "01", RECEIVED, "02", REJECTED, "03", ACCEPTED, "04", ASSIGNED, "05", PROCESSING, "06", COMPLETED,
            "13", RECALL_REQUESTED, "15", CHANGE_ACCEPTED, "16", CHANGE_REJECTED);

    private final String code;
    private final String description;

    private EdocStatus(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The status of a code; a known one is returned as its constant, an unknown one is kept as it came.
     * A single digit is read as its two-digit form ({@code 3} → {@code 03}).
     *
     * @param code the status code; empty when a package gives none
     * @return the status
     * @throws ValidationException if {@code code} is {@code null}
     */
    public static EdocStatus of(String code) {
        String c = ValidationException.requireNonNull(code, "EdocStatus.code").strip();
        if (c.length() == 1 && Character.isDigit(c.charAt(0))) {
            c = "0" + c;
        }
        EdocStatus known = KNOWN.get(c);
        return known != null ? known : new EdocStatus(c, "");
    }

    /**
     * Every QĐ 28 code, in code order.
     *
     * @return the nine known statuses in code order
     */
    public static java.util.List<EdocStatus> known() {
        return java.util.List.of(RECEIVED, REJECTED, ACCEPTED, ASSIGNED, PROCESSING, COMPLETED, RECALL_REQUESTED,
                CHANGE_ACCEPTED, CHANGE_REJECTED);
    }

    /**
     * The two-digit wire code.
     *
     * @return the code: two digits for a known status, as it came for an unknown one
     */
    public String code() {
        return code;
    }

    /**
     * The Vietnamese meaning of a known code, else "".
     *
     * @return the meaning in Vietnamese, or an empty string for an unknown code
     */
    public String description() {
        return description;
    }

    /**
     * Whether the code is one of QĐ 28's nine.
     *
     * @return {@code true} for the nine codes of QĐ 28
     */
    public boolean isKnown() {
        return KNOWN.containsKey(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdocStatus other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code + (description.isEmpty() ? "" : " " + description);
    }
}
