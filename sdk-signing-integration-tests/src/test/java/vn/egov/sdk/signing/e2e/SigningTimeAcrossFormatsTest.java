package vn.egov.sdk.signing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
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
 * Which time each format validates the signer's certificate at, with the real validator. A PKI is made 800 days
 * ago (its clock is then moved to the present, so its responders answer now); its GOOD signer signed then, while
 * valid, and has expired since. The rule all formats share: the certificate is validated at the time a trusted
 * timestamp proves, otherwise now; a claimed signing time (CMS signing-time, PDF {@code /M}) proves nothing.
 */
class SigningTimeAcrossFormatsTest {
    private static final Duration AGO = Duration.ofDays(800);
    private static final byte[] CONTENT = "Biên bản bàn giao".getBytes(StandardCharsets.UTF_8);

    private static final TravelClock CLOCK = new TravelClock();
    private static PkiServer server;
    private static TestPki past;
    private static TestPki stranger;
    private static Instant signedAt;

    @TempDir
    static Path dir;

    private static Formats.Signed xml;
    private static Formats.Signed cmsB;
    private static Formats.Signed padesBb;
    private static Formats.Signed padesBt;
    private static byte[] cmsT;
    private static byte[] cmsStrangerT;
    private static Path padesStrangerT;

    @BeforeAll
    static void signInThePast() throws Exception {
        server = new PkiServer();
        CLOCK.offset(AGO.negated());
        past = TestPki.create(server.baseUrl(), CLOCK);
        stranger = TestPki.create(server.baseUrl() + "/stranger", CLOCK);
        server.serve(past).route("/stranger" + TestPki.TSA_PATH, stranger::timestampResponse);
        signedAt = CLOCK.instant();
        String tsa = past.tsaUrl();
        xml = Formats.EDXML.sign(past.signer(Kind.GOOD), dir, tsa, CLOCK);
        cmsB = Formats.CMS_DETACHED.sign(past.signer(Kind.GOOD), dir, tsa, CLOCK);
        padesBb = Formats.PADES_BB.sign(past.signer(Kind.GOOD), dir, tsa, CLOCK);
        padesBt = Formats.PADES_BT.sign(past.signer(Kind.GOOD), dir, tsa, CLOCK);
        try (TimestampClient tsaClient = TimestampClient.builder().url(tsa).build();
                TimestampClient strangerClient = TimestampClient.builder().url(stranger.tsaUrl()).build()) {
            cmsT = CmsSigner.builder().source(past.signer(Kind.GOOD)).clock(CLOCK).timestamps(tsaClient).build()
                    .sign(CONTENT, CmsPackaging.DETACHED);
            cmsStrangerT = CmsSigner.builder().source(past.signer(Kind.GOOD)).clock(CLOCK)
                    .timestamps(strangerClient).build().sign(CONTENT, CmsPackaging.DETACHED);
        }
        padesStrangerT = dir.resolve("stranger-t.pdf");
        try (PdfSigner s = PdfSigner.builder().source(past.signer(Kind.GOOD)).clock(CLOCK)
                .timestampUrl(stranger.tsaUrl()).build()) {
            s.sign(Formats.pdf(dir.resolve("stranger-in.pdf")), padesStrangerT);
        }
        CLOCK.offset(Duration.ZERO); // back to the present: the responders now answer with today's time
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PkixCertificateValidator validator() {
        return PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(past.root()).build())
                .revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false).maxAttempts(1).build();
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        assertEquals(1, reports.size(), reports::toString);
        return reports.get(0);
    }

    private static void assertProvenThen(ValidationReport r) {
        assertEquals(Indication.VALID, r.indication(), r::toString);
        Instant t = r.signingTime().orElseThrow();
        assertTrue(Duration.between(signedAt, t).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "the timestamp's time " + t + " is when it was signed, " + signedAt);
        assertTrue(t.isBefore(past.signer(Kind.GOOD).certificate().getNotAfter().toInstant()));
        assertEquals(RevocationStatus.GOOD, r.revocation().status(), r.revocation()::toString);
        // the PKI's delegated OCSP responder certificate (valid a year from then) has expired since: its answer
        // is refused and the CRL, signed by the still valid CA, decides
        assertEquals("CRL", r.revocation().source(), r.revocation()::toString);
        assertTrue(r.revocation().detail().contains("not valid now"), r.revocation().detail());
    }

    private static void assertExpiredNow(ValidationReport r) {
        assertEquals(Indication.INVALID, r.indication(), r::toString);
        assertEquals(Optional.of(SubIndication.EXPIRED), r.subIndication(), r::toString);
    }

    @Test
    void theSignerHasExpiredSinceSigning() {
        Instant notAfter = past.signer(Kind.GOOD).certificate().getNotAfter().toInstant();
        assertTrue(notAfter.isAfter(signedAt) && notAfter.isBefore(Instant.now()), "valid then, expired now");
    }

    @Test
    void padesBtIsValidAtTheTimestampsTimeAndBbIsNot() {
        try (PkixCertificateValidator v = validator()) {
            assertProvenThen(padesBt.verify(v));
            assertExpiredNow(padesBb.verify(v));
        }
    }

    @Test
    void cmsWithATrustedTimestampIsValidAndWithoutOneIsNot() {
        try (PkixCertificateValidator v = validator()) {
            assertProvenThen(only(CmsVerifier.builder().validator(v).build().verifyDetached(cmsT, CONTENT)));
            ValidationReport claimedOnly = cmsB.verify(v);
            assertExpiredNow(claimedOnly);
            assertTrue(claimedOnly.signingTime().isPresent(), "the claimed time is reported, not trusted");
        }
    }

    @Test
    void xmlDsigHasNoProvenTimeAndIsValidatedNow() {
        try (PkixCertificateValidator v = validator()) {
            ValidationReport r = xml.verify(v);
            assertExpiredNow(r);
            assertTrue(r.signingTime().isEmpty(), "XML-DSig carries no signing time");
        }
    }

    @Test
    void anUntrustedAuthoritysTimeIsNotUsedByCmsOrPdf() {
        try (PkixCertificateValidator v = validator()) {
            ValidationReport cms = only(CmsVerifier.builder().validator(v).build().verifyDetached(cmsStrangerT,
                    CONTENT));
            ValidationReport pdf = only(PdfSignatureVerifier.builder().validator(v).build().verify(padesStrangerT));
            for (ValidationReport r : List.of(cms, pdf)) {
                assertExpiredNow(r);
                assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not trusted")), r.warnings()::toString);
            }
        }
    }
}
