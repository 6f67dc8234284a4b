package vn.egov.sdk.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.pdf.VisibleStamp;

/**
 * Draws a visible signature's appearance into a one-page template PDF that PDFBox copies into the signed document
 * (its visual-signature mechanism): a signature field whose widget has the stamp's rectangle and a normal
 * appearance stream with the image (left part, aspect kept) and the text (embedded font subset).
 */
public final class StampRenderer {
    private static final float PADDING = 2f;
    private static final float LEADING = 1.2f;

    private StampRenderer() {
    }

    /**
     * The appearance of an optional stamp for {@link PdfPreparer#prepare}, its text resolved now for the signer and
     * the signing time.
     *
     * @param stamp the stamp; empty for an invisible signature
     * @param signer the signer's certificate, for the text
     * @param now the signing time, for the text
     * @return what draws the template for the target page's box; empty without a stamp
     * @throws ValidationException if the stamp's text cannot be resolved
     */
    public static Optional<Function<PDRectangle, byte[]>> appearance(Optional<VisibleStamp> stamp,
            X509Certificate signer, ZonedDateTime now) {
        return stamp.map(s -> {
            List<String> lines = StampText.lines(s, signer, now);
            return box -> template(s, lines, box);
        });
    }

    /**
     * The template PDF.
     *
     * @param stamp where and what
     * @param lines the text, already resolved
     * @param pageBox the target page's media box
     * @throws ValidationException for an unusable image or font, or a character the font lacks
     */
    public static byte[] template(VisibleStamp stamp, List<String> lines, PDRectangle pageBox) {
        List<String> text = new ArrayList<>();
        for (String l : lines) {
            text.add(Normalizer.normalize(l, Normalizer.Form.NFC));
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(pageBox);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            PDRectangle rect = new PDRectangle(pageBox.getLowerLeftX() + stamp.x(),
                    pageBox.getLowerLeftY() + stamp.y(), stamp.width(), stamp.height());
            widget.setRectangle(rect);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(stamp.width(), stamp.height()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream normal = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(normal);
            widget.setAppearance(appearance);

            try (PDPageContentStream cs = new PDPageContentStream(doc, normal)) {
                float textLeft = PADDING;
                if (stamp.image().isPresent()) {
                    PDImageXObject img = image(doc, stamp.image().get());
                    float box = text.isEmpty() ? stamp.width() - 2 * PADDING : stamp.width() * 0.4f;
                    float scale = Math.min(box / img.getWidth(), (stamp.height() - 2 * PADDING) / img.getHeight());
                    float w = img.getWidth() * scale;
                    float h = img.getHeight() * scale;
                    cs.drawImage(img, PADDING + (box - w) / 2, (stamp.height() - h) / 2, w, h);
                    textLeft = box + 2 * PADDING;
                }
                if (!text.isEmpty()) {
                    drawText(doc, cs, stamp, text, textLeft);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw ValidationException.of("signing.pdf.stamp", "VisibleStamp",
                    "cannot draw the visible stamp: " + Causes.describe(e));
        }
    }

    private static PDImageXObject image(PDDocument doc, byte[] bytes) {
        try {
            return PDImageXObject.createFromByteArray(doc, bytes, "stamp");
        } catch (IOException | RuntimeException e) {
            throw ValidationException.of("signing.pdf.stamp.image", "VisibleStamp.image",
                    "the image is not a readable PNG or JPEG: " + Causes.describe(e));
        }
    }

    private static void drawText(PDDocument doc, PDPageContentStream cs, VisibleStamp stamp, List<String> text,
            float left) throws IOException {
        Path file = StampFonts.find(stamp.font());
        PDType0Font font;
        try {
            font = PDType0Font.load(doc, file.toFile());
        } catch (IOException | RuntimeException e) {
            throw ValidationException.of("signing.pdf.stamp.font", "VisibleStamp.font",
                    "the font " + file + " is not a usable TrueType font: " + Causes.describe(e));
        }
        float widest = 0;
        for (String line : text) {
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                if (!Character.isWhitespace(cp) && !hasGlyph(font, cp)) {
                    throw ValidationException.of("signing.pdf.stamp.font", "VisibleStamp.font",
                            "the font " + file.getFileName() + " has no glyph for '" + new String(Character.toChars(cp))
                                    + "' (U+" + String.format("%04X", cp) + "); give a font with Vietnamese glyphs");
                }
                i += Character.charCount(cp);
            }
            widest = Math.max(widest, font.getStringWidth(line) / 1000f);
        }
        float availableWidth = stamp.width() - left - PADDING;
        float availableHeight = stamp.height() - 2 * PADDING;
        float size = stamp.fontSize() > 0 ? stamp.fontSize()
                : Math.min(10f, Math.min(widest > 0 ? availableWidth / widest : 10f,
                        availableHeight / (text.size() * LEADING)));
        size = Math.max(size, 1f);
        float blockHeight = text.size() * size * LEADING;
        float top = (stamp.height() + blockHeight) / 2f - size;
        cs.beginText();
        cs.setFont(font, size);
        cs.setLeading(size * LEADING);
        cs.newLineAtOffset(left, top);
        for (String line : text) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    private static boolean hasGlyph(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
