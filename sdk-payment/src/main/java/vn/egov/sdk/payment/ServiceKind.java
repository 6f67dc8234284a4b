package vn.egov.sdk.payment;

/** What a receipt collects, {@code ThongTinBienLai.MaDichVu}. */
public enum ServiceKind {
    /** An administrative fine ({@code 1}; the meaning of 1 is inferred from the fields it carries). */
    FINE("1"),
    /** Fees and charges of a public service ({@code 2}, the value seen in use). */
    FEE("2");

    private final String code;

    ServiceKind(String code) {
        this.code = code;
    }

    /**
     * The wire code.
     *
     * @return {@code 1} or {@code 2}
     */
    public String code() {
        return code;
    }
}
