/** Implementation details of {@code vn.egov.sdk.identity}; not for vendors' use. */
package vn.egov.sdk.identity.internal;
