package vn.egov.sdk.signing.internal.cms;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;

/** Algorithm identifiers the CMS code writes, and the algorithm policy it reads them with. */
public final class CmsAlgorithms {
    /** The smallest RSA modulus not reported as weak. */
    public static final int MIN_RSA_BITS = 2048;
    /** The smallest EC field not reported as weak. */
    public static final int MIN_EC_BITS = 256;

    private static final Map<String, String> WEAK_DIGESTS = Map.of(
            "1.2.840.113549.2.5", "MD5",
            "1.2.840.113549.2.2", "MD2",
            "1.3.14.3.2.26", "SHA-1");
    private static final Map<String, String> WEAK_SIGNATURES = Map.of(
            "1.2.840.113549.1.1.4", "MD5 with RSA",
            "1.2.840.113549.1.1.2", "MD2 with RSA",
            "1.2.840.113549.1.1.5", "SHA-1 with RSA",
            "1.3.14.3.2.29", "SHA-1 with RSA",
            "1.2.840.10045.4.1", "ECDSA with SHA-1",
            "1.2.840.10040.4.3", "DSA with SHA-1");

    private CmsAlgorithms() {
    }

    /** The digest's identifier, parameters absent (RFC 5754). */
    public static AlgorithmIdentifier digestId(DigestAlgorithm digest) {
        return new AlgorithmIdentifier(new ASN1ObjectIdentifier(digest.oid()));
    }

    /** The signature algorithm's identifier: NULL parameters for RSA, absent for ECDSA (RFC 4055, RFC 5758). */
    public static AlgorithmIdentifier signatureId(SignatureAlgorithm algorithm) {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(algorithm.oid());
        return "RSA".equals(algorithm.keyAlgorithm()) ? new AlgorithmIdentifier(oid, DERNull.INSTANCE)
                : new AlgorithmIdentifier(oid);
    }

    /** The name of a digest OID that is too weak to trust, if it is one. */
    public static Optional<String> weakDigest(String oid) {
        return Optional.ofNullable(WEAK_DIGESTS.get(oid));
    }

    /**
     * What is weak about a signature: its digest, its signature algorithm, its key size.
     *
     * @param digestOid the SignerInfo's digest algorithm
     * @param signatureOid the SignerInfo's signature algorithm
     * @param key the signer's public key
     * @return a sentence naming every weakness, or empty
     */
    public static Optional<String> weakness(String digestOid, String signatureOid, PublicKey key) {
        List<String> found = new ArrayList<>();
        weakDigest(digestOid).ifPresent(d -> found.add("the digest is " + d));
        String sig = WEAK_SIGNATURES.get(signatureOid);
        if (sig != null && !found.contains("the digest is " + sigDigest(sig))) {
            found.add("the signature algorithm is " + sig);
        }
        keyWeakness(key).ifPresent(found::add);
        return found.isEmpty() ? Optional.empty()
                : Optional.of("weak algorithm: " + String.join(", ", found));
    }

    private static String sigDigest(String signatureName) {
        return signatureName.substring(0, signatureName.indexOf(' '));
    }

    /** What is weak about a public key, if anything. */
    public static Optional<String> keyWeakness(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return Optional.of("the signer's RSA key has " + rsa.getModulus().bitLength() + " bits (at least "
                    + MIN_RSA_BITS + " are required)");
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS) {
            return Optional.of("the signer's EC key has " + ec.getParams().getCurve().getField().getFieldSize()
                    + " bits (at least " + MIN_EC_BITS + " are required)");
        }
        if (key instanceof DSAPublicKey) {
            return Optional.of("the signer's key is DSA, which is no longer accepted");
        }
        return Optional.empty();
    }
}
