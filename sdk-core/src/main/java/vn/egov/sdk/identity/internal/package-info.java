/** Implementation details of {@code vn.egov.sdk.identity}: not part of the SDK's API and may change in any release. */
package vn.egov.sdk.identity.internal;
