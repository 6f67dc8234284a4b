/** Implementation details of {@code vn.egov.sdk.jdbc}: not part of the SDK's API and may change in any release. */
package vn.egov.sdk.jdbc.internal;
