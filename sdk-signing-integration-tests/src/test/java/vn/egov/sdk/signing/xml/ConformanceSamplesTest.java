package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.verifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * The official VNPT samples (../shared/conformance/edxml): the document samples carry an RSA-SHA1 {@code Signature}
 * in the edXML namespace, edited after signing; the status samples are unsigned.
 */
class ConformanceSamplesTest {
    /** ../shared/conformance/edxml/vnpt-sdk-samples beside the repository (as sdk-core's conformance tests find it). */
    private static Path dir() {
        Path repo = Path.of(System.getProperty("egov.repo.root", ".")).toAbsolutePath().normalize();
        for (Path p = repo; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("conformance").resolve("edxml")
                    .resolve("vnpt-sdk-samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String why = "folder ../shared/conformance/edxml/vnpt-sdk-samples (beside " + repo + ") missing: conformance "
                + "test skipped";
        LoggerFactory.getLogger(ConformanceSamplesTest.class).warn(why);
        Assumptions.abort(why);
        return null;
    }

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".edxml")).sorted().toList().stream();
        }
    }

    static Stream<Path> signedSamples() throws Exception {
        return samples().filter(p -> p.getFileName().toString().startsWith("edoc"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachSampleIsReadAndReported(Path sample) throws Exception {
        byte[] bytes = Files.readAllBytes(sample);
        ValidationReport strict = verifier().build().verify(bytes);
        ValidationReport legacy = verifier().allowLegacySha1(true).build().verify(bytes);
        if (sample.getFileName().toString().startsWith("status")) {
            assertEquals(SubIndication.SIGNED_DATA_NOT_FOUND, strict.subIndication().orElseThrow(), strict::toString);
            return;
        }
        // recognised, in the edXML namespace, reported: its transform URI is the reference library's own
        // "http://www.w3.org/TR/xml-exc-c14n#", which no standard verifier can apply (and it is RSA-SHA1)
        for (ValidationReport r : List.of(strict, legacy)) {
            assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r::toString);
            assertTrue(r.reason().contains("non-standard transform URI http://www.w3.org/TR/xml-exc-c14n#"),
                    r::toString);
            assertEquals(List.of(EdXmlSignatureVerifier.NON_STANDARD_NAMESPACE), r.warnings());
        }
    }

    @ParameterizedTest
    @MethodSource("signedSamples")
    void withTheStandardTransformUriTheTruncatedCertificateIsReported(Path sample) throws Exception {
        String text = Files.readString(sample);
        assertTrue(text.contains("<Signature>"), "a signed sample");
        byte[] fixed = XmlDsigFixtures.bytes(text.replace("http://www.w3.org/TR/xml-exc-c14n#",
                "http://www.w3.org/2001/10/xml-exc-c14n#"));
        ValidationReport report = verifier().allowLegacySha1(true).build().verify(fixed);
        // the samples' X509Certificate is cut short ("MIIFqTCCBJG"): reported, not thrown
        assertEquals(SubIndication.FORMAT_FAILURE, report.subIndication().orElseThrow(), report::toString);
        assertTrue(report.reason().contains("KeyInfo certificate cannot be read"), report::toString);
        assertEquals(List.of(EdXmlSignatureVerifier.NON_STANDARD_NAMESPACE), report.warnings());
    }
}
