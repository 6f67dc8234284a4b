package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.DerTree;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * The CMS in a PDF signature's {@code /Contents} is checked as it stands there, by the same CMS verifier: an
 * encoding changed without changing what it decodes to (a length in a longer form, in the container, its signed
 * attributes, a certificate or its timestamp token) or other bytes than zero padding after it are not the
 * signature that was made, though the bytes the signature covers are untouched.
 */
class PdfCmsEncodingTest extends PdfSandboxTest {

    private Path signed(String name) {
        Path in = PdfFixtures.document(dir.resolve(name + "-in.pdf"), 1, true);
        Path out = dir.resolve(name + ".pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).timestampUrl(pki.tsaUrl())
                .build()) {
            s.sign(in, out);
        }
        assertTrue(verifier.verify(out).get(0).isValid(), "valid before the change");
        return out;
    }

    @Test
    void aLengthInAnotherFormAnywhereInTheContainerIsNotDer() throws Exception {
        Path pdf = signed("lengths");
        long[] br = PdfSignerTest.byteRange(pdf);
        byte[] cms = cmsIn(pdf, br);
        List<Function<DerTree, DerTree>> targets = List.of(
                tree -> tree, // the ContentInfo
                tree -> signer(tree).at(3), // the signed attributes
                tree -> tree.at(1, 0, 3, 0), // the first certificate
                tree -> signer(tree).children().get(signer(tree).children().size() - 1).at(0, 1, 0, 1, 0)); // token
        for (Function<DerTree, DerTree> target : targets) {
            for (DerTree.Form form : List.of(DerTree.Form.ONE_OCTET_MORE, DerTree.Form.FOUR_OCTETS)) {
                DerTree tree = DerTree.parse(cms);
                DerTree element = target.apply(tree);
                element.form(form);
                byte[] changed = tree.encode();
                PdfFixtures.writeHole(pdf, br, changed);

                ValidationReport r = verifier.verify(pdf).get(0);

                assertFalse(r.isValid(), form + " " + element + ": " + r);
                assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r.toString());
                assertTrue(r.reason().contains("not DER") && r.reason().contains("at offset " + element.writtenAt()
                        + ":"), r.reason());
            }
        }
        PdfFixtures.writeHole(pdf, br, cms);
        assertTrue(verifier.verify(pdf).get(0).isValid(), "the genuine container again");
    }

    @Test
    void bytesAfterTheContainerOtherThanZeroPaddingAreRefused() throws Exception {
        Path pdf = signed("trailing");
        long[] br = PdfSignerTest.byteRange(pdf);
        byte[] cms = cmsIn(pdf, br);
        byte[] followed = Arrays.copyOf(cms, cms.length + 3);
        followed[cms.length + 2] = 0x41;

        PdfFixtures.writeHole(pdf, br, followed);
        ValidationReport r = verifier.verify(pdf).get(0);

        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r.toString());
        assertTrue(r.reason().contains("zero padding") && r.reason().contains("offset " + (cms.length + 2)),
                r.reason());
    }

    @Test
    void anIndefiniteLengthContainerIsAcceptedAndReportedAsBer() throws Exception {
        Path pdf = signed("ber");
        long[] br = PdfSignerTest.byteRange(pdf);
        DerTree tree = DerTree.parse(cmsIn(pdf, br));
        tree.form(DerTree.Form.INDEFINITE);
        tree.at(1, 0).form(DerTree.Form.INDEFINITE);
        PdfFixtures.writeHole(pdf, br, tree.encode());

        ValidationReport r = verifier.verify(pdf).get(0);

        assertTrue(r.isValid(), r.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("indefinite length at offset 0 (ContentInfo)")),
                r.warnings().toString());
    }

    private static DerTree signer(DerTree contentInfo) {
        List<DerTree> fields = contentInfo.at(1, 0).children();
        return fields.get(fields.size() - 1).at(0);
    }

    /** The container in the hole, without its zero padding. */
    private static byte[] cmsIn(Path pdf, long[] br) throws IOException {
        byte[] b = Files.readAllBytes(pdf);
        String hex = new String(b, (int) br[1] + 1, (int) (br[2] - br[1] - 2), StandardCharsets.US_ASCII);
        byte[] hole = HexFormat.of().parseHex(hex);
        return Arrays.copyOf(hole, DerTree.length(hole));
    }
}
