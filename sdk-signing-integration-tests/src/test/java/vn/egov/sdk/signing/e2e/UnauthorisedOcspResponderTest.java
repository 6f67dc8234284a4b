package vn.egov.sdk.signing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.RevocationStatus;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.TestPki.Kind;

/**
 * An attacker holding a certificate the licensed CA issued, but not for OCSP signing (no {@code id-kp-OCSPSigning}),
 * stands where the CA's OCSP responder is and answers "good" for a revoked signer. Its answers must be refused: the
 * CRL then tells the truth, and without a CRL the revocation status is unknown, never good.
 */
class UnauthorisedOcspResponderTest {
    private static PkiServer server;
    private static TestPki pki;
    private static SigningKey rogue;
    private static final AtomicInteger FORGED = new AtomicInteger();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = new PkiServer();
        pki = TestPki.create(server.baseUrl());
        rogue = pki.unauthorisedOcspResponder();
        server.route(TestPki.OCSP_PATH, UnauthorisedOcspResponderTest::forgedGood)
                .route(TestPki.TSA_PATH, pki::timestampResponse);
    }

    @BeforeEach
    void crlServed() {
        server.route(TestPki.CRL_PATH, ignored -> pki.crl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** "Good" for every certificate asked about, signed by the unauthorised responder, nonce echoed. */
    private static byte[] forgedGood(byte[] requestDer) {
        try {
            FORGED.incrementAndGet();
            OCSPReq req = new OCSPReq(requestDer);
            X509CertificateHolder holder = new X509CertificateHolder(rogue.certificate().getEncoded());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(holder.getSubject()));
            Date now = new Date();
            for (Req r : req.getRequestList()) {
                b.addResponse(r.getCertID(), CertificateStatus.GOOD, now,
                        Date.from(Instant.now().plus(Duration.ofHours(1))));
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(rogue.privateKey()),
                    new X509CertificateHolder[] {holder,
                            new X509CertificateHolder(pki.ca().getEncoded())}, now);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationReport verify(Formats f, Kind kind) {
        Formats.Signed signed = f.sign(pki.signer(kind), dir, pki.tsaUrl(), Clock.systemUTC());
        try (PkixCertificateValidator v = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(pki.root()).build())
                .revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false).maxAttempts(1).build()) {
            return signed.verify(v);
        }
    }

    @Test
    void theResponderReallyIsIssuedByTheCaButNotForOcsp() throws Exception {
        rogue.certificate().verify(pki.ca().getPublicKey());
        assertTrue(rogue.certificate().getExtendedKeyUsage() == null
                || !rogue.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.9"));
    }

    @ParameterizedTest
    @EnumSource(value = Formats.class, names = {"CMS_DETACHED", "PADES_BB"})
    void aForgedGoodDoesNotHideARevocation(Formats f) {
        int before = FORGED.get();

        ValidationReport r = verify(f, Kind.REVOKED);

        assertTrue(FORGED.get() > before, "the validator did ask the forging responder");
        assertEquals(Indication.INVALID, r.indication(), r::toString);
        assertEquals(Optional.of(SubIndication.REVOKED), r.subIndication(), r::toString);
        assertEquals("CRL", r.revocation().source(), r.revocation()::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Formats.class, names = {"CMS_DETACHED", "PADES_BB"})
    void withoutACrlTheForgedAnswerLeavesTheStatusUnknownNotGood(Formats f) {
        server.route(TestPki.CRL_PATH, ignored -> null);

        ValidationReport good = verify(f, Kind.GOOD);

        assertEquals(Indication.INDETERMINATE, good.indication(), good::toString);
        assertEquals(Optional.of(SubIndication.TRY_LATER), good.subIndication(), good::toString);
        assertEquals(RevocationStatus.UNKNOWN, good.revocation().status(), good.revocation()::toString);
        assertTrue(good.reason().contains("OCSP"), good.reason());
    }
}
