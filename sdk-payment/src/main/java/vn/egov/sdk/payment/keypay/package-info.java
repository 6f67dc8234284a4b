/**
 * The Keypay DVCQG JSON variant (version 3.0): {@link vn.egov.sdk.payment.keypay.KeypayDvcqgClient} creates
 * payments, queries them and verifies their callbacks with two HMAC-SHA256 keys, and
 * {@link vn.egov.sdk.payment.keypay.PaymentLookupHandler} answers the national portal's inbound payment lookup
 * ({@code dptracuuthanhtoanhs}).
 */
package vn.egov.sdk.payment.keypay;
