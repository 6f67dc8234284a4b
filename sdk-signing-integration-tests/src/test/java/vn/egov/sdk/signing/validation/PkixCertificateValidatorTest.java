package vn.egov.sdk.signing.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.PkiSandboxTest;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.TestPki.Kind;

/** The validator against the sandbox's test PKI, its OCSP responder and CRL served under /pki/, and their faults. */
class PkixCertificateValidatorTest extends PkiSandboxTest {
    private static PkixCertificateValidator validator(RevocationPolicy policy) {
        return validator(b -> b.revocationPolicy(policy));
    }

    private static PkixCertificateValidator validator(UnaryOperator<PkixCertificateValidator.Builder> custom) {
        return custom.apply(PkixCertificateValidator.builder().trustStore(trust).httpRuntime(http)
                .cacheRevocation(false).maxAttempts(1)).build();
    }

    private static CertificateValidation validate(PkixCertificateValidator v, Kind kind, Instant at) {
        return v.validate(pki.signer(kind).certificate(), List.of(pki.ca()), at);
    }

    private static CertificateValidation validate(PkixCertificateValidator v, Kind kind) {
        return validate(v, kind, pki.createdAt());
    }

    private static void assertVerdict(Indication indication, Optional<SubIndication> why, CertificateValidation r) {
        assertEquals(indication, r.indication(), r.reason());
        assertEquals(why, r.subIndication(), r.reason());
        assertTrue(r.reason().length() > 20, r.reason());
    }

    private static void ocspDown() {
        sandbox.faults().on(TestPki.OCSP_PATH).always().status(503);
    }

    private static void crlDown() {
        sandbox.faults().on(TestPki.CRL_PATH).always().connectionReset();
    }

    @Test
    void goodAndAgencySignersAreValidByOcsp() {
        PkixCertificateValidator v = validator(RevocationPolicy.HARD_FAIL);
        for (Kind kind : List.of(Kind.GOOD, Kind.AGENCY)) {
            CertificateValidation r = validate(v, kind);
            assertVerdict(Indication.VALID, Optional.empty(), r);
            assertEquals(List.of(pki.signer(kind).certificate(), pki.ca(), pki.root()), r.chain());
            assertEquals(RevocationStatus.GOOD, r.revocation().status());
            assertEquals("OCSP", r.revocation().source());
        }
    }

    @Test
    void eachBadKindGetsItsIndication() {
        PkixCertificateValidator v = validator(RevocationPolicy.HARD_FAIL);
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.EXPIRED), validate(v, Kind.EXPIRED));
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.NOT_YET_VALID), validate(v, Kind.NOT_YET_VALID));
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.KEY_USAGE), validate(v, Kind.WRONG_KEY_USAGE));
        CertificateValidation weak = validate(v, Kind.WEAK_RSA_1024);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.CRYPTO_CONSTRAINTS_FAILURE), weak);
        assertTrue(weak.reason().contains("1024-bit RSA"), weak.reason());
        CertificateValidation revoked = validate(v, Kind.REVOKED);
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED), revoked);
        assertEquals(RevocationStatus.REVOKED, revoked.revocation().status());
        assertEquals(pki.revokedAt().getEpochSecond(), revoked.revocation().revokedAt().orElseThrow().getEpochSecond());
    }

    @Test
    void expiredSignerIsValidAtASigningTimeWithinItsValidity() {
        X509Certificate expired = pki.signer(Kind.EXPIRED).certificate();
        Instant during = expired.getNotAfter().toInstant().minus(Duration.ofDays(10));
        CertificateValidation r = validator(RevocationPolicy.HARD_FAIL).validate(expired, List.of(pki.ca()), during);
        assertVerdict(Indication.VALID, Optional.empty(), r);
    }

    @Test
    void revokedAfterTheSigningTimeStaysValidWithAWarning() {
        CertificateValidation r = validate(validator(RevocationPolicy.HARD_FAIL), Kind.REVOKED,
                pki.revokedAt().minus(Duration.ofDays(1)));
        assertVerdict(Indication.VALID, Optional.empty(), r);
        assertEquals(RevocationStatus.REVOKED, r.revocation().status());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("after the signing time")), r.warnings().toString());
    }

    @Test
    void aRootNotInTheTrustStoreOrAMissingIntermediateFindsNoChain() {
        TestPki other = TestPki.create("http://127.0.0.1:1");
        PkixCertificateValidator v = validator(RevocationPolicy.HARD_FAIL);
        CertificateValidation foreign = v.validate(other.signer(Kind.GOOD).certificate(),
                List.of(other.ca(), other.root()), pki.createdAt());
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND), foreign);
        assertTrue(foreign.chain().isEmpty());
        assertEquals(RevocationStatus.NOT_CHECKED, foreign.revocation().status());

        CertificateValidation noIntermediate = v.validate(pki.signer(Kind.GOOD).certificate(), List.of(),
                pki.createdAt());
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND), noIntermediate);

        CertificateValidation trustedByOtherStore = validator(b -> b.trustStore(TrustStore.builder()
                .trust(other.root()).build())).validate(pki.signer(Kind.GOOD).certificate(), List.of(pki.ca(),
                        pki.root()), pki.createdAt());
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND),
                trustedByOtherStore);
    }

    @Test
    void ocspDownFallsBackToTheCrl() {
        ocspDown();
        PkixCertificateValidator v = validator(RevocationPolicy.HARD_FAIL);
        CertificateValidation good = validate(v, Kind.GOOD);
        assertVerdict(Indication.VALID, Optional.empty(), good);
        assertEquals("CRL", good.revocation().source());
        assertTrue(good.revocation().detail().contains("OCSP responder"), good.revocation().detail());
        CertificateValidation revoked = validate(v, Kind.REVOKED);
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED), revoked);
        assertEquals("CRL", revoked.revocation().source());
    }

    @Test
    void bothDownUnderEachPolicy() {
        ocspDown();
        crlDown();
        CertificateValidation hard = validate(validator(RevocationPolicy.HARD_FAIL), Kind.GOOD);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), hard);
        assertEquals(RevocationStatus.UNKNOWN, hard.revocation().status());
        assertTrue(hard.reason().contains("OCSP") && hard.reason().contains("CRL"), hard.reason());

        CertificateValidation soft = validate(validator(RevocationPolicy.SOFT_FAIL), Kind.GOOD);
        assertVerdict(Indication.VALID, Optional.empty(), soft);
        assertEquals(RevocationStatus.UNKNOWN, soft.revocation().status());
        assertTrue(soft.warnings().stream().anyMatch(w -> w.contains("SOFT_FAIL")), soft.warnings().toString());

        int ocspCalls = sandbox.requestsTo(TestPki.OCSP_PATH);
        int crlCalls = sandbox.requestsTo(TestPki.CRL_PATH);
        CertificateValidation offline = validate(validator(RevocationPolicy.OFFLINE), Kind.GOOD);
        assertVerdict(Indication.VALID, Optional.empty(), offline);
        assertEquals(RevocationStatus.NOT_CHECKED, offline.revocation().status());
        assertTrue(offline.warnings().stream().anyMatch(w -> w.contains("OFFLINE")), offline.warnings().toString());
        CertificateValidation offlineRevoked = validate(validator(RevocationPolicy.OFFLINE), Kind.REVOKED);
        assertVerdict(Indication.VALID, Optional.empty(), offlineRevoked);
        assertEquals(ocspCalls, sandbox.requestsTo(TestPki.OCSP_PATH), "OFFLINE fetches nothing");
        assertEquals(crlCalls, sandbox.requestsTo(TestPki.CRL_PATH), "OFFLINE fetches nothing");
    }

    @Test
    void softFailStillCatchesARevocationTheCrlReports() {
        ocspDown();
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED),
                validate(validator(RevocationPolicy.SOFT_FAIL), Kind.REVOKED));
    }

    @Test
    void malformedOcspResponseIsNotUsed() {
        sandbox.faults().on(TestPki.OCSP_PATH).always().malformedBody();
        CertificateValidation viaCrl = validate(validator(RevocationPolicy.HARD_FAIL), Kind.REVOKED);
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED), viaCrl);
        assertEquals("CRL", viaCrl.revocation().source());
        assertTrue(viaCrl.revocation().detail().contains("malformed"), viaCrl.revocation().detail());
        crlDown();
        CertificateValidation none = validate(validator(RevocationPolicy.HARD_FAIL), Kind.GOOD);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), none);
        assertTrue(none.reason().contains("malformed"), none.reason());
    }

    @Test
    void aStaleCrlIsNotUsed() {
        ocspDown();
        Clock later = Clock.fixed(pki.createdAt().plus(Duration.ofDays(8)), ZoneOffset.UTC);
        CertificateValidation r = validate(validator(b -> b.clock(later)), Kind.GOOD);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), r);
        assertTrue(r.reason().contains("stale"), r.reason());
    }

    @Test
    void aStaleOcspAnswerIsNotUsed() {
        crlDown();
        Clock later = Clock.fixed(pki.createdAt().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        CertificateValidation r = validate(validator(b -> b.clock(later)), Kind.GOOD);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), r);
        assertTrue(r.reason().contains("stale"), r.reason());
    }

    @Test
    void oversizedCrlAndOcspResponsesAreNotRead() {
        ocspDown();
        CertificateValidation crl = validate(validator(b -> b.maxCrlBytes(100)), Kind.GOOD);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), crl);
        assertTrue(crl.reason().contains("more than 100 bytes"), crl.reason());
        sandbox.faults().clear();
        crlDown();
        CertificateValidation ocsp = validate(validator(b -> b.maxOcspResponseBytes(50)), Kind.GOOD);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), ocsp);
        assertTrue(ocsp.reason().contains("more than 50 bytes"), ocsp.reason());
    }

    @Test
    void answersAreCachedUntilNextUpdate() {
        PkixCertificateValidator v = validator(b -> b.cacheRevocation(true));
        int before = sandbox.requestsTo(TestPki.OCSP_PATH);
        validate(v, Kind.GOOD);
        CertificateValidation second = validate(v, Kind.GOOD);
        assertEquals(before + 1, sandbox.requestsTo(TestPki.OCSP_PATH));
        assertTrue(second.revocation().detail().contains("cached"), second.revocation().detail());

        ocspDown();
        int crlBefore = sandbox.requestsTo(TestPki.CRL_PATH);
        validate(v, Kind.AGENCY);
        validate(v, Kind.REVOKED);
        assertEquals(crlBefore + 1, sandbox.requestsTo(TestPki.CRL_PATH), "one CRL download for both");
    }

    @Test
    void badInputIsAValidationException() {
        PkixCertificateValidator v = validator(RevocationPolicy.OFFLINE);
        assertThrows(ValidationException.class, () -> v.validate(null, List.of(), Instant.now()));
        assertThrows(ValidationException.class,
                () -> v.validate(pki.signer(Kind.GOOD).certificate(), List.of(), null));
        assertThrows(ValidationException.class, () -> PkixCertificateValidator.builder().build());
        assertThrows(ValidationException.class,
                () -> PkixCertificateValidator.builder().trustStore(trust).maxCrlBytes(0));
    }

    @Test
    void ownsAndClosesItsDefaultRuntime() {
        try (PkixCertificateValidator v = PkixCertificateValidator.builder().trustStore(trust).build()) {
            assertVerdict(Indication.VALID, Optional.empty(), validate(v, Kind.GOOD));
        }
    }
}
