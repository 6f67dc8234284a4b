package vn.egov.sdk.signing.internal.cms;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/** Reads and verifies RFC 3161 tokens with Bouncy Castle, using the JDK's digests and signatures. */
public final class TimestampTokens {
    /** The largest token accepted (a token with a long chain is a few kilobytes). */
    public static final int MAX_TOKEN_BYTES = 256 * 1024;

    private TimestampTokens() {
    }

    /**
     * What a verified token says.
     *
     * @param der the token's DER
     * @param genTime the authority's time
     * @param tsaCertificate the certificate that verified it
     * @param certificates every certificate it carried
     * @param imprintAlgorithmOid the digest OID of the timestamped data
     * @param imprint the digest of the timestamped data
     * @param serialNumber the token's serial
     * @param policy the authority's policy OID, or empty
     */
    public record Verified(byte[] der, java.time.Instant genTime, X509Certificate tsaCertificate,
            List<X509Certificate> certificates, String imprintAlgorithmOid, byte[] imprint,
            java.math.BigInteger serialNumber, String policy) {
    }

    /**
     * Reads a token and verifies it with the authority certificate it carries. Its encoding must follow the CMS
     * rule ({@link CmsEncoding}): DER where the token depends on it.
     *
     * @throws VerificationException if it is not so encoded, does not parse, lacks its certificate, or does not
     *     verify
     */
    public static Verified verify(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_TOKEN_BYTES) {
            throw fail("the timestamp token is empty or larger than " + MAX_TOKEN_BYTES + " bytes", null);
        }
        // on the bytes as given: Bouncy Castle re-encodes the signed attributes before verifying them
        CmsEncoding.Result encoding = CmsEncoding.check(der);
        if (encoding.problem().isPresent()) {
            throw fail("the timestamp token's encoding is not acceptable (" + encoding.problem().get() + ")", null);
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(der));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw fail("the timestamp token is malformed: " + Causes.describe(e), e);
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.size() != 1) {
            throw fail("the timestamp token does not carry exactly one certificate of its authority (found "
                    + matches.size() + "); ask the authority to include it (certReq)", null);
        }
        X509CertificateHolder tsa = matches.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (TSPException | OperatorCreationException | CertificateException | RuntimeException e) {
            throw fail("the timestamp token does not verify: " + Causes.describe(e), e);
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        try {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            List<X509Certificate> all = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(null);
            for (X509CertificateHolder h : carried) {
                all.add(conv.getCertificate(h));
            }
            return new Verified(token.getEncoded(), info.getGenTime().toInstant(),
                    conv.getCertificate(tsa), all, info.getMessageImprintAlgOID().getId(),
                    info.getMessageImprintDigest(), info.getSerialNumber(),
                    info.getPolicy() == null ? "" : info.getPolicy().getId());
        } catch (CertificateException | IOException e) {
            throw fail("the timestamp token's certificates cannot be read: " + Causes.describe(e), e);
        }
    }

    /** Whether {@code imprint} is the digest of {@code data} with the algorithm {@code oid}. */
    public static boolean covers(String oid, byte[] imprint, byte[] data) {
        try {
            java.util.Optional<vn.egov.sdk.signing.DigestAlgorithm> known =
                    vn.egov.sdk.signing.DigestAlgorithm.fromOid(oid);
            MessageDigest md = known.isPresent() ? known.get().newMessageDigest() : MessageDigest.getInstance(oid);
            return MessageDigest.isEqual(md.digest(data), imprint);
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static VerificationException fail(String message, Throwable cause) {
        return new VerificationException(message, ErrorDetails.of(Fault.VERIFICATION, false), cause);
    }
}
