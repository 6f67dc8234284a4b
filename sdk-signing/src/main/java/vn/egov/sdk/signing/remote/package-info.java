/**
 * Remote signing: a service holds the signer's key and signs a hash after the signer confirms (in an app, or with a
 * password and a one-time code).
 *
 * <p>{@link vn.egov.sdk.signing.remote.RemoteSigningService} is the SPI (certificates of a user, submit hashes,
 * status of a transaction); {@link vn.egov.sdk.signing.remote.RemoteSignatureSource} adapts any service to a
 * {@link vn.egov.sdk.signing.SignatureSource}, waiting for the confirmation with a poll interval and a deadline;
 * {@link vn.egov.sdk.signing.remote.SmartCaClient} implements the SPI for VNPT SmartCA ("sp769" API), and
 * {@link vn.egov.sdk.signing.remote.Totp} makes the one-time codes of its "Tích hợp" variant.
 */
package vn.egov.sdk.signing.remote;
