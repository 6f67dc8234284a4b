package vn.egov.sdk.signing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.pdf.PreparedPdfSignature;
import vn.egov.sdk.signing.remote.RemoteSignRequest;
import vn.egov.sdk.signing.remote.RemoteSignatureSource;
import vn.egov.sdk.signing.remote.SigningTransaction;
import vn.egov.sdk.signing.remote.SmartCaClient;
import vn.egov.sdk.signing.remote.TransactionStatus;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.RevocationStatus;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SmartCaSandbox;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.TestPki.Kind;

/**
 * Remote signing end to end: VNPT SmartCA (v1, the signer confirming in the app after a delay, simulated by the
 * sandbox) signs through {@link RemoteSignatureSource} for each format, and through the deferred PDF flow; the
 * results verify VALID with the real validator, revocation checked against the sandbox's OCSP responder.
 */
class RemoteSigningEndToEndTest {
    private static NationalSandbox sandbox;
    private static TestPki pki;
    private static HttpRuntime http;
    private static SmartCaClient smartCa;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        http = HttpRuntime.builder().settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
        smartCa = SmartCaClient.builder().settings(ClientSettings.builder().endpoint(sandbox.smartCaUrl())
                .deadline(Duration.ofSeconds(10)).build()).spId(SmartCaSandbox.SP_ID)
                .spPassword(Secret.of(SmartCaSandbox.SP_PASSWORD)).build();
    }

    @AfterAll
    static void stop() {
        smartCa.close();
        http.close();
        sandbox.close();
    }

    @BeforeEach
    void signerConfirmsAfterADelay() {
        sandbox.smartCa().confirmAfter(Duration.ofMillis(200));
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    private static RemoteSignatureSource remote() {
        return RemoteSignatureSource.builder(smartCa, SmartCaSandbox.USER_CONFIRMS)
                .intermediates(List.of(pki.ca())).pollInterval(Duration.ofMillis(50))
                .deadline(Duration.ofSeconds(10)).build();
    }

    private static PkixCertificateValidator validator() {
        return PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(pki.root()).build())
                .httpRuntime(http).revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false)
                .maxAttempts(1).build();
    }

    private static void assertValidByTheSmartCaSigner(ValidationReport r) {
        assertEquals(Indication.VALID, r.indication(), r::toString);
        assertEquals(pki.signer(Kind.GOOD).certificate(), r.signer().orElseThrow());
        assertEquals(List.of(pki.signer(Kind.GOOD).certificate(), pki.ca(), pki.root()), r.chain());
        assertEquals(RevocationStatus.GOOD, r.revocation().status(), r.revocation()::toString);
    }

    @ParameterizedTest
    @EnumSource(Formats.class)
    void aSignatureMadeThroughSmartCaVerifiesWithTheRealValidator(Formats f) {
        int before = sandbox.smartCa().signaturesMade();

        Formats.Signed signed = f.sign(remote(), dir, pki.tsaUrl(), Clock.systemUTC());

        assertEquals(before + 1, sandbox.smartCa().signaturesMade(), "one confirmation in the app per signature");
        try (PkixCertificateValidator v = validator()) {
            assertValidByTheSmartCaSigner(signed.verify(v));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Formats.class, names = {"CMS_DETACHED", "PADES_BT"})
    void aSmartCaSubscriberWhoseCertificateWasRevokedSignsButTheSignatureIsInvalid(Formats f) {
        String userId = "079099000777";
        if (!sandbox.smartCa().users().contains(userId)) {
            sandbox.smartCa().addUser(userId, Kind.REVOKED, SmartCaSandbox.Outcome.CONFIRM);
        }
        RemoteSignatureSource revoked = RemoteSignatureSource.builder(smartCa, userId)
                .intermediates(List.of(pki.ca())).pollInterval(Duration.ofMillis(50))
                .deadline(Duration.ofSeconds(10)).build();

        Formats.Signed signed = f.sign(revoked, dir, pki.tsaUrl(), Clock.systemUTC());

        try (PkixCertificateValidator v = validator()) {
            ValidationReport r = signed.verify(v);
            assertEquals(Indication.INVALID, r.indication(), r::toString);
            assertEquals(java.util.Optional.of(vn.egov.sdk.signing.validation.SubIndication.REVOKED),
                    r.subIndication(), r::toString);
            assertEquals(pki.signer(Kind.REVOKED).certificate(), r.signer().orElseThrow());
        }
    }

    @Test
    void deferredPdfPrepareThenSmartCaSignsTheHashThenEmbed() throws Exception {
        Path in = Formats.pdf(dir.resolve("deferred-in.pdf"));
        Path prepared = dir.resolve("deferred.pdf");
        RemoteSignatureSource certificateOnly = remote(); // used here only for its certificate chain
        PreparedPdfSignature p;
        try (PdfSigner signer = PdfSigner.builder().source(certificateOnly).timestampUrl(pki.tsaUrl()).build()) {
            p = signer.prepare(in, prepared);
        }

        // the hash goes to SmartCA; the signer confirms in the app while the caller polls
        SigningTransaction tx = smartCa.submit(RemoteSignRequest.of(SmartCaSandbox.USER_CONFIRMS,
                new RemoteSignRequest.HashToSign("deferred.pdf", p.hashToSign(), DigestAlgorithm.SHA256)));
        Instant deadline = Instant.now().plusSeconds(10);
        while (!tx.status().isFinal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            tx = smartCa.status(tx);
        }
        assertEquals(TransactionStatus.SUCCESS, tx.status(), tx::toString);
        byte[] value = tx.signature("deferred.pdf").orElseThrow().signature();

        // a restart in between: the prepared file alone is enough
        try (PdfSigner signer = PdfSigner.builder().source(certificateOnly).timestampUrl(pki.tsaUrl()).build()) {
            signer.embed(signer.resume(prepared), new SignatureValue(SignatureAlgorithm.RSA_SHA256, value));
        }

        try (PkixCertificateValidator v = validator()) {
            List<ValidationReport> reports = PdfSignatureVerifier.builder().validator(v).build().verify(prepared);
            assertEquals(1, reports.size(), reports::toString);
            assertValidByTheSmartCaSigner(reports.get(0));
            assertTrue(reports.get(0).signingTime().isPresent(), "B-T: the timestamp's time");
        }
        assumeTrue(toolRuns("pdfsig", "-v"), "pdfsig (poppler-utils) not installed");
        Process pdfsig = new ProcessBuilder("pdfsig", "-nocert", prepared.toString()).redirectErrorStream(true)
                .start();
        String out = new String(pdfsig.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(pdfsig.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "pdfsig ends");
        assertTrue(out.contains("Signature is Valid"), out);
    }

    private static boolean toolRuns(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
