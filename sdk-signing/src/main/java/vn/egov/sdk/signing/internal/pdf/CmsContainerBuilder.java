package vn.egov.sdk.signing.internal.pdf;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureValue;

/**
 * Builds the CAdES (PAdES baseline) CMS container of a PDF signature in two steps, so the signature value can come
 * from anywhere in between. Kept small so the PDF code can later switch to the SDK's shared CMS signer.
 */
public interface CmsContainerBuilder {

    /**
     * The DER {@code SET OF Attribute} to sign: content-type {@code id-data}, message-digest and
     * signing-certificate-v2; no signing-time (PAdES carries the claimed time in the signature dictionary).
     *
     * @param contentDigest the digest of the signed content (the PDF byte ranges)
     * @param digest the digest algorithm used
     * @param signer the signer certificate
     */
    byte[] signedAttributes(byte[] contentDigest, DigestAlgorithm digest, X509Certificate signer);

    /**
     * The DER {@code ContentInfo} of a detached {@code SignedData} with one signer.
     *
     * @param signedAttributes exactly what {@link #signedAttributes} returned
     * @param value the signature over those bytes
     * @param chain signer certificate first, then its intermediates
     * @param timestampToken the DER RFC 3161 token over the signature value, added as an unsigned attribute
     */
    byte[] assemble(byte[] signedAttributes, SignatureValue value, List<X509Certificate> chain,
            Optional<byte[]> timestampToken);
}
