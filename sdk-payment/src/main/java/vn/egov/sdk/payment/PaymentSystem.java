package vn.egov.sdk.payment;

/** The payment system a gateway client speaks to; each has its own protocol. */
public enum PaymentSystem {
    /** The payment platform of the national public-service portal (Nền tảng thanh toán của Cổng DVCQG). */
    DVCQG_PAYMENT_PLATFORM,
    /** PayGov (Cổng hỗ trợ thanh toán quốc gia), usually reached through a provincial LGSP. */
    PAYGOV,
    /** The Keypay DVCQG JSON variant (version 3.0). */
    KEYPAY_DVCQG
}
