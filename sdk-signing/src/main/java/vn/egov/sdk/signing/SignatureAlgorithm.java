package vn.egov.sdk.signing;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/** A signature algorithm: key type plus digest, with its names in each format. */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-1: only for older receivers (the axis' reference library emits it); weak. */
    RSA_SHA1("RSA", DigestAlgorithm.SHA1, "SHA1withRSA", "1.2.840.113549.1.1.5",
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
    /** RSA PKCS#1 v1.5 with SHA-256, the default for RSA keys. */
    RSA_SHA256("RSA", DigestAlgorithm.SHA256, "SHA256withRSA", "1.2.840.113549.1.1.11",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"),
    /** RSA PKCS#1 v1.5 with SHA-384. */
    RSA_SHA384("RSA", DigestAlgorithm.SHA384, "SHA384withRSA", "1.2.840.113549.1.1.12",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384"),
    /** RSA PKCS#1 v1.5 with SHA-512. */
    RSA_SHA512("RSA", DigestAlgorithm.SHA512, "SHA512withRSA", "1.2.840.113549.1.1.13",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"),
    /** ECDSA with SHA-256, the default for EC keys. */
    ECDSA_SHA256("EC", DigestAlgorithm.SHA256, "SHA256withECDSA", "1.2.840.10045.4.3.2",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"),
    /** ECDSA with SHA-384. */
    ECDSA_SHA384("EC", DigestAlgorithm.SHA384, "SHA384withECDSA", "1.2.840.10045.4.3.3",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"),
    /** ECDSA with SHA-512. */
    ECDSA_SHA512("EC", DigestAlgorithm.SHA512, "SHA512withECDSA", "1.2.840.10045.4.3.4",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");

    private final String keyAlgorithm;
    private final DigestAlgorithm digest;
    private final String jcaName;
    private final String oid;
    private final String xmlUri;

    SignatureAlgorithm(String keyAlgorithm, DigestAlgorithm digest, String jcaName, String oid, String xmlUri) {
        this.keyAlgorithm = keyAlgorithm;
        this.digest = digest;
        this.jcaName = jcaName;
        this.oid = oid;
        this.xmlUri = xmlUri;
    }

    /**
     * The key algorithm: {@code RSA} or {@code EC}.
     *
     * @return {@code RSA} or {@code EC}, the JCA key algorithm a signing key must have
     */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /**
     * The digest the signature is computed over.
     *
     * @return the digest algorithm hashed before signing; never null
     */
    public DigestAlgorithm digest() {
        return digest;
    }

    /**
     * The JCA name ({@code SHA256withRSA}).
     *
     * @return the name for {@link java.security.Signature#getInstance(String)}, for example {@code SHA256withRSA}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * The ASN.1 object identifier.
     *
     * @return the dotted object identifier, as written in CMS and X.509
     */
    public String oid() {
        return oid;
    }

    /**
     * The XML-DSig {@code SignatureMethod} URI.
     *
     * @return the {@code SignatureMethod Algorithm} URI used in XML-DSig
     */
    public String xmlUri() {
        return xmlUri;
    }

    /**
     * Whether the digest is weak (SHA-1).
     *
     * @return {@code true} when the digest is SHA-1, so signatures made with it are reported as weak
     */
    public boolean isWeak() {
        return digest.isWeak();
    }

    /**
     * The algorithm for a key and a digest.
     *
     * @param keyAlgorithm the JCA key algorithm: {@code RSA}, {@code EC} or {@code ECDSA}
     * @param digest the digest to sign with
     * @return the algorithm combining that key type and digest
     * @throws ValidationException if the key is neither RSA nor EC
     */
    public static SignatureAlgorithm of(String keyAlgorithm, DigestAlgorithm digest) {
        String key = "ECDSA".equals(keyAlgorithm) ? "EC" : keyAlgorithm;
        for (SignatureAlgorithm a : values()) {
            if (a.keyAlgorithm.equals(key) && a.digest == digest) {
                return a;
            }
        }
        throw ValidationException.of("signing.algorithm", "SignatureAlgorithm",
                "no signature algorithm for a " + keyAlgorithm + " key with " + digest.jcaName()
                        + " (RSA and EC keys are supported)");
    }

    /**
     * The algorithm for a public key and a digest.
     *
     * @param key the public key (its {@link PublicKey#getAlgorithm()} chooses RSA or ECDSA)
     * @param digest the digest to sign with
     * @return the algorithm combining the key's type and the digest
     * @throws ValidationException if the key is neither RSA nor EC
     */
    public static SignatureAlgorithm of(PublicKey key, DigestAlgorithm digest) {
        return of(key.getAlgorithm(), digest);
    }

    /**
     * The algorithm with this OID, if the SDK knows it.
     *
     * @param oid a dotted signature-algorithm object identifier, for example from a CMS {@code signatureAlgorithm}
     * @return the matching algorithm, or empty when the OID is unknown or {@code null}
     */
    public static Optional<SignatureAlgorithm> fromOid(String oid) {
        return Arrays.stream(values()).filter(a -> a.oid.equals(oid)).findFirst();
    }

    /**
     * The algorithm with this XML-DSig URI, if the SDK knows it.
     *
     * @param uri an XML-DSig {@code SignatureMethod Algorithm} URI
     * @return the matching algorithm, or empty when the URI is unknown or {@code null}
     */
    public static Optional<SignatureAlgorithm> fromXmlUri(String uri) {
        return Arrays.stream(values()).filter(a -> a.xmlUri.equals(uri)).findFirst();
    }
}
