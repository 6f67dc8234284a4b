/** Internals of the payment clients: checksums, canonical strings, wire codecs. Not an API. */
package vn.egov.sdk.payment.internal;
