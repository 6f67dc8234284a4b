package vn.egov.sdk.signing.cms;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureValue;

/**
 * Step 1 of three-step CMS signing: everything needed to finish the signature once a value comes back. Hand
 * {@link #dataToSign()} to any {@link vn.egov.sdk.signing.SignatureSource} (a token, an HSM, a remote service that
 * signs {@link DataToSign#digest()}), then call {@link CmsSigner#assemble}. Immutable.
 */
public final class PreparedCmsSignature {
    private final DataToSign dataToSign;
    private final byte[] signedAttributes;
    private final DigestAlgorithm digestAlgorithm;
    private final byte[] contentDigest;
    private final CmsPackaging packaging;
    private final byte[] content;
    private final List<X509Certificate> certificates;
    private final Instant signingTime;

    PreparedCmsSignature(DataToSign dataToSign, byte[] signedAttributes, DigestAlgorithm digestAlgorithm,
            byte[] contentDigest, CmsPackaging packaging, byte[] content, List<X509Certificate> certificates,
            Instant signingTime) {
        this.dataToSign = dataToSign;
        this.signedAttributes = signedAttributes.clone();
        this.digestAlgorithm = digestAlgorithm;
        this.contentDigest = contentDigest.clone();
        this.packaging = packaging;
        this.content = content == null ? null : content.clone();
        this.certificates = List.copyOf(certificates);
        this.signingTime = signingTime;
    }

    /**
     * What to sign: the DER of the signed attributes SET, and the signature algorithm.
     *
     * @return the bytes (the DER signed attributes) and algorithm a {@link vn.egov.sdk.signing.SignatureSource} signs
     */
    public DataToSign dataToSign() {
        return dataToSign;
    }

    /**
     * The content digest algorithm.
     *
     * @return the algorithm the content was digested with
     */
    public DigestAlgorithm digestAlgorithm() {
        return digestAlgorithm;
    }

    /**
     * The digest of the content, as the {@code messageDigest} attribute carries it (a copy).
     *
     * @return a fresh copy of the content digest
     */
    public byte[] contentDigest() {
        return contentDigest.clone();
    }

    /**
     * Detached or enveloping.
     *
     * @return {@link CmsPackaging#DETACHED} or {@link CmsPackaging#ENVELOPING}
     */
    public CmsPackaging packaging() {
        return packaging;
    }

    /**
     * The certificates the signature will carry, signer first.
     *
     * @return an unmodifiable list with the signer certificate first
     */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * The clock's time at preparation: in the signed attributes unless the signer leaves that attribute out.
     *
     * @return the preparation time, truncated to whole seconds
     */
    public Instant signingTime() {
        return signingTime;
    }

    /**
     * Whether a value a source returned completes this signature: it was made with the prepared algorithm and
     * verifies with the signer certificate's key over {@link #dataToSign()} (so the source signed this data with
     * the key of {@link #certificates()}' first certificate).
     *
     * @param value the signature value, or {@code null} (not accepted)
     * @return {@code true} if {@link CmsSigner#assemble} will accept {@code value}
     */
    public boolean accepts(SignatureValue value) {
        if (value == null || value.algorithm() != dataToSign.algorithm()) {
            return false;
        }
        try {
            Signature v = Signature.getInstance(dataToSign.algorithm().jcaName());
            v.initVerify(certificates.get(0).getPublicKey());
            v.update(signedAttributes);
            return v.verify(value.value());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    byte[] signedAttributes() {
        return signedAttributes.clone();
    }

    Optional<byte[]> content() {
        return Optional.ofNullable(content).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "PreparedCmsSignature[" + packaging + ", " + dataToSign.algorithm() + ", signer "
                + certificates.get(0).getSubjectX500Principal().getName() + ", " + signingTime + "]";
    }
}
