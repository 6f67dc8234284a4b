/** Internals of the starter's provincial axis part; not an API. */
package vn.egov.sdk.spring.lgsp.internal;
