package vn.egov.sdk.signing.internal.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadMemoryMappedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.DigestAlgorithm;

/**
 * Step 1 of PDF signing: adds a signature dictionary (PAdES: {@code /SubFilter ETSI.CAdES.detached}) and
 * optionally a visible stamp by incremental update, writes the file with a zero-filled {@code /Contents} hole and
 * digests the byte ranges while writing. The input is read through a file-backed {@code RandomAccessRead} (PDFBox
 * parses the structure; page streams stay on disk) and digested as PDFBox streams it; the output is the input itself
 * (in place) or a copy the file system makes meanwhile on another thread, to which the increment, the only part
 * held in memory, is appended; stream caches go to temporary files.
 */
public final class PdfPreparer {
    /** The PAdES sub-filter. */
    public static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    private static final long MAX_MAPPED = 1L << 30;

    private PdfPreparer() {
    }

    /** What the signature dictionary says. */
    public record Fields(String name, Optional<String> reason, Optional<String> location, Optional<String> contact,
            Calendar signingTime) {
    }

    /**
     * The prepared file's hole and digest.
     *
     * @param byteRange {@code 0, a, b, c}: the signed ranges {@code [0, a)} and {@code [b, b+c)}
     * @param digest the digest of those ranges
     */
    public record Prepared(long[] byteRange, byte[] digest) {
    }

    /**
     * Prepares the file.
     *
     * @param input the PDF to sign
     * @param output where the prepared PDF goes (created or replaced); the input itself to append the increment
     *     to it in place (the input is then not copied)
     * @param fields the dictionary's entries
     * @param stamp draws the visible stamp's template given the target page's box and the page count, or empty
     * @param stampPage the stamp's page number (from 1, or -1 for the last), ignored without a stamp
     * @param contentsBytes how many bytes to reserve for the CMS container
     * @param digest the digest algorithm of the byte ranges
     */
    public static Prepared prepare(Path input, Path output, Fields fields,
            Optional<Function<PDRectangle, byte[]>> stamp, int stampPage, int contentsBytes, DigestAlgorithm digest)
            throws IOException {
        boolean inPlace = input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
        // PDFBox copies the input through a small buffer before the increment: keep only the increment (digesting
        // all of it on the way), and append it to the input, or to a copy made meanwhile on another thread
        long size = Files.size(input);
        TailSink tail = new TailSink(size);
        MessageDigest md = digest.newMessageDigest();
        FileCopy copy = inPlace ? null : FileCopy.start(input, output, size);
        Increment increment;
        try {
            increment = writeIncrement(input, fields, stamp, stampPage, contentsBytes, tail, md);
            if (copy != null) {
                copy.finish();
            }
        } catch (IOException | RuntimeException e) {
            if (copy != null) {
                copy.finishAfter(e);
                deleteAfter(output, e); // a copy without its increment is no prepared PDF
            }
            throw e;
        }
        tail.appendTo(output); // after the document (and its mapping of the input) is closed
        long[] range = increment.range();
        checkHole(output, range);
        if (!increment.streamed()) {
            md.reset();
            ByteRanges.digest(output, range, md);
        }
        return new Prepared(range, md.digest());
    }

    private static void deleteAfter(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** The byte range PDFBox wrote, and whether the digest was computed while it wrote. */
    private record Increment(long[] range, boolean streamed) {
    }

    private static Increment writeIncrement(Path input, Fields fields, Optional<Function<PDRectangle, byte[]>> stamp,
            int stampPage, int contentsBytes, TailSink tail, MessageDigest md) throws IOException {
        try (PDDocument doc = load(input)) {
            if (doc.isEncrypted()) {
                throw ValidationException.of("signing.pdf.encrypted", "PdfSigner.input",
                        "encrypted PDFs are not supported; decrypt the document before signing");
            }
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(ETSI_CADES_DETACHED);
            sig.setName(fields.name());
            fields.reason().ifPresent(sig::setReason);
            fields.location().ifPresent(sig::setLocation);
            fields.contact().ifPresent(sig::setContactInfo);
            sig.setSignDate(fields.signingTime());
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(contentsBytes);
                if (stamp.isPresent()) {
                    int pages = doc.getNumberOfPages();
                    int index = stampPage < 0 ? pages - 1 : stampPage - 1;
                    if (index < 0 || index >= pages) {
                        throw ValidationException.of("signing.pdf.stamp.page", "VisibleStamp.page",
                                "the document has " + pages + " page(s); the stamp asks for page " + stampPage);
                    }
                    byte[] template = stamp.get().apply(doc.getPage(index).getMediaBox());
                    options.setVisualSignature(new ByteArrayInputStream(template));
                    options.setPage(index);
                }
                doc.addSignature(sig, options);
                try (HoleDigestOutputStream out = new HoleDigestOutputStream(tail, md)) {
                    ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                    int[] br = sig.getByteRange();
                    long[] range = {br[0], br[1], br[2], br[3]};
                    // PDFBox writes nothing before the signature is set; if it did, read the file back instead
                    boolean streamed = out.hole(range[1], range[2]);
                    external.setSignature(new byte[0]);
                    return new Increment(range, streamed);
                }
            }
        }
    }

    /**
     * Loads a PDF from a file, file-backed (memory-mapped up to 1 GiB: off the Java heap, and the fastest for the
     * one sequential copy of the input; above, read through a small page cache), with stream caches in temporary
     * files.
     */
    public static PDDocument load(Path input) throws IOException {
        RandomAccessRead source = Files.size(input) <= MAX_MAPPED
                ? new RandomAccessReadMemoryMappedFile(input) : new RandomAccessReadBufferedFile(input.toFile());
        try {
            return Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException | RuntimeException e) {
            source.close();
            throw ValidationException.of("signing.pdf.malformed", "PdfSigner.input",
                    "the input is not a readable PDF: " + Causes.describe(e));
        }
    }

    /**
     * The byte range of a prepared file's last signature, which must still be blank (its {@code /Contents} all
     * {@code 0}), to complete it after a restart.
     *
     * @param preparedPdf the prepared file
     * @return the byte range (four numbers)
     * @throws ValidationException {@code signing.pdf.notPrepared} if the file has no blank signature to complete,
     *     {@code signing.pdf.malformed} if it is not a readable PDF
     * @throws IOException if the file cannot be read
     */
    public static long[] blankSignatureRange(Path preparedPdf) throws IOException {
        try (PDDocument doc = load(preparedPdf)) {
            PDSignature last = doc.getLastSignatureDictionary();
            int[] br = last == null ? null : last.getByteRange();
            if (br == null || br.length != 4) {
                throw ValidationException.of("signing.pdf.notPrepared", "PdfSigner.resume",
                        "the file has no prepared signature to complete");
            }
            long[] range = new long[] {br[0], br[1], br[2], br[3]};
            byte[] contents = ByteRanges.read(preparedPdf, range[1] + 1, (int) (range[2] - range[1] - 2));
            for (byte c : contents) {
                if (c != '0') {
                    throw ValidationException.of("signing.pdf.notPrepared", "PdfSigner.resume",
                            "the file's last signature is already completed");
                }
            }
            return range;
        }
    }

    /** Checks the hole starts with {@code <}, ends with {@code >} and the second range ends at the end of file. */
    static void checkHole(Path file, long[] range) throws IOException {
        long size = Files.size(file);
        byte[] open = ByteRanges.read(file, range[1], 1);
        byte[] close = ByteRanges.read(file, range[2] - 1, 1);
        if (range[0] != 0 || open[0] != '<' || close[0] != '>' || range[2] + range[3] != size) {
            throw new IOException("PDFBox wrote an unexpected byte range " + range[1] + "/" + range[2] + "/"
                    + range[3] + " for a file of " + size + " bytes");
        }
    }

    /**
     * Step 3: writes a CMS container into the prepared file's {@code /Contents} hole, in place.
     *
     * @throws ValidationException {@code signing.pdf.contentsTooSmall} if it does not fit
     */
    public static void writeContents(Path file, long[] range, byte[] cms) throws IOException {
        int holeChars = (int) (range[2] - range[1] - 2);
        if (cms.length * 2 > holeChars) {
            throw ValidationException.of("signing.pdf.contentsTooSmall", "PdfSigner.contentsSize",
                    "the signature container (" + cms.length + " bytes) is larger than the space reserved ("
                            + holeChars / 2 + " bytes); raise PdfSigner.Builder.contentsSize");
        }
        checkHole(file, range);
        ByteRanges.write(file, range[1] + 1, hex(cms, holeChars));
    }

    /** The hex text of a CMS container, padded with '0' to fill the hole exactly. */
    static byte[] hex(byte[] cms, int holeChars) {
        String hex = java.util.HexFormat.of().withUpperCase().formatHex(cms);
        StringBuilder sb = new StringBuilder(holeChars).append(hex);
        while (sb.length() < holeChars) {
            sb.append('0');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
