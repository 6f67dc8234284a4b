package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/** Attacks on signed PDFs (pdf-insecurity.org classes: ISA, USF, SWA, shadow) and hostile input. */
class PdfAttackTest extends PdfSandboxTest {
    private Path signed(String name, boolean timestamp) {
        return signed(name, timestamp, true);
    }

    private Path signed(String name, boolean timestamp, boolean compressed) {
        Path in = PdfFixtures.document(dir.resolve(name + "-in.pdf"), 2, compressed);
        Path out = dir.resolve(name + ".pdf");
        PdfSigner.Builder b = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD));
        if (timestamp) {
            b.timestampUrl(pki.tsaUrl());
        }
        try (PdfSigner s = b.build()) {
            s.sign(in, out);
        }
        assertEquals(Indication.VALID, verifier.verify(out).get(0).indication(), "valid before the attack");
        return out;
    }

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void incrementalUpdateChangingPageContentInvalidatesTheSignature(boolean compressed) throws Exception {
        Path pdf = signed("isa", false, compressed);
        Path attacked = dir.resolve("isa-attacked.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(attacked)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 760);
                cs.showText("Cong van so 999/UBND-VP (da sua)");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        ValidationReport r = verifier.verify(attacked).get(0);
        assertEquals(Indication.INVALID, r.indication(), r.toString());
        assertEquals(SubIndication.HASH_FAILURE, r.subIndication().orElseThrow());
        assertTrue(r.reason().contains("modified after this signature"), r.reason());
        assertTrue(r.signer().isPresent(), "the signer is still named");
    }

    @Test
    void incrementalUpdateAddingACommentOrAPageInvalidatesTheSignature() throws Exception {
        Path pdf = signed("annot", false);
        Path withNote = dir.resolve("annot-attacked.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(withNote)) {
            PDPage page = doc.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(100, 100, 20, 20));
            note.setContents("Đã sửa");
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        ValidationReport r1 = verifier.verify(withNote).get(0);
        assertEquals(Indication.INVALID, r1.indication(), r1.toString());
        assertTrue(r1.reason().contains("not a signature"), r1.reason());

        Path withPage = dir.resolve("page-attacked.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(withPage)) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        ValidationReport r2 = verifier.verify(withPage).get(0);
        assertEquals(Indication.INVALID, r2.indication(), r2.toString());
    }

    @Test
    void aByteFlippedInsideTheSignedRangeIsAHashFailure() throws Exception {
        Path pdf = signed("flip", false);
        byte[] b = Files.readAllBytes(pdf);
        int at = indexOf(b, "/Producer".getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            at = indexOf(b, "/MediaBox".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(at > 0);
        b[at + 3] ^= 0x01;
        Files.write(pdf, b);
        ValidationReport r = verifier.verify(pdf).get(0);
        assertEquals(SubIndication.HASH_FAILURE, r.subIndication().orElseThrow(), r.toString());
    }

    @Test
    void replacedContentsAreRejected() throws Exception {
        Path victim = signed("victim", false);
        Path other = signed("other", false);
        long[] br = PdfSignerTest.byteRange(victim);
        // another document's valid signature put into the hole: the digest does not match
        PdfFixtures.writeHole(victim, br, PdfSignerTest.cms(other).getEncoded());
        assertEquals(SubIndication.HASH_FAILURE, verifier.verify(victim).get(0).subIndication().orElseThrow());
        // not hex inside the hole
        byte[] b = Files.readAllBytes(victim);
        b[(int) br[1] + 5] = 'Z';
        Files.write(victim, b);
        ValidationReport r = verifier.verify(victim).get(0);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r.toString());
        // a blank container: never signed
        PdfFixtures.writeHole(victim, br, new byte[0]);
        ValidationReport blank = verifier.verify(victim).get(0);
        assertEquals(SubIndication.FORMAT_FAILURE, blank.subIndication().orElseThrow(), blank.toString());
        // garbage DER
        PdfFixtures.writeHole(victim, br, new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3});
        assertEquals(SubIndication.FORMAT_FAILURE, verifier.verify(victim).get(0).subIndication().orElseThrow());
    }

    @Test
    void aByteRangeNotCoveringTheRevisionIsRejected() throws Exception {
        Path pdf = signed("range", false);
        long[] br = PdfSignerTest.byteRange(pdf);
        byte[] b = Files.readAllBytes(pdf);
        String original = "/ByteRange [0 " + br[1] + " " + br[2] + " " + br[3] + "]";
        int at = indexOf(b, original.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "byte range written as " + original);
        String shorter = "/ByteRange [0 " + br[1] + " " + br[2] + " " + (br[3] - 20) + "]";
        shorter = shorter + " ".repeat(original.length() - shorter.length());
        System.arraycopy(shorter.getBytes(StandardCharsets.US_ASCII), 0, b, at, shorter.length());
        Files.write(pdf, b);
        ValidationReport r = verifier.verify(pdf).get(0);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r.toString());
        assertTrue(r.reason().contains("revision"), r.reason());
    }

    @Test
    void aTamperedTimestampIsReported() throws Exception {
        Path pdf = signed("ts", true);
        long[] br = PdfSignerTest.byteRange(pdf);
        byte[] cms = PdfSignerTest.cms(pdf).getEncoded();
        byte[] token = PdfSignerTest.cms(pdf).getSignerInfos().getSigners().iterator().next().getUnsignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                .toASN1Primitive().getEncoded();
        int at = indexOf(cms, token);
        assertTrue(at > 0);
        cms[at + token.length - 10] ^= 0x55; // inside the TSA's signature value
        PdfFixtures.writeHole(pdf, br, cms);
        ValidationReport r = verifier.verify(pdf).get(0);
        assertEquals(Indication.INVALID, r.indication(), r.toString());
        assertTrue(r.reason().contains("timestamp"), r.reason());
    }

    @Test
    void hostileInputIsAFormatFailureReportLikeTheCmsVerifiers() throws Exception {
        Path garbage = dir.resolve("garbage.pdf");
        Files.write(garbage, "%PDF-1.7\nnot really a pdf at all \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1));
        assertFormatFailure(verifier.verify(garbage), "not a readable PDF");
        Path empty = dir.resolve("empty.pdf");
        Files.write(empty, new byte[0]);
        assertFormatFailure(verifier.verify(empty), "not a readable PDF");
        assertFormatFailure(verifier.verify(new java.io.ByteArrayInputStream(new byte[] {'P', 'K', 3, 4})),
                "not a readable PDF");

        Path pdf = signed("truncated", false);
        byte[] b = Files.readAllBytes(pdf);
        Path truncated = dir.resolve("truncated-half.pdf");
        Files.write(truncated, Arrays.copyOf(b, b.length - 200));
        List<ValidationReport> reports = verifier.verify(truncated);
        assertFalse(reports.stream().anyMatch(ValidationReport::isValid), reports.toString());

        PdfSignatureVerifier small = PdfSignatureVerifier.builder().validator(TestValidators.issuedBy(pki))
                .maxBytes(4096).build();
        assertFormatFailure(small.verify(pdf), "more than the 4096 allowed");
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertFormatFailure(small.verify(endless), "larger than the 4096 bytes allowed");

        Path unsigned = PdfFixtures.document(dir.resolve("unsigned.pdf"), 1);
        ValidationReport none = verifier.verify(unsigned).get(0);
        assertEquals(SubIndication.SIGNED_DATA_NOT_FOUND, none.subIndication().orElseThrow());
        assertFalse(none.isValid());

        assertThrows(ValidationException.class, () -> {
            try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
                s.sign(garbage, dir.resolve("never.pdf"));
            }
        });
        assertFalse(Files.exists(dir.resolve("never.pdf")), "no output is left when the input cannot be signed");
        assertThrows(ValidationException.class, () -> {
            try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
                s.sign(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream());
            }
        });
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void assertFormatFailure(List<ValidationReport> reports, String reason) {
        assertEquals(1, reports.size(), reports.toString());
        ValidationReport r = reports.get(0);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r.toString());
        assertEquals(Indication.INVALID, r.indication());
        assertTrue(r.reason().contains(reason), r.reason());
    }
}
