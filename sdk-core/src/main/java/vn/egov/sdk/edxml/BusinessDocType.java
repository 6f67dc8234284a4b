package vn.egov.sdk.edxml;

import java.util.Optional;

/** The business type of a document package ({@code Bussiness/BussinessDocType}). */
public enum BusinessDocType {
    /** 0 Văn bản điện tử mới: a new document. */
    NEW(0, "Văn bản điện tử mới"),
    /** 1 Thu hồi văn bản điện tử: revoke a sent document. */
    REVOKE(1, "Thu hồi văn bản điện tử"),
    /** 2 Cập nhật văn bản điện tử: update a sent document's information or receivers. */
    UPDATE(2, "Cập nhật văn bản điện tử"),
    /** 3 Văn bản thay thế: replace a sent document. */
    REPLACE(3, "Văn bản thay thế");

    private final int code;
    private final String reason;

    BusinessDocType(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /**
     * The wire code.
     *
     * @return the {@code BussinessDocType} number written on the wire
     */
    public int code() {
        return code;
    }

    /**
     * The default {@code BussinessDocReason} text.
     *
     * @return the reason text used when the caller gives none
     */
    public String defaultReason() {
        return reason;
    }

    /**
     * The type of a wire code, if known.
     *
     * @param code the {@code BussinessDocType} number read from a package
     * @return the type, or empty for an unknown code
     */
    public static Optional<BusinessDocType> fromCode(int code) {
        for (BusinessDocType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
