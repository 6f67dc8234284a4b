/** Internals of the starter's payment part; not an API. */
package vn.egov.sdk.spring.payment.internal;
