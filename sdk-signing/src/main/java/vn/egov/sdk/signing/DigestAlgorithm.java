package vn.egov.sdk.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** A message digest the SDK signs or verifies with, with its names in each format. */
public enum DigestAlgorithm {
    /** SHA-1: still emitted by the national axis' reference library; weak, accepted only with a warning. */
    SHA1("SHA-1", "1.3.14.3.2.26", "http://www.w3.org/2000/09/xmldsig#sha1", true),
    /** SHA-256, the default. */
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", "http://www.w3.org/2001/04/xmlenc#sha256", false),
    /** SHA-384. */
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", "http://www.w3.org/2001/04/xmldsig-more#sha384", false),
    /** SHA-512. */
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", "http://www.w3.org/2001/04/xmlenc#sha512", false);

    private final String jcaName;
    private final String oid;
    private final String xmlUri;
    private final boolean weak;

    DigestAlgorithm(String jcaName, String oid, String xmlUri, boolean weak) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.xmlUri = xmlUri;
        this.weak = weak;
    }

    /**
     * The JCA name ({@code SHA-256}).
     *
     * @return the name to pass to {@link MessageDigest#getInstance(String)}, for example {@code SHA-256}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * The ASN.1 object identifier (CMS, timestamps, OCSP).
     *
     * @return the dotted object identifier, for example {@code 2.16.840.1.101.3.4.2.1}
     */
    public String oid() {
        return oid;
    }

    /**
     * The XML-DSig {@code DigestMethod} URI.
     *
     * @return the {@code DigestMethod Algorithm} URI used in XML-DSig
     */
    public String xmlUri() {
        return xmlUri;
    }

    /**
     * Whether collisions are practical (SHA-1): signatures using it are reported as weak.
     *
     * @return {@code true} for SHA-1, {@code false} for the SHA-2 family
     */
    public boolean isWeak() {
        return weak;
    }

    /**
     * A new digest instance.
     *
     * @return a new, unshared {@link MessageDigest}; callers may use it from one thread only
     */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    /**
     * The digest of {@code data}.
     *
     * @param data the bytes to digest; not modified
     * @return a new array with the digest of {@code data}
     */
    public byte[] digest(byte[] data) {
        return newMessageDigest().digest(data);
    }

    /**
     * The algorithm with this OID, if the SDK knows it.
     *
     * @param oid a dotted object identifier, for example from a CMS {@code digestAlgorithm}
     * @return the matching algorithm, or empty when the OID is unknown or {@code null}
     */
    public static Optional<DigestAlgorithm> fromOid(String oid) {
        return Arrays.stream(values()).filter(d -> d.oid.equals(oid)).findFirst();
    }

    /**
     * The algorithm with this XML-DSig URI, if the SDK knows it.
     *
     * @param uri an XML-DSig {@code DigestMethod Algorithm} URI
     * @return the matching algorithm, or empty when the URI is unknown or {@code null}
     */
    public static Optional<DigestAlgorithm> fromXmlUri(String uri) {
        return Arrays.stream(values()).filter(d -> d.xmlUri.equals(uri)).findFirst();
    }
}
