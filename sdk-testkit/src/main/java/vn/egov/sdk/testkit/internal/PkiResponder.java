package vn.egov.sdk.testkit.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** The test PKI's services as pure functions: CRL, OCSP responses and RFC 3161 timestamps. Thread-safe. */
public final class PkiResponder {
    /** The policy OID of the test TSA's tokens. */
    public static final String TSA_POLICY = "1.3.6.1.4.1.99999.1.1";

    private final Clock clock;
    private final PkiIssuer.Issued ca;
    private final PkiIssuer.Issued ocsp;
    private final PkiIssuer.Issued tsa;
    private final Map<BigInteger, Instant> revoked;
    private final Set<BigInteger> known;
    private final AtomicLong serials = new AtomicLong(1);
    private final DigestCalculatorProvider digests;

    /**
     * @param clock the responders' time
     * @param ca the issuing CA (signs the CRL)
     * @param ocsp the delegated OCSP responder
     * @param tsa the timestamp authority
     * @param revoked revoked serials and when
     * @param known every serial the CA issued (others are UNKNOWN to OCSP)
     */
    public PkiResponder(Clock clock, PkiIssuer.Issued ca, PkiIssuer.Issued ocsp, PkiIssuer.Issued tsa,
            Map<BigInteger, Instant> revoked, Set<BigInteger> known) {
        this.clock = clock;
        this.ca = ca;
        this.ocsp = ocsp;
        this.tsa = tsa;
        this.revoked = Map.copyOf(revoked);
        this.known = Set.copyOf(known);
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA's CRL (DER), this update now, next update in 7 days. */
    public byte[] crl() {
        return crl(clock, ca, revoked);
    }

    /**
     * A CRL (DER) of {@code issuer} listing {@code revoked}, this update now, next update in 7 days.
     *
     * @param clock the time
     * @param ca the CA that signs it
     * @param revoked revoked serials and when
     */
    public static byte[] crl(Clock clock, PkiIssuer.Issued ca, Map<BigInteger, Instant> revoked) {
        try {
            Instant now = clock.instant();
            X500Name issuerName = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuerName, Date.from(now.minus(Duration.ofMinutes(1))));
            b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            revoked.forEach((serial, at) -> b.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test CRL", e);
        }
    }

    /** The CRL as a JDK object. */
    public X509CRL crlObject() {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OCSP response to a DER request; {@code malformedRequest} when it does not parse. */
    public byte[] ocsp(byte[] requestDer) {
        try {
            OCSPReq req;
            try {
                req = new OCSPReq(requestDer);
            } catch (Exception malformed) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            Instant now = clock.instant();
            X509CertificateHolder caHolder = new X509CertificateHolder(ca.certificate().getEncoded());
            X509CertificateHolder responderHolder = new X509CertificateHolder(ocsp.certificate().getEncoded());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(
                    responderHolder.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
            for (Req r : req.getRequestList()) {
                CertificateID id = r.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(caHolder, digests)) {
                    status = new UnknownStatus();
                } else if (revoked.containsKey(id.getSerialNumber())) {
                    status = new RevokedStatus(Date.from(revoked.get(id.getSerialNumber())), CRLReason.keyCompromise);
                } else if (known.contains(id.getSerialNumber())) {
                    status = CertificateStatus.GOOD;
                } else {
                    status = new UnknownStatus();
                }
                b.addResponse(id, status, Date.from(now.minus(Duration.ofMinutes(1))),
                        Date.from(now.plus(Duration.ofDays(1))));
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ocsp.keys().getPrivate()),
                    new X509CertificateHolder[] {responderHolder}, Date.from(now));
            OCSPResp resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return resp.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test OCSP response", e);
        }
    }

    /** The RFC 3161 response to a DER request, or a rejection response when it is malformed. */
    public byte[] timestamp(byte[] requestDer) {
        try {
            TimeStampTokenGenerator gen = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .build("SHA256withRSA", tsa.keys().getPrivate(), tsa.certificate()),
                    digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(TSA_POLICY));
            gen.addCertificates(new JcaCertStore(List.of(tsa.certificate(), ca.certificate())));
            TimeStampResponseGenerator rg = new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED);
            TimeStampRequest req;
            try {
                req = new TimeStampRequest(requestDer);
            } catch (Exception malformed) {
                return rg.generateRejectedResponse(new org.bouncycastle.tsp.TSPValidationException(
                        "malformed request", org.bouncycastle.asn1.cmp.PKIFailureInfo.badDataFormat)).getEncoded();
            }
            TimeStampResponse resp = rg.generate(req, BigInteger.valueOf(serials.getAndIncrement()),
                    Date.from(clock.instant()));
            return resp.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test timestamp", e);
        }
    }
}
