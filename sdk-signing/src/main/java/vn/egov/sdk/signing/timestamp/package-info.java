/**
 * RFC 3161 timestamps: {@link vn.egov.sdk.signing.timestamp.TimestampClient} asks a timestamp authority for a
 * token over HTTP and checks it; {@link vn.egov.sdk.signing.timestamp.TimestampToken} is a verified token.
 * CAdES-T and PAdES B-T signatures carry one over their signature value.
 */
package vn.egov.sdk.signing.timestamp;
