/**
 * Stream utilities the SDK's modules share, such as {@link vn.egov.sdk.core.io.BoundedInputStream}, which bounds
 * how much of an input is read.
 */
package vn.egov.sdk.core.io;
