package vn.egov.sdk.signing.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.SampleHeaders;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;

/**
 * The four signature formats the SDK makes, behind one shape: sign with any {@link SignatureSource}, then verify the
 * result with any {@link CertificateValidator} and get the one report. Each format is driven only through its public
 * signer and verifier.
 */
enum Formats {
    /** An edXML package with an enveloped XML-DSig signature. */
    EDXML,
    /** A detached CMS (CAdES-B) signature of a payload. */
    CMS_DETACHED,
    /** A PDF, PAdES B-B. */
    PADES_BB,
    /** A PDF, PAdES B-T (timestamp from the given authority). */
    PADES_BT;

    static final byte[] PAYLOAD = "Biên bản họp số 12/BB-UBND, ngày 20/11/2026".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger FILES = new AtomicInteger();

    /** A signed artefact of a format. */
    interface Signed {
        /** Verifies it; exactly one report is expected. */
        ValidationReport verify(CertificateValidator validator, Clock clock);

        /** Verifies it at the system clock. */
        default ValidationReport verify(CertificateValidator validator) {
            return verify(validator, Clock.systemUTC());
        }
    }

    /**
     * Signs with {@code source}.
     *
     * @param dir where PDF files go
     * @param tsaUrl the timestamp authority, for {@link #PADES_BT}
     * @param clock the signing clock (the claimed signing time where the format has one)
     */
    Signed sign(SignatureSource source, Path dir, String tsaUrl, Clock clock) {
        return switch (this) {
            case EDXML -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    EdXmlSigner.builder().source(source).build().sign(new ByteArrayInputStream(edxml()), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                byte[] signed = out.toByteArray();
                yield (v, c) -> EdXmlSignatureVerifier.builder().certificateValidator(v).clock(c).build()
                        .verify(signed);
            }
            case CMS_DETACHED -> {
                byte[] p7s = CmsSigner.builder().source(source).clock(clock).build()
                        .sign(PAYLOAD, CmsPackaging.DETACHED);
                yield (v, c) -> only(CmsVerifier.builder().validator(v).clock(c).build().verifyDetached(p7s,
                        PAYLOAD));
            }
            case PADES_BB, PADES_BT -> {
                int n = FILES.incrementAndGet();
                Path in = pdf(dir.resolve("in-" + n + ".pdf"));
                Path out = dir.resolve(name().toLowerCase() + "-" + n + ".pdf");
                PdfSigner.Builder b = PdfSigner.builder().source(source).clock(clock).reason("Phê duyệt");
                if (this == PADES_BT) {
                    b.timestampUrl(tsaUrl);
                }
                try (PdfSigner signer = b.build()) {
                    signer.sign(in, out);
                }
                yield (v, c) -> only(PdfSignatureVerifier.builder().validator(v).clock(c).build().verify(out));
            }
        };
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        if (reports.size() != 1) {
            throw new AssertionError("expected one report: " + reports);
        }
        return reports.get(0);
    }

    /** A one-page PDF. */
    static Path pdf(Path file) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 760);
                cs.showText("Quyet dinh so 45/QD-UBND");
                cs.endText();
            }
            Files.createDirectories(file.getParent());
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unsigned edXML document package. */
    static byte[] edxml() {
        MessageHeader header = SampleHeaders.officialLetter();
        Attachment a = new Attachment("cid:1", "cv7816.pdf", "", "application/pdf",
                AttachmentContent.ofBytes(PAYLOAD));
        DocumentPackage doc = EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(a),
                Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(doc, out);
        return out.toByteArray();
    }
}
