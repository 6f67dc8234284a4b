package vn.egov.sdk.signing.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The visible appearance of a PDF signature (hình ảnh chữ ký số): where it goes (a page and a rectangle in PDF
 * points, origin at the page's lower-left corner), an optional image (PNG with a transparent background or JPEG:
 * the signer's handwritten signature, or the agency's red seal) and lines of text. Immutable.
 *
 * <p>Decree 30/2020/NĐ-CP (Appendix I) places the signer's signature image where the signer signs on paper,
 * between the title and the name, and the agency's seal over about the left third of it; the seal's text gives
 * the agency's name and the signing time (ISO 8601, Vietnam time). {@link #agencySealOver} computes that
 * rectangle. When no text is given, the signer writes three lines: the signer's name, the organisation and the
 * signing time, all taken from the certificate and the clock.
 *
 * <p>Text is drawn with an embedded TrueType font that has Vietnamese glyphs: the one given with
 * {@link Builder#font(Path)}, or else DejaVu Sans, Liberation Sans, Noto Sans or Arial found in the usual
 * places on Linux, Windows and macOS. If none is found, or the font lacks a character of the text, signing fails
 * with a {@link ValidationException} ({@code signing.pdf.stamp.font}): diacritics are never dropped silently.
 */
public final class VisibleStamp {
    /** The page number meaning "the document's last page". */
    public static final int LAST_PAGE = -1;
    private static final int MAX_IMAGE = 8 * 1024 * 1024;

    private final int page;
    private final float x;
    private final float y;
    private final float width;
    private final float height;
    private final byte[] image;
    private final List<String> lines;
    private final Path font;
    private final float fontSize;
    private final boolean imageOnly;

    private VisibleStamp(Builder b) {
        this.page = b.page;
        this.x = b.x;
        this.y = b.y;
        this.width = b.width;
        this.height = b.height;
        this.image = b.image;
        this.lines = List.copyOf(b.lines);
        this.font = b.font;
        this.fontSize = b.fontSize;
        this.imageOnly = b.imageOnly;
    }

    /**
     * A stamp at a rectangle of a page.
     *
     * @param page the page number, from 1, or {@link #LAST_PAGE}
     * @param x left edge in points from the page's left
     * @param y bottom edge in points from the page's bottom
     * @param width width in points
     * @param height height in points
     * @return a builder of a stamp with the default text and no image
     */
    public static Builder at(int page, float x, float y, float width, float height) {
        return new Builder(page, x, y, width, height);
    }

    /**
     * A stamp for the agency's seal placed as Decree 30/2020 wants: its right part covering about the left third
     * of the signer's stamp, vertically centred on it, on the same page.
     *
     * @param signer the signer's stamp
     * @param width the seal's width in points (its real size: a 35-40 mm round seal is about 100-115 points)
     * @param height the seal's height in points
     * @return a builder of a stamp on the signer stamp's page, to be given the seal's image and {@code imageOnly()}
     */
    public static Builder agencySealOver(VisibleStamp signer, float width, float height) {
        float sx = signer.x + signer.width / 3f - width;
        float sy = signer.y + (signer.height - height) / 2f;
        return new Builder(signer.page, Math.max(0f, sx), Math.max(0f, sy), width, height);
    }

    /**
     * Whether the stamp shows only its image, without text (an agency's seal).
     *
     * @return {@code true} for an image-only stamp, {@code false} when text is drawn
     */
    public boolean imageOnly() {
        return imageOnly;
    }

    /**
     * The page number, from 1, or {@link #LAST_PAGE}.
     *
     * @return the 1-based page number, or {@link #LAST_PAGE}
     */
    public int page() {
        return page;
    }

    /**
     * Left edge, in points.
     *
     * @return the left edge, in points (1/72 inch) from the page's left
     */
    public float x() {
        return x;
    }

    /**
     * Bottom edge, in points.
     *
     * @return the bottom edge, in points from the page's bottom
     */
    public float y() {
        return y;
    }

    /**
     * Width, in points.
     *
     * @return the width, in points
     */
    public float width() {
        return width;
    }

    /**
     * Height, in points.
     *
     * @return the height, in points
     */
    public float height() {
        return height;
    }

    /**
     * The image (PNG or JPEG bytes, a copy), if any.
     *
     * @return a fresh copy of the image bytes, or empty when the stamp has no image
     */
    public Optional<byte[]> image() {
        return Optional.ofNullable(image).map(byte[]::clone);
    }

    /**
     * The text lines; empty means "name, organisation and signing time from the certificate".
     *
     * @return an unmodifiable list of the lines, top to bottom; empty for the default lines
     */
    public List<String> lines() {
        return lines;
    }

    /**
     * The TrueType font file given by the caller, if any.
     *
     * @return the caller's TrueType font file, or empty when none was given
     */
    public Optional<Path> font() {
        return Optional.ofNullable(font);
    }

    /**
     * The font size in points; 0 means "as large as fits, at most 10".
     *
     * @return the font size in points, or 0 to fit the rectangle
     */
    public float fontSize() {
        return fontSize;
    }

    @Override
    public String toString() {
        return "VisibleStamp[page " + (page == LAST_PAGE ? "last" : page) + ", " + x + "," + y + " " + width + "x"
                + height + (image == null ? "" : ", image " + image.length + " bytes") + ", " + lines.size()
                + " lines]";
    }

    /** Builds a {@link VisibleStamp}. */
    public static final class Builder {
        private final int page;
        private final float x;
        private final float y;
        private final float width;
        private final float height;
        private byte[] image;
        private final List<String> lines = new ArrayList<>();
        private Path font;
        private float fontSize;
        private boolean imageOnly;

        private Builder(int page, float x, float y, float width, float height) {
            this.page = page;
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
        }

        /**
         * The image: PNG (transparent background recommended) or JPEG bytes, at most 8 MiB.
         *
         * @param value the PNG or JPEG bytes, 1 byte to 8 MiB; copied
         * @return this builder
         * @throws ValidationException if {@code value} is missing, empty or larger than 8 MiB
         */
        public Builder image(byte[] value) {
            if (value == null || value.length == 0 || value.length > MAX_IMAGE) {
                throw ValidationException.of("signing.pdf.stamp.image", "VisibleStamp.image",
                        "the image must be 1 byte to 8 MiB of PNG or JPEG");
            }
            this.image = value.clone();
            return this;
        }

        /**
         * Shows only the image, no text at all (not even the default signer/agency/time lines): an agency's seal
         * laid over the signer's stamp. Requires an image.
         *
         * @return this builder
         */
        public Builder imageOnly() {
            this.imageOnly = true;
            return this;
        }

        /**
         * Adds a line of text (Vietnamese allowed).
         *
         * @param value one line, at most 200 characters, without line breaks
         * @return this builder
         * @throws ValidationException if {@code value} is missing, too long or holds a line break
         */
        public Builder line(String value) {
            if (value == null || value.length() > 200 || value.contains("\n") || value.contains("\r")) {
                throw ValidationException.of("signing.pdf.stamp.line", "VisibleStamp.lines",
                        "a line must be present, single-line and at most 200 characters");
            }
            lines.add(value);
            return this;
        }

        /**
         * The TrueType font to draw the text with (it must have the text's glyphs).
         *
         * @param value a TrueType ({@code .ttf}) file
         * @return this builder
         */
        public Builder font(Path value) {
            this.font = value;
            return this;
        }

        /**
         * The font size in points (1 to 72), or 0 for "as large as fits".
         *
         * @param value the size in points, from 1 to 72, or 0 to fit
         * @return this builder
         * @throws ValidationException if {@code value} is outside that range
         */
        public Builder fontSize(float value) {
            if (value < 0 || value > 72 || (value > 0 && value < 1)) {
                throw ValidationException.of("signing.pdf.stamp.fontSize", "VisibleStamp.fontSize",
                        "the font size must be 0 (fit) or between 1 and 72 points");
            }
            this.fontSize = value;
            return this;
        }

        /**
         * The stamp.
         *
         * @return the immutable stamp
         * @throws ValidationException if an image-only stamp has no image or has text lines
         */
        public VisibleStamp build() {
            if (imageOnly && (image == null || !lines.isEmpty())) {
                throw ValidationException.of("signing.pdf.stamp.imageOnly", "VisibleStamp.image",
                        "an image-only stamp needs an image and no text lines");
            }
            if (page == 0 || page < LAST_PAGE) {
                throw ValidationException.of("signing.pdf.stamp.page", "VisibleStamp.page",
                        "the page number starts at 1 (or VisibleStamp.LAST_PAGE)");
            }
            if (!(width >= 8 && height >= 8 && width <= 14400 && height <= 14400) || !(x >= 0 && y >= 0)
                    || !Float.isFinite(x) || !Float.isFinite(y)) {
                throw ValidationException.of("signing.pdf.stamp.rectangle", "VisibleStamp.rectangle",
                        "the rectangle must lie at non-negative coordinates and measure 8 to 14400 points a side");
            }
            return new VisibleStamp(this);
        }
    }
}
