/** Internals of the DVCQG payment platform client: signed strings, bounded JSON, callback checks. Not an API. */
package vn.egov.sdk.payment.dvcqg.internal;
