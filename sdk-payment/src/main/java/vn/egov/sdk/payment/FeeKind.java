package vn.egov.sdk.payment;

/** Whether a receipt line is a fee (phí) or a charge (lệ phí), {@code PhiLePhi[].LoaiPhiLePhi}. */
public enum FeeKind {
    /** Phí: a fee for a service ({@code 1} in OpenCPS). */
    PHI("1"),
    /** Lệ phí: a charge for an administrative act ({@code 2} in OpenCPS). */
    LE_PHI("2");

    private final String code;

    FeeKind(String code) {
        this.code = code;
    }

    /**
     * The numeric code OpenCPS sends.
     *
     * @return {@code 1} or {@code 2}
     */
    public String code() {
        return code;
    }
}
