package vn.egov.sdk.payment.paygov;

/** Which flavour of the PayGov redirect protocol the LGSP in front of PayGov speaks. */
public enum PayGovVariant {
    /**
     * The common request ({@code partnerCode, accessKey, serviceCode, returnUrl, orderId, amount, orderInfo,
     * requestCode, ipAddress, checksum}) with the SHA-256 concatenation checksum.
     */
    STANDARD,
    /**
     * The Đồng Tháp LGSP: no {@code checksum}, {@code accessKey} or {@code serviceCode}; adds an empty
     * {@code beneficiaryCode} and {@code accountPay}; return URLs are checked by the LGSP's
     * {@code CheckSumUrlReturn} call.
     */
    DONG_THAP
}
