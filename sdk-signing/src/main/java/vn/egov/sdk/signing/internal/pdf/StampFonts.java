package vn.egov.sdk.signing.internal.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/** Finds a TrueType font with Vietnamese glyphs: the caller's, or a well-known one installed on the machine. */
public final class StampFonts {
    /** Fonts known to cover Vietnamese, in order of preference. */
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "C:\\Windows\\Fonts\\arial.ttf",
            "C:\\Windows\\Fonts\\times.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial.ttf");

    private StampFonts() {
    }

    /**
     * The font file to use.
     *
     * @throws ValidationException {@code signing.pdf.stamp.font} when the given file is unreadable or none is found
     */
    public static Path find(Optional<Path> given) {
        if (given.isPresent()) {
            Path p = given.get();
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw ValidationException.of("signing.pdf.stamp.font", "VisibleStamp.font",
                        "the font file " + p + " cannot be read");
            }
            return p;
        }
        for (String c : CANDIDATES) {
            try {
                Path p = Path.of(c);
                if (Files.isRegularFile(p) && Files.isReadable(p)) {
                    return p;
                }
            } catch (RuntimeException e) {
                // a Windows path on Unix, or the reverse: not this one
            }
        }
        throw ValidationException.of("signing.pdf.stamp.font", "VisibleStamp.font",
                "no TrueType font with Vietnamese glyphs was found on this machine (looked for DejaVu Sans, "
                        + "Liberation Sans, Noto Sans, Arial); give one with VisibleStamp.Builder.font(path), "
                        + "e.g. DejaVuSans.ttf (Debian package fonts-dejavu-core)");
    }
}
