/** Internals of the Spring Boot starter; not an API. */
package vn.egov.sdk.spring.internal;
