package vn.egov.sdk.signing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.timestamp.TimestampClient;
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
 * A signer whose certificate was revoked after a trusted timestamp proved the signature existed: PAdES B-T and
 * CAdES-T stay VALID (with a warning naming the later revocation, from the CA's live OCSP responder); the same
 * signer's signatures without a timestamp are INVALID/REVOKED, since nothing proves they were made before.
 */
class RevokedAfterTimestampTest {
    private static final byte[] CONTENT = "Tờ trình số 3/TTr-UBND".getBytes(StandardCharsets.UTF_8);
    private static final TravelClock CLOCK = new TravelClock();
    private static PkiServer server;
    private static TestPki pki;

    @TempDir
    static Path dir;

    private static Formats.Signed padesBt;
    private static Formats.Signed padesBb;
    private static Formats.Signed cmsB;
    private static byte[] cmsT;

    @BeforeAll
    static void signBeforeTheRevocation() throws Exception {
        server = new PkiServer();
        CLOCK.offset(Duration.ofDays(-10));
        pki = TestPki.create(server.baseUrl(), CLOCK); // the REVOKED signer is revoked an hour before this
        server.serve(pki);
        CLOCK.offset(Duration.ofDays(-10).minusHours(2)); // two hours before the PKI: an hour before the revocation
        padesBt = Formats.PADES_BT.sign(pki.signer(Kind.REVOKED), dir, pki.tsaUrl(), CLOCK);
        padesBb = Formats.PADES_BB.sign(pki.signer(Kind.REVOKED), dir, pki.tsaUrl(), CLOCK);
        cmsB = Formats.CMS_DETACHED.sign(pki.signer(Kind.REVOKED), dir, pki.tsaUrl(), CLOCK);
        try (TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).build()) {
            cmsT = CmsSigner.builder().source(pki.signer(Kind.REVOKED)).clock(CLOCK).timestamps(tsa).build()
                    .sign(CONTENT, CmsPackaging.DETACHED);
        }
        CLOCK.offset(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PkixCertificateValidator validator() {
        return PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(pki.root()).build())
                .revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false).maxAttempts(1).build();
    }

    private static void assertValidRevokedLater(ValidationReport r) {
        assertEquals(Indication.VALID, r.indication(), r::toString);
        assertTrue(r.signingTime().orElseThrow().isBefore(pki.revokedAt()), r::toString);
        assertEquals(RevocationStatus.REVOKED, r.revocation().status(), r.revocation()::toString);
        assertEquals("OCSP", r.revocation().source());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("after the signing time")), r.warnings()::toString);
    }

    private static void assertRevoked(ValidationReport r) {
        assertEquals(Indication.INVALID, r.indication(), r::toString);
        assertEquals(Optional.of(SubIndication.REVOKED), r.subIndication(), r::toString);
    }

    @Test
    void padesBtStaysValidAndBbDoesNot() {
        try (PkixCertificateValidator v = validator()) {
            assertValidRevokedLater(padesBt.verify(v));
            assertRevoked(padesBb.verify(v));
        }
    }

    @Test
    void cadesTStaysValidAndBDoesNotEvenWithAnEarlierClaimedTime() {
        try (PkixCertificateValidator v = validator()) {
            List<ValidationReport> t = CmsVerifier.builder().validator(v).build().verifyDetached(cmsT, CONTENT);
            assertEquals(1, t.size());
            assertValidRevokedLater(t.get(0));
            ValidationReport b = cmsB.verify(v);
            assertTrue(b.signingTime().orElseThrow().isBefore(pki.revokedAt()), "claimed before the revocation");
            assertRevoked(b);
        }
    }
}
