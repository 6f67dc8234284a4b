package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a file-to-file PDF operation on streams, through temporary files deleted afterwards. */
public final class PdfSpool {
    private static final Logger LOG = LoggerFactory.getLogger(PdfSpool.class);

    private PdfSpool() {
    }

    /**
     * Copies {@code input} to a temporary file, runs {@code operation} from it to a second temporary file, and
     * copies that one to {@code output}.
     *
     * @param input the PDF read (not closed)
     * @param output where the result goes (not closed)
     * @param operation reads its first path, writes its second
     * @throws UncheckedIOException if the temporary files cannot be written or read
     */
    public static void through(InputStream input, OutputStream output, BiConsumer<Path, Path> operation) {
        Path in = null;
        Path out = null;
        try {
            in = Files.createTempFile("egov-pdf-in", ".pdf");
            out = Files.createTempFile("egov-pdf-out", ".pdf");
            Files.copy(input, in, StandardCopyOption.REPLACE_EXISTING);
            operation.accept(in, out);
            Files.copy(out, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the PDF to a temporary file", e);
        } finally {
            delete(in);
            delete(out);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("cannot delete the temporary file {}", p);
            }
        }
    }
}
