/** Implementation details of {@code vn.egov.sdk.core.xml}: not part of the SDK's API and may change in any release. */
package vn.egov.sdk.core.xml.internal;
