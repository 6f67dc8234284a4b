/**
 * The payment platform of the national public-service portal (Nền tảng thanh toán của Cổng DVCQG): its client
 * {@link vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient} (INIT, result callbacks, QUERY, GET_BILL), the
 * pluggable response envelope and callback reply, and the display-only browser return.
 */
package vn.egov.sdk.payment.dvcqg;
