/**
 * The starter's payment part: {@link vn.egov.sdk.spring.payment.EgovPaymentProperties} ({@code egov.payment.*}),
 * a client bean per configured national payment system and a {@link vn.egov.sdk.payment.PaymentStore}
 * ({@link vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration}), and, with Spring MVC, a callback endpoint per
 * system that verifies each result callback with the SDK, applies it once and tells the application's
 * {@link vn.egov.sdk.spring.payment.PaymentResultListener}s
 * ({@link vn.egov.sdk.spring.payment.EgovPaymentCallbackAutoConfiguration}), and optionally the SDK's reconciler run
 * with the context ({@link vn.egov.sdk.spring.payment.PaymentReconciliation}).
 */
package vn.egov.sdk.spring.payment;
