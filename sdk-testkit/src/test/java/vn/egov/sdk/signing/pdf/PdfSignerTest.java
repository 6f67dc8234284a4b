package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

class PdfSignerTest {
    private static NationalSandbox sandbox;
    private static TestPki pki;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void signsBbAndPdfsigAcceptsIt() {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 2);
        Path out = dir.resolve("signed.pdf");
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).reason("Phê duyệt")
                .location("Hà Nội").build()) {
            signer.sign(in, out);
        }
        assumeTrue(PdfFixtures.toolPresent("pdfsig", "-v"));
        PdfFixtures.Result r = PdfFixtures.run(List.of("pdfsig", "-nocert", out.toString()));
        System.err.println(r.output());
        assertTrue(r.output().contains("Signature is Valid"), r.output());
        assertTrue(r.output().contains("Total document signed"), r.output());
    }
}
