/**
 * Payment gateway clients (PayGov platform protocol first), callback verification and reconciliation (a later
 * issue; not yet built). The module exists so vendors can already align on its coordinates through
 * {@code sdk-bom}.
 */
package vn.egov.sdk.payment;
