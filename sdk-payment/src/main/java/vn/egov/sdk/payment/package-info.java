/**
 * Citizens' payments of fees, charges and fines for public services: one {@link vn.egov.sdk.payment.PaymentGateway}
 * interface over the national systems (the DVCQG payment platform, PayGov, Keypay DVCQG), callbacks verified on
 * their raw bytes and applied exactly once through a {@link vn.egov.sdk.payment.PaymentStore}, and reconciliation.
 *
 * <p>Amounts are whole Vietnamese đồng in a {@code long}; every string that enters a checksum is hashed as UTF-8.
 */
package vn.egov.sdk.payment;
