package vn.egov.sdk.signing.validation;

/**
 * Vietnam's two separate PKIs. A validator trusting only one of them rejects signatures chained
 * to the other, so vendors choose which to trust.
 */
public enum VietnamPki {
    /**
     * The government's specialised PKI for official duties (chữ ký số chuyên dùng công vụ), run by the Government
     * Cipher Committee (Ban Cơ yếu Chính phủ, VGCA): the certificates of agencies and civil servants.
     */
    GOVERNMENT_VGCA,
    /**
     * The public PKI (chữ ký số công cộng) under the National Electronic Authentication Centre (NEAC, Vietnam
     * National Root CA): every licensed public CA (VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA…) and remote signing.
     */
    PUBLIC_NEAC
}
