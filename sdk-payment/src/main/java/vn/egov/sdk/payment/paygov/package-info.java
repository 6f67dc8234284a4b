/**
 * PayGov (Cổng hỗ trợ thanh toán quốc gia, run for MIC by NAPAS), reached through a provincial LGSP:
 * {@link vn.egov.sdk.payment.paygov.PayGovClient} and its builder, the Đồng Tháp variant
 * ({@link vn.egov.sdk.payment.paygov.PayGovVariant}), the result-checksum plug-in
 * ({@link vn.egov.sdk.payment.paygov.PayGovResultVerifier}, with the [INFERRED]
 * {@link vn.egov.sdk.payment.paygov.PayGovSha256ResultVerifier}) and the display-only browser return
 * ({@link vn.egov.sdk.payment.paygov.PayGovBrowserReturn}).
 */
package vn.egov.sdk.payment.paygov;
