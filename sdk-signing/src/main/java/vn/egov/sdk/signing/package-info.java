/**
 * Signature utilities: keys and tokens ({@link vn.egov.sdk.signing.SigningKey}), three-step signing
 * ({@link vn.egov.sdk.signing.DataToSign} → a {@link vn.egov.sdk.signing.SignatureSource} →
 * {@link vn.egov.sdk.signing.SignatureValue} assembled by a format), XML-DSig for edXML, CMS, PAdES with a visible
 * stamp, validation against Vietnamese trust anchors ({@code vn.egov.sdk.signing.validation}) and remote signing.
 *
 * <p>Three-step signing, as EU DSS does it: a format (XML, CMS, PDF) first computes the exact bytes to be signed;
 * any {@link vn.egov.sdk.signing.SignatureSource} (a local key, a PKCS#11 token, an HSM, a remote signing service
 * that signs only a hash) turns them into a signature value; the format then assembles the signed document. The
 * middle step may happen in another process or minutes later.
 */
package vn.egov.sdk.signing;
