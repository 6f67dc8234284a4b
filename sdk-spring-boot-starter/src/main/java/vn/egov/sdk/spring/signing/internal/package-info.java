/** Internals of the starter's signatures and trust; not an API. */
package vn.egov.sdk.spring.signing.internal;
