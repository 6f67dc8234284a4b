package vn.egov.sdk.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.pdf.VisibleStamp;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * Signs a PDF letter the way Decree 30/2020 places signatures on an official document: first the signer's visible
 * signature (text with Vietnamese diacritics in an embedded font) at the signature block, then the agency's seal
 * (an image) over its left part, each a PAdES B-T signature (RFC 3161 timestamp from the sandbox's TSA) added by
 * incremental update so the first stays valid. Then verifies both against the test PKI's root with OCSP.
 * Writes {@code letter.pdf}, {@code signed.pdf}, {@code test-root-ca.pem} to {@code --out DIR} (default
 * {@code target/examples}); check with {@code pdfsig signed.pdf}.
 */
public final class SignPdf {
    /** The signer's stamp: the signature block at the lower right of the first page (A4, points). */
    static final VisibleStamp SIGNER_STAMP = VisibleStamp.at(1, 330, 120, 220, 80).build();

    private SignPdf() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --out DIR}
     * @throws IOException if the output folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Tour.parseOut(args, Path.of("target", "examples"));
        Files.createDirectories(out);
        try (NationalSandbox sandbox = NationalSandbox.start();
                PkixCertificateValidator validator = SigningDemo.validator(sandbox)) {
            List<ValidationReport> reports = signTwice(sandbox, validator, out.resolve("letter.pdf"),
                    out.resolve("signed.pdf"));
            Files.writeString(out.resolve("test-root-ca.pem"), sandbox.pki().rootPem());
            System.out.println("Wrote " + out.resolve("signed.pdf") + ": " + SigningTourSteps.describe(reports));
        }
    }

    /** Writes a one-page letter to {@code letter}, signs it as the signer then as the agency into {@code signed}. */
    static List<ValidationReport> signTwice(NationalSandbox sandbox, PkixCertificateValidator validator, Path letter,
            Path signed) {
        writeLetter(letter);
        TestPki pki = sandbox.pki();
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .timestampUrl(pki.tsaUrl()).reason("Ký duyệt văn bản").location("Hà Nội")
                .stamp(SIGNER_STAMP).build();
                PdfSigner agency = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY))
                        .timestampUrl(pki.tsaUrl()).reason("Đóng dấu cơ quan").location("Hà Nội")
                        .stamp(VisibleStamp.agencySealOver(SIGNER_STAMP, 100, 100).image(seal()).imageOnly()
                                .build())
                        .build()) {
            signer.sign(letter, signed);
            agency.signInPlace(signed);
        }
        return PdfSignatureVerifier.builder().validator(validator).build().verify(signed);
    }

    /** A one-page A4 letter; the text uses DejaVu Sans when the machine has it, else plain Helvetica. */
    static void writeLetter(Path file) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
            boolean unicode = Files.isReadable(dejavu);
            PDFont font = unicode ? PDType0Font.load(doc, dejavu.toFile())
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                float y = 780;
                for (String line : unicode ? List.of("VĂN PHÒNG CHÍNH PHỦ", "Số: 123/VPCP-KSTT",
                        "V/v triển khai liên thông văn bản điện tử", "",
                        "Đề nghị các cơ quan hoàn thành kết nối trục liên thông văn bản quốc gia.")
                        : List.of("VAN PHONG CHINH PHU", "So: 123/VPCP-KSTT",
                                "V/v trien khai lien thong van ban dien tu")) {
                    text.beginText();
                    text.setFont(font, 12);
                    text.newLineAtOffset(60, y);
                    text.showText(line);
                    text.endText();
                    y -= 20;
                }
            }
            doc.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A red round seal drawn for the demo (a real agency scans its seal). */
    static byte[] seal() {
        BufferedImage img = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 20, 20, 220));
        g.setStroke(new BasicStroke(8));
        g.drawOval(8, 8, 224, 224);
        g.setStroke(new BasicStroke(3));
        g.drawOval(40, 40, 160, 160);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("★", 100, 135);
        g.dispose();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
