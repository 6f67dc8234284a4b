package vn.egov.sdk.signing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.signing.PkiSandboxTest;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.RevocationStatus;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.TestPki.Kind;

/**
 * The whole chain, for every format: a signature made with each kind of test signer, verified by the format's
 * verifier with the real {@link PkixCertificateValidator} trusting the sandbox's root, revocation checked against
 * the sandbox's OCSP responder and CRL (and their faults) under each {@link RevocationPolicy}.
 */
class CrossFormatValidationTest extends PkiSandboxTest {
    /** Every format signed by every kind, once for the class. */
    private static final Map<Formats, Map<Kind, Formats.Signed>> SIGNED = new EnumMap<>(Formats.class);
    private static final Map<Formats, Formats.Signed> FOREIGN = new EnumMap<>(Formats.class);

    @TempDir
    static Path dir;

    @BeforeAll
    static void signEverything() {
        TestPki foreign = TestPki.create("http://127.0.0.1:1");
        for (Formats f : Formats.values()) {
            Map<Kind, Formats.Signed> byKind = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                byKind.put(k, f.sign(pki.signer(k), dir, pki.tsaUrl(), Clock.systemUTC()));
            }
            SIGNED.put(f, byKind);
            FOREIGN.put(f, f.sign(foreign.signer(Kind.GOOD), dir, pki.tsaUrl(), Clock.systemUTC()));
        }
    }

    private static ValidationReport verify(Formats f, Kind k, RevocationPolicy policy) {
        try (PkixCertificateValidator v = PkixCertificateValidator.builder().trustStore(trust).httpRuntime(http)
                .revocationPolicy(policy).cacheRevocation(false).maxAttempts(1).build()) {
            return SIGNED.get(f).get(k).verify(v);
        }
    }

    private static void assertVerdict(Indication indication, Optional<SubIndication> why, ValidationReport r) {
        assertEquals(indication, r.indication(), r::toString);
        assertEquals(why, r.subIndication(), r::toString);
        assertTrue(r.reason().length() > 20, r.reason());
    }

    private static void ocspDown() {
        sandbox.faults().on(TestPki.OCSP_PATH).always().status(503);
    }

    private static void crlDown() {
        sandbox.faults().on(TestPki.CRL_PATH).always().connectionReset();
    }

    static Stream<Arguments> everyFormatAndKind() {
        return Stream.of(Formats.values()).flatMap(f -> Stream.of(Kind.values()).map(k -> Arguments.of(f, k)));
    }

    @ParameterizedTest(name = "{0} signed by {1}")
    @MethodSource("everyFormatAndKind")
    void eachSignerKindGetsItsVerdictInEachFormat(Formats f, Kind kind) {
        ValidationReport r = verify(f, kind, RevocationPolicy.HARD_FAIL);

        assertEquals(Optional.of(pki.signer(kind).certificate()), r.signer(), r::toString);
        switch (kind) {
            case GOOD, AGENCY -> {
                assertVerdict(Indication.VALID, Optional.empty(), r);
                assertEquals(List.of(pki.signer(kind).certificate(), pki.ca(), pki.root()), r.chain());
                assertEquals(RevocationStatus.GOOD, r.revocation().status(), r.revocation()::toString);
                assertEquals("OCSP", r.revocation().source());
                // the test PKI's licensed CA names no revocation source of its own: the one expected warning
                assertEquals(List.of(), r.warnings().stream().filter(w -> !w.contains("names no OCSP responder"))
                        .toList(), "a clean signature has no other warning");
                if (f == Formats.PADES_BT) {
                    assertTrue(r.signingTime().isPresent(), "the timestamp's time is the signing time");
                }
            }
            case REVOKED -> {
                assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED), r);
                assertEquals(RevocationStatus.REVOKED, r.revocation().status());
                assertEquals(pki.revokedAt().getEpochSecond(),
                        r.revocation().revokedAt().orElseThrow().getEpochSecond());
            }
            case EXPIRED -> assertVerdict(Indication.INVALID, Optional.of(SubIndication.EXPIRED), r);
            case NOT_YET_VALID -> assertVerdict(Indication.INVALID, Optional.of(SubIndication.NOT_YET_VALID), r);
            case WRONG_KEY_USAGE -> assertVerdict(Indication.INVALID, Optional.of(SubIndication.KEY_USAGE), r);
            case WEAK_RSA_1024 -> {
                assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.CRYPTO_CONSTRAINTS_FAILURE), r);
                assertTrue(r.reason().contains("1024"), r.reason());
            }
            default -> throw new AssertionError("a kind without an expectation: " + kind);
        }
    }

    @ParameterizedTest
    @EnumSource(Formats.class)
    void withTheOcspResponderDownTheCrlDecides(Formats f) {
        ocspDown();

        ValidationReport good = verify(f, Kind.GOOD, RevocationPolicy.HARD_FAIL);
        assertVerdict(Indication.VALID, Optional.empty(), good);
        assertEquals("CRL", good.revocation().source(), good.revocation()::toString);
        assertEquals(RevocationStatus.GOOD, good.revocation().status());

        ValidationReport revoked = verify(f, Kind.REVOKED, RevocationPolicy.HARD_FAIL);
        assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED), revoked);
        assertEquals("CRL", revoked.revocation().source());
    }

    @ParameterizedTest
    @EnumSource(Formats.class)
    void withOcspAndCrlDownEachPolicyDecides(Formats f) {
        ocspDown();
        crlDown();

        ValidationReport hard = verify(f, Kind.GOOD, RevocationPolicy.HARD_FAIL);
        assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.TRY_LATER), hard);
        assertEquals(RevocationStatus.UNKNOWN, hard.revocation().status(), hard.revocation()::toString);
        if (f == Formats.PADES_BT) {
            // the authority's certificate could not be checked either: its time is not used, never "reject"
            assertTrue(hard.warnings().stream().anyMatch(w -> w.contains("its time is not used")),
                    hard.warnings()::toString);
        }

        ValidationReport soft = verify(f, Kind.GOOD, RevocationPolicy.SOFT_FAIL);
        assertVerdict(Indication.VALID, Optional.empty(), soft);
        assertEquals(RevocationStatus.UNKNOWN, soft.revocation().status());
        assertTrue(soft.warnings().stream().anyMatch(w -> w.contains("SOFT_FAIL")), soft.warnings()::toString);

        int calls = sandbox.requestsTo(TestPki.OCSP_PATH) + sandbox.requestsTo(TestPki.CRL_PATH);
        ValidationReport offline = verify(f, Kind.GOOD, RevocationPolicy.OFFLINE);
        assertVerdict(Indication.VALID, Optional.empty(), offline);
        assertEquals(RevocationStatus.NOT_CHECKED, offline.revocation().status());
        assertTrue(offline.warnings().stream().anyMatch(w -> w.contains("OFFLINE")), offline.warnings()::toString);
        assertEquals(calls, sandbox.requestsTo(TestPki.OCSP_PATH) + sandbox.requestsTo(TestPki.CRL_PATH),
                "OFFLINE goes nowhere");
    }

    @ParameterizedTest
    @EnumSource(Formats.class)
    void aValidatorWithTheDefaultSettingsAndRequiredNoncesWorksAgainstTheSandbox(Formats f) {
        // what a vendor writes: only the trust store (own HTTP runtime, cache, retries), plus nonces required
        try (PkixCertificateValidator v = PkixCertificateValidator.builder().trustStore(trust)
                .requireOcspNonce(true).build()) {
            ValidationReport good = SIGNED.get(f).get(Kind.GOOD).verify(v);
            assertVerdict(Indication.VALID, Optional.empty(), good);
            assertEquals("OCSP", good.revocation().source());
            assertVerdict(Indication.INVALID, Optional.of(SubIndication.REVOKED),
                    SIGNED.get(f).get(Kind.REVOKED).verify(v));
        }
    }

    @Test
    void theSignersAndTheAgencysSignaturesOnOnePdfAreBothValid() {
        Path in = Formats.pdf(dir.resolve("two-in.pdf"));
        Path first = dir.resolve("two-first.pdf");
        Path both = dir.resolve("two-both.pdf");
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(Kind.GOOD)).build()) {
            signer.sign(in, first);
        }
        try (PdfSigner seal = PdfSigner.builder().source(pki.signer(Kind.AGENCY)).timestampUrl(pki.tsaUrl())
                .build()) {
            seal.sign(first, both);
        }
        try (PkixCertificateValidator v = PkixCertificateValidator.builder().trustStore(trust).httpRuntime(http)
                .revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false).maxAttempts(1).build()) {
            List<ValidationReport> reports = PdfSignatureVerifier.builder().validator(v).build().verify(both);
            assertEquals(2, reports.size(), reports::toString);
            assertEquals(pki.signer(Kind.GOOD).certificate(), reports.get(0).signer().orElseThrow());
            assertEquals(pki.signer(Kind.AGENCY).certificate(), reports.get(1).signer().orElseThrow());
            for (ValidationReport r : reports) {
                assertVerdict(Indication.VALID, Optional.empty(), r);
                assertEquals(RevocationStatus.GOOD, r.revocation().status());
            }
            assertTrue(reports.get(0).warnings().stream().anyMatch(w -> w.contains("only add signatures")),
                    reports.get(0).warnings()::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(Formats.class)
    void aSignerOfAForeignPkiFindsNoChain(Formats f) {
        try (PkixCertificateValidator v = PkixCertificateValidator.builder().trustStore(trust).httpRuntime(http)
                .revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false).maxAttempts(1).build()) {
            ValidationReport r = FOREIGN.get(f).verify(v);
            assertVerdict(Indication.INDETERMINATE, Optional.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND), r);
            assertTrue(r.chain().isEmpty());
            assertEquals(RevocationStatus.NOT_CHECKED, r.revocation().status());
        }
    }
}
