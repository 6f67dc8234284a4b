package vn.egov.sdk.signing.timestamp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.signing.internal.cms.TimestampTokens;

/**
 * An RFC 3161 timestamp token whose signature has been verified with the timestamp authority's certificate it
 * carries (that certificate has the critical, sole extended key usage {@code timeStamping} and was valid at
 * {@link #genTime()}). Whether that authority is trusted is a separate question: a validator decides it. Immutable.
 */
public final class TimestampToken {
    private final byte[] der;
    private final Instant genTime;
    private final X509Certificate tsaCertificate;
    private final List<X509Certificate> certificates;
    private final String imprintAlgorithmOid;
    private final byte[] imprint;
    private final BigInteger serialNumber;
    private final String policy;

    private TimestampToken(TimestampTokens.Verified v) {
        this.der = v.der().clone();
        this.genTime = v.genTime();
        this.tsaCertificate = v.tsaCertificate();
        this.certificates = List.copyOf(v.certificates());
        this.imprintAlgorithmOid = v.imprintAlgorithmOid();
        this.imprint = v.imprint().clone();
        this.serialNumber = v.serialNumber();
        this.policy = v.policy();
    }

    /**
     * Reads and verifies a token: the signature verifies with the authority's certificate in the token, which has
     * the critical sole EKU {@code timeStamping} and was valid at the token's time.
     *
     * @param der the token (DER {@code ContentInfo})
     * @return the verified token
     * @throws VerificationException if it is not a token or does not verify; the message says why
     */
    public static TimestampToken verify(byte[] der) {
        return new TimestampToken(TimestampTokens.verify(der));
    }

    /**
     * The token's DER encoding (a copy).
     *
     * @return a fresh copy of the DER {@code ContentInfo}
     */
    public byte[] der() {
        return der.clone();
    }

    /**
     * The time the authority vouches for ({@code genTime}).
     *
     * @return the {@code genTime} of the token's {@code TSTInfo}
     */
    public Instant genTime() {
        return genTime;
    }

    /**
     * The authority's certificate that verified the token.
     *
     * @return the certificate whose key verified the token's signature
     */
    public X509Certificate tsaCertificate() {
        return tsaCertificate;
    }

    /**
     * Every certificate the token carried (the authority's and its intermediates, as sent).
     *
     * @return an unmodifiable list, in the order the token carried them
     */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * The OID of the digest algorithm of the timestamped data.
     *
     * @return the dotted OID of the imprint's digest algorithm, for example {@code 2.16.840.1.101.3.4.2.1}
     */
    public String imprintAlgorithmOid() {
        return imprintAlgorithmOid;
    }

    /**
     * The digest of the timestamped data (a copy).
     *
     * @return a fresh copy of the message imprint's digest
     */
    public byte[] imprint() {
        return imprint.clone();
    }

    /**
     * Whether the token timestamps {@code data}: its imprint equals the digest of {@code data}.
     *
     * @param data the data that was timestamped (for a CAdES signature timestamp, the signature value)
     * @return {@code true} if the imprint is the digest of {@code data}; {@code false} for other data or {@code null}
     */
    public boolean covers(byte[] data) {
        return TimestampTokens.covers(imprintAlgorithmOid, imprint, data);
    }

    /**
     * The token's serial number.
     *
     * @return the {@code serialNumber} of the token's {@code TSTInfo}, unique per authority
     */
    public BigInteger serialNumber() {
        return serialNumber;
    }

    /**
     * The authority's policy OID.
     *
     * @return the dotted policy OID of the token's {@code TSTInfo}; never null
     */
    public String policy() {
        return policy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampToken t && Arrays.equals(t.der, der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "TimestampToken[" + genTime + ", serial " + serialNumber + ", by "
                + tsaCertificate.getSubjectX500Principal().getName() + ", imprint "
                + HexFormat.of().formatHex(imprint) + "]";
    }
}
