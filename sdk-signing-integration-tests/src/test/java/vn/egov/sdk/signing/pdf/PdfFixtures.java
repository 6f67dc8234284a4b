package vn.egov.sdk.signing.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs and images generated for the PDF signature tests. */
final class PdfFixtures {
    private PdfFixtures() {
    }

    /** A PDF of {@code pages} A4 pages, each with a line of text (PDFBox's default: object and xref streams). */
    static Path document(Path file, int pages) {
        return document(file, pages, true);
    }

    /** The same, with a classic cross-reference table when {@code compressed} is false. */
    static Path document(Path file, int pages, boolean compressed) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 760);
                    cs.showText("Cong van so 123/UBND-VP, trang " + i);
                    cs.endText();
                }
            }
            doc.save(file.toFile(), compressed ? org.apache.pdfbox.pdfwriter.compress.CompressParameters
                    .DEFAULT_COMPRESSION : org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG: a red ring on a transparent background, like a seal. */
    static byte[] sealPng() {
        BufferedImage img = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.setStroke(new java.awt.BasicStroke(6));
        g.drawOval(6, 6, 108, 108);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether a command-line tool runs on this machine. */
    static boolean toolPresent(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command; its exit code and output. */
    static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A finished command. */
    record Result(int exit, String output) {
    }

    /**
     * Writes a CMS container into a signed PDF's {@code /Contents} hole, hex-encoded and padded with zeros.
     *
     * @param pdf the signed PDF, changed in place
     * @param br the signature's {@code /ByteRange}
     * @param cms the container's bytes
     */
    static void writeHole(Path pdf, long[] br, byte[] cms) throws IOException {
        byte[] b = Files.readAllBytes(pdf);
        String hex = HexFormat.of().formatHex(cms);
        String filled = hex + "0".repeat((int) (br[2] - br[1] - 2) - hex.length());
        System.arraycopy(filled.getBytes(StandardCharsets.US_ASCII), 0, b, (int) br[1] + 1, filled.length());
        Files.write(pdf, b);
    }
}
