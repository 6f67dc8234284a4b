package vn.egov.sdk.cli.internal;

import java.nio.file.Path;
import java.util.Locale;
import vn.egov.sdk.core.ValidationException;

/** The signature formats of {@code egov sign} and {@code egov verify}, named by {@code --format} or the extension. */
enum SignatureFormat {
    /** XML-DSig enveloped in an edXML package. */
    EDXML,
    /** CMS (CAdES-B), detached or enveloping. */
    CMS,
    /** PAdES in a PDF. */
    PDF;

    /**
     * The format asked for, or the one the file's extension names.
     *
     * @param option the {@code --format} value, or {@code null}
     * @param file the file signed or verified
     * @param signing whether to sign: then any other extension is data to sign in CMS
     * @return the format
     * @throws ValidationException naming {@code --format} when the value is unknown or the extension says nothing
     */
    static SignatureFormat of(String option, Path file, boolean signing) {
        if (option != null) {
            return switch (option.toLowerCase(Locale.ROOT)) {
                case "edxml", "xml" -> EDXML;
                case "cms", "p7s", "cades" -> CMS;
                case "pdf", "pades" -> PDF;
                default -> throw ValidationException.of("cli.format", "--format",
                        "must be edxml, cms or pdf, not '" + option + "'");
            };
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".edxml") || name.endsWith(".xml")) {
            return EDXML;
        }
        if (name.endsWith(".pdf")) {
            return PDF;
        }
        if (signing || name.endsWith(".p7s") || name.endsWith(".p7m") || name.endsWith(".cms")) {
            return CMS;
        }
        throw ValidationException.of("cli.format", "--format", "cannot tell the format of " + file
                + " from its extension (.edxml, .xml, .pdf, .p7s, .p7m, .cms): give --format edxml|cms|pdf");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
