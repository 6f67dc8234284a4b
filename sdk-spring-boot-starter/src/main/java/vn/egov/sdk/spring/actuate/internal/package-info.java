/** Internals of the starter's health and metrics; not an API. */
package vn.egov.sdk.spring.actuate.internal;
