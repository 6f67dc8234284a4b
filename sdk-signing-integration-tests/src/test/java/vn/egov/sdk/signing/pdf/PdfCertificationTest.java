package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * Signatures made by another implementation (PDFBox's own signing path with a Bouncy Castle CMS generator,
 * {@code adbe.pkcs7.detached}) verify with the SDK; a certification signature with DocMDP P=1 is broken by any
 * later revision, even a signature.
 */
class PdfCertificationTest extends PdfSandboxTest {
    @Test
    void pdfboxAndBouncyCastleSignatureVerifiesAndDocMdpP1ForbidsLaterRevisions() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path certified = dir.resolve("certified.pdf");
        SigningKey key = pki.signer(TestPki.Kind.AGENCY);
        PdfBoxCertification.certify(in, certified, key, 1);
        ValidationReport alone = verifier.verify(certified).get(0);
        assertEquals(Indication.VALID, alone.indication(), alone.toString());
        assertTrue(alone.warnings().stream().anyMatch(w -> w.contains("signing-certificate")), alone.warnings()
                .toString());

        Path countersigned = dir.resolve("countersigned.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(certified, countersigned);
        }
        List<ValidationReport> reports = verifier.verify(countersigned);
        assertEquals(SubIndication.HASH_FAILURE, reports.get(0).subIndication().orElseThrow(), reports.toString());
        assertTrue(reports.get(0).reason().contains("DocMDP"), reports.get(0).reason());
        assertEquals(Indication.VALID, reports.get(1).indication(), reports.get(1).toString());
    }
}
