package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/** The signing examples run and produce files that verify. */
class SigningExamplesTest {
    @Test
    void signEdxmlWritesASignedPackage(@TempDir Path out) throws Exception {
        SignEdxml.main(new String[] {"--out", out.toString()});
        String signed = Files.readString(out.resolve("letter-signed.edxml"));
        assertTrue(signed.contains("http://www.w3.org/2000/09/xmldsig#"), "a standard XML signature");
        assertTrue(signed.contains("<ds:X509Certificate>") || signed.contains("X509Certificate>"));
        assertTrue(Files.readString(out.resolve("letter.edxml")).indexOf("xmldsig") < 0, "the input stays unsigned");
    }

    @Test
    void signPdfThenVerifyPdfOffline(@TempDir Path out) throws Exception {
        SignPdf.main(new String[] {"--out", out.toString()});
        List<ValidationReport> reports = VerifyPdf.verify(out.resolve("signed.pdf"), out.resolve("test-root-ca.pem"),
                RevocationPolicy.OFFLINE);
        assertEquals(2, reports.size());
        reports.forEach(r -> assertEquals(Indication.VALID, r.indication(), r.toString()));

        // the same file against a root that did not issue it: no chain
        Path otherRoot = out.resolve("other-root.pem");
        Files.writeString(otherRoot, vn.egov.sdk.testkit.TestPki.create("http://127.0.0.1:1").rootPem());
        List<ValidationReport> foreign = VerifyPdf.verify(out.resolve("signed.pdf"), otherRoot,
                RevocationPolicy.OFFLINE);
        assertEquals(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, foreign.get(0).subIndication().orElseThrow());
    }
}
