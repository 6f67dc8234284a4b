package vn.egov.sdk.signing.pdf;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * What the PDF tests share: a sandbox serving the test PKI (OCSP, CRL, timestamp authority), a verifier trusting
 * that PKI's CA, and a temporary folder per test.
 */
abstract class PdfSandboxTest {
    static NationalSandbox sandbox;
    static TestPki pki;
    static PdfSignatureVerifier verifier;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        verifier = PdfSignatureVerifier.builder().validator(TestValidators.issuedBy(pki)).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }
}
