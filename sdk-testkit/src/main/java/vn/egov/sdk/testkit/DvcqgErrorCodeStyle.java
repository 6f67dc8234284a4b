package vn.egov.sdk.testkit;

/**
 * How the simulated DVCQG adapter writes {@code error_code} in its replies, set with
 * {@link DvcqgPortalSandbox#errorCodeStyle(DvcqgErrorCodeStyle)}. Real adapter branches disagree, so a client must
 * accept all three success forms ({@code 0}, {@code "0"}, {@code "00"}).
 */
public enum DvcqgErrorCodeStyle {
    /**
     * The default: each service answers in its own form. {@code auth}, {@code DongBoDanhGia} and the Q&amp;A services
     * answer the number {@code 0}; {@code DongBoHoSoMC}, {@code CapNhatTienDoHoSoMC} and
     * {@code DongBoTrangThaiHoSo} the string {@code "0"}; {@code TraCuuHoSo} and the catalogue services the string
     * {@code "00"}. Failures are strings such as {@code "-3"}.
     */
    PER_SERVICE,
    /** Every reply writes a number: {@code 0} on success, {@code -3} and so on for failures. */
    NUMBER,
    /** Every reply writes a string: {@code "0"} on success, {@code "-3"} and so on for failures. */
    STRING,
    /** Every reply writes a string, success as {@code "00"}, failures as {@code "-3"} and so on. */
    STRING_00
}
