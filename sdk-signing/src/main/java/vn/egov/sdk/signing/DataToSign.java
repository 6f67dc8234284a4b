package vn.egov.sdk.signing;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * Step 1 of three-step signing: the exact bytes a format wants signed (XML {@code SignedInfo} canonicalised, CMS
 * signed attributes, …) and the algorithm to sign them with. Immutable.
 *
 * <p>A signer holding the key signs {@link #bytes()} with {@link #algorithm()}; a remote service that signs only a
 * hash gets {@link #digest()} (RSA services wrap it in {@link #digestInfo()} themselves; a raw RSA device can sign
 * the {@code DigestInfo} with {@code NONEwithRSA}).
 */
public final class DataToSign {
    private final byte[] bytes;
    private final SignatureAlgorithm algorithm;

    /**
     * @param bytes the bytes to sign (copied)
     * @param algorithm the signature algorithm
     */
    public DataToSign(byte[] bytes, SignatureAlgorithm algorithm) {
        if (bytes == null || algorithm == null) {
            throw vn.egov.sdk.core.ValidationException.of("signing.dataToSign", "DataToSign",
                    "bytes and algorithm are required");
        }
        this.bytes = bytes.clone();
        this.algorithm = algorithm;
    }

    /**
     * The bytes to sign (a copy).
     *
     * @return a fresh copy of the bytes to sign; never empty
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The signature algorithm.
     *
     * @return the algorithm the signer must use; never null
     */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The digest of {@link #bytes()} with the algorithm's digest: what a hash-signing service signs.
     *
     * @return a fresh array holding the digest of {@link #bytes()} computed with {@code algorithm().digest()}
     */
    public byte[] digest() {
        return algorithm.digest().digest(bytes);
    }

    /**
     * The DER {@code DigestInfo} (digest algorithm + {@link #digest()}) an RSA PKCS#1 v1.5 signature wraps.
     *
     * @return the DER-encoded {@code DigestInfo} (digest algorithm OID with NULL parameters, then the digest)
     */
    public byte[] digestInfo() {
        try {
            AlgorithmIdentifier id = new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.digest().oid()),
                    DERNull.INSTANCE);
            return new DigestInfo(id, digest()).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a DigestInfo", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataToSign d && d.algorithm == algorithm && Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + algorithm.hashCode();
    }

    @Override
    public String toString() {
        return "DataToSign[" + algorithm + ", " + bytes.length + " bytes, digest "
                + HexFormat.of().formatHex(digest()) + "]";
    }
}
