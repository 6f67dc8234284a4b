/** Internals of the Keypay DVCQG client: wire codec, signed strings, callback verification. Not an API. */
package vn.egov.sdk.payment.keypay.internal;
