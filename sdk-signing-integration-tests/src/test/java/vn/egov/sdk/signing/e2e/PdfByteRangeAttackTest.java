package vn.egov.sdk.signing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * Byte-range attacks on a PDF signature, verified with the real validator: the {@code /ByteRange} gap must be
 * exactly the signature dictionary's own {@code /Contents} string and no larger than a signature can be; numbers
 * chosen to overflow are refused as a report, never an exception.
 */
class PdfByteRangeAttackTest {
    private static TestPki pki;
    private static PkixCertificateValidator validator;
    private static PdfSignatureVerifier verifier;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create("http://127.0.0.1:1");
        validator = PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(pki.root()).build())
                .revocationPolicy(RevocationPolicy.OFFLINE).build();
        verifier = PdfSignatureVerifier.builder().validator(validator).build();
    }

    @AfterAll
    static void close() {
        validator.close();
    }

    private static Path signed(String name) {
        Path out = dir.resolve(name + ".pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(Formats.pdf(dir.resolve(name + "-in.pdf")), out);
        }
        return out;
    }

    private static long[] byteRange(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int[] br = doc.getLastSignatureDictionary().getByteRange();
            return new long[] {br[0], br[1], br[2], br[3]};
        }
    }

    /** Rewrites the {@code /ByteRange} numbers in place, in the room the signer reserved (padded with spaces). */
    private static void rewriteByteRange(Path pdf, long... br) throws IOException {
        byte[] b = Files.readAllBytes(pdf);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int open = text.lastIndexOf("/ByteRange");
        int start = text.indexOf('[', open);
        int end = start + 1;
        while (b[end] != ']') {
            end++;
        }
        while (b[end + 1] == ' ') {
            end++; // the signer pads the closed array with spaces: that room is usable too
        }
        String replacement = "[" + br[0] + " " + br[1] + " " + br[2] + " " + br[3] + "]";
        int room = end - start + 1;
        assertTrue(replacement.length() <= room, replacement + " does not fit in " + room + " bytes");
        byte[] r = (replacement + " ".repeat(room - replacement.length())).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(r, 0, b, start, r.length);
        Files.write(pdf, b);
    }

    private static ValidationReport only(Path pdf) {
        List<ValidationReport> reports = verifier.verify(pdf);
        assertEquals(1, reports.size(), reports::toString);
        return reports.get(0);
    }

    private static void assertRefused(ValidationReport r, String mentioned) {
        assertEquals(Indication.INVALID, r.indication(), r::toString);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r::toString);
        assertTrue(r.reason().contains(mentioned), r.reason());
    }

    @Test
    void theUntouchedSignatureIsValid() {
        assertTrue(only(signed("baseline")).isValid());
    }

    @Test
    void aGapPointingAtAnotherHexStringIsRefused() throws IOException {
        Path pdf = signed("other-string");
        long[] br = byteRange(pdf);
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        // another hex string of the signed revision: the document /ID of the last trailer
        int id = text.indexOf('<', text.lastIndexOf("/ID"));
        int idEnd = text.indexOf('>', id) + 1;
        assertTrue(id > br[2] && idEnd > id, "the /ID follows the signature dictionary");
        long size = Files.size(pdf);

        rewriteByteRange(pdf, 0, id, idEnd, size - idEnd);

        assertRefused(only(pdf), "/Contents");
    }

    @Test
    void aSignatureDictionaryWhoseContentsIsNotTheStringInTheGapIsRefused() throws IOException {
        Path pdf = signed("redefined");
        Path other = signed("donor");
        Path attacked = dir.resolve("redefined-attacked.pdf");
        byte[] donorContents;
        try (PDDocument doc = Loader.loadPDF(other.toFile())) {
            donorContents = doc.getLastSignatureDictionary().getContents();
        }
        // an incremental update redefines the signature dictionary: same /ByteRange (the gap still holds the
        // original, valid container), /Contents now another document's container
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDSignature sig = doc.getLastSignatureDictionary();
            COSString s = new COSString(donorContents);
            s.setForceHexForm(true);
            sig.getCOSObject().setItem(COSName.CONTENTS, s);
            sig.getCOSObject().setNeedToBeUpdated(true);
            // PDFBox writes an updated object only when the objects leading to it from the catalog are marked too
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            var form = doc.getDocumentCatalog().getAcroForm(null);
            form.getCOSObject().setNeedToBeUpdated(true);
            form.getFields().forEach(f -> f.getCOSObject().setNeedToBeUpdated(true));
            try (OutputStream out = Files.newOutputStream(attacked)) {
                doc.saveIncremental(out); // the original bytes, then the update
            }
        }

        try (PDDocument doc = Loader.loadPDF(attacked.toFile())) {
            assertTrue(java.util.Arrays.equals(donorContents, doc.getLastSignatureDictionary().getContents()),
                    "the attack took effect: the dictionary's /Contents is the donor's");
            assertTrue(java.util.Arrays.equals(byteRange(pdf), byteRange(attacked)), "the same /ByteRange");
        }

        // the gap still holds the original, valid container: only the comparison with /Contents catches this
        assertRefused(only(attacked), "is not the string in the /ByteRange gap");
    }

    @Test
    void aGapLargerThanAnySignatureIsRefused() throws IOException {
        // a document carrying a 3 MiB hex string (in its information dictionary, uncompressed), then signed
        Path in = dir.resolve("big-hex-in.pdf");
        try (PDDocument doc = Loader.loadPDF(Formats.pdf(dir.resolve("big-hex-base.pdf")).toFile())) {
            COSString big = new COSString(new byte[3 * 1024 * 1024 / 2]);
            big.setForceHexForm(true);
            doc.getDocumentInformation().getCOSObject().setItem(COSName.getPDFName("Junk"), big);
            doc.save(in.toFile(), org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        Path pdf = dir.resolve("big-hex.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(in, pdf);
        }
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int hexStart = text.indexOf('<', text.indexOf("/Junk"));
        int hexEnd = text.indexOf('>', hexStart) + 1;
        assertTrue(hexEnd - hexStart > 3 * 1024 * 1024, "a 3 MiB hex string");
        long size = Files.size(pdf);

        // the gap is a well-formed hex string, but 3 MiB of the file would be left unsigned
        rewriteByteRange(pdf, 0, hexStart, hexEnd, size - hexEnd);
        assertRefused(only(pdf), "larger than a signature container");

        // a gap that runs past the end of the file
        long[] br = {0, hexStart, size + 1024, 10};
        rewriteByteRange(pdf, br);
        assertRefused(only(pdf), "goes past the end of the file");
    }

    @Test
    void byteRangeNumbersThatOverflowAreAReportNotAnException() throws IOException {
        Path pdf = signed("overflow");
        long[] br = byteRange(pdf);
        // br[2] + br[3] overflows to a negative number
        rewriteByteRange(pdf, 0, br[1], br[2], Long.MAX_VALUE - 2);
        assertRefused(only(pdf), "/ByteRange");
        rewriteByteRange(pdf, 0, br[1], br[2], -1);
        assertRefused(only(pdf), "/ByteRange");
    }
}
