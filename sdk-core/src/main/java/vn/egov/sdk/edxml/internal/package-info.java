/** Implementation details of {@code vn.egov.sdk.edxml}: not part of the SDK's API and may change in any release. */
package vn.egov.sdk.edxml.internal;
