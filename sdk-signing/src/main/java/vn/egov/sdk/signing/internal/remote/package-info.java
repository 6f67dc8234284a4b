/** Implementation details of the signing module: not part of the SDK's API and may change in any release. */
package vn.egov.sdk.signing.internal.remote;
