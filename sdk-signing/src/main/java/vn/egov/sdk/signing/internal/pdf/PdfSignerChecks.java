package vn.egov.sdk.signing.internal.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureSource;

/** The checks of a PDF signer's settings and paths, each failing with a {@link ValidationException}. */
public final class PdfSignerChecks {
    private PdfSignerChecks() {
    }

    /**
     * Requires both paths and a readable input file.
     *
     * @param input the PDF to read
     * @param output the PDF to write (may be the input)
     * @throws ValidationException if a path is missing or the input is not a regular file
     */
    public static void paths(Path input, Path output) {
        if (input == null || output == null) {
            throw ValidationException.of("signing.pdf.path", "PdfSigner.paths", "input and output are required");
        }
        if (!Files.isRegularFile(input)) {
            throw ValidationException.of("signing.pdf.path", "PdfSigner.input", "the input " + input
                    + " is not a readable file");
        }
    }

    /**
     * Requires two valid paths naming different files.
     *
     * @param input the PDF to read
     * @param output the PDF to write, not the input
     * @throws ValidationException if a path is missing, the input unreadable, or both name the same file
     */
    public static void distinctPaths(Path input, Path output) {
        paths(input, output);
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw ValidationException.of("signing.pdf.path", "PdfSigner.output",
                    "the output must be another file than the input; use prepareInPlace to append to the input");
        }
    }

    /**
     * Checks a signature dictionary text ({@code /Reason}, {@code /Location}, {@code /ContactInfo}).
     *
     * @param what the setting's name, for the error
     * @param value the text
     * @return {@code value}
     * @throws ValidationException if it is missing or longer than 500 characters
     */
    public static String text(String what, String value) {
        if (value == null || value.length() > 500) {
            throw ValidationException.of("signing.pdf." + what, "PdfSigner." + what,
                    "the " + what + " must be present and at most 500 characters");
        }
        return value;
    }

    /**
     * Checks the bytes reserved for the CMS container.
     *
     * @param value the reserved size
     * @return {@code value}
     * @throws ValidationException if it is outside 4 KiB to 1 MiB
     */
    public static int contentsSize(int value) {
        if (value < 4096 || value > 1 << 20) {
            throw ValidationException.of("signing.pdf.contentsSize", "PdfSigner.contentsSize",
                    "reserve between 4 KiB and 1 MiB for the signature container");
        }
        return value;
    }

    /**
     * Checks a signer's required settings and gives the algorithm to sign with: the one given, or the source's
     * default, checked against the signer's key type.
     *
     * @param source the signature source
     * @param clock the clock
     * @param algorithm the chosen algorithm; {@code null} for the source's default
     * @return the algorithm
     * @throws ValidationException if the source or clock is missing, or the algorithm does not fit the signer's key
     */
    public static SignatureAlgorithm algorithm(SignatureSource source, Clock clock, SignatureAlgorithm algorithm) {
        if (source == null) {
            throw ValidationException.of("signing.pdf.source", "PdfSigner.source", "a SignatureSource is required");
        }
        if (clock == null) {
            throw ValidationException.of("signing.pdf.clock", "PdfSigner.clock", "the clock is required");
        }
        SignatureAlgorithm alg = algorithm == null ? source.defaultAlgorithm() : algorithm;
        String keyType = source.certificate().getPublicKey().getAlgorithm();
        if (!alg.keyAlgorithm().equals("EC".equals(keyType) || "ECDSA".equals(keyType) ? "EC" : keyType)) {
            throw ValidationException.of("signing.pdf.algorithm", "PdfSigner.algorithm",
                    alg + " does not fit the signer's " + keyType + " key");
        }
        return alg;
    }
}
