package vn.egov.sdk.signing.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * A trusted signature timestamp proves when the signature existed: the signer's certificate is validated at its
 * time. An untrusted authority's time is not used.
 */
class CmsTimestampValidationTest {
    private static final byte[] CONTENT = "Biên bản bàn giao".getBytes(StandardCharsets.UTF_8);

    /** A PKI made 800 days ago: its GOOD signer was valid then and has expired since; its TSA is still valid. */
    private static TestPki past;
    private static Instant pastNow;
    /** Another PKI, whose TSA the validator does not trust. */
    private static TestPki stranger;

    @BeforeAll
    static void pkis() {
        pastNow = Instant.now().minus(Duration.ofDays(800)).truncatedTo(ChronoUnit.SECONDS);
        past = TestPki.create("http://127.0.0.1:1", Clock.fixed(pastNow, ZoneOffset.UTC));
        stranger = TestPki.create("http://127.0.0.1:1");
    }

    private static byte[] signedThen() {
        return CmsSigner.builder().source(past.signer(TestPki.Kind.GOOD)).clock(Clock.fixed(pastNow, ZoneOffset.UTC))
                .build().sign(CONTENT, CmsPackaging.DETACHED);
    }

    private static byte[] token(TestPki tsa, byte[] overData) throws Exception {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] request = g.generate(TSPAlgorithms.SHA256, DigestAlgorithm.SHA256.digest(overData),
                BigInteger.valueOf(7)).getEncoded();
        return new TimeStampResponse(tsa.timestampResponse(request)).getTimeStampToken().getEncoded();
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    @Test
    void withoutATimestampTheSinceExpiredCertificateIsValidatedNow() {
        CmsVerifier verifier = CmsVerifier.builder().validator(TestValidators.issuedBy(past)).build();

        ValidationReport report = only(verifier.verifyDetached(signedThen(), CONTENT));

        assertEquals(SubIndication.EXPIRED, report.subIndication().orElseThrow(), report.toString());
    }

    @Test
    void aTrustedTimestampProvesTheSignatureExistedWhileTheCertificateWasValid() throws Exception {
        byte[] p7s = signedThen();
        byte[] stamped = CmsForgery.withTimestamp(p7s, token(past, CmsForgery.signatureValue(p7s)));
        CmsVerifier verifier = CmsVerifier.builder().validator(TestValidators.issuedBy(past)).build();

        ValidationReport report = only(verifier.verifyDetached(stamped, CONTENT));

        assertTrue(report.isValid(), report.toString());
        assertEquals(pastNow, report.signingTime().orElseThrow());
    }

    @Test
    void anUntrustedAuthoritysTimeIsNotUsed() throws Exception {
        byte[] p7s = signedThen();
        byte[] stamped = CmsForgery.withTimestamp(p7s, token(stranger, CmsForgery.signatureValue(p7s)));
        CmsVerifier verifier = CmsVerifier.builder().validator(TestValidators.issuedBy(past)).build();

        ValidationReport report = only(verifier.verifyDetached(stamped, CONTENT));

        assertEquals(Indication.INVALID, report.indication(), report.toString());
        assertEquals(SubIndication.EXPIRED, report.subIndication().orElseThrow());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("not trusted")), report.warnings().toString());
    }
}
