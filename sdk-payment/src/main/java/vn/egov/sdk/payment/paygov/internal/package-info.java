/** Internals of the PayGov client: accent stripping, wire parsing. Not an API. */
package vn.egov.sdk.payment.paygov.internal;
