/** Internals of the starter's SSO login; not an API. */
package vn.egov.sdk.spring.identity.internal;
