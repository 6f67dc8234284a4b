package vn.egov.sdk.edxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;

/**
 * Unwraps attachments sent as a ZIP holding the real file(s), as the VNPT library sends them
 * ({@code ContentType=application/zip}), on request. Bounded: entry count, bytes per entry and in all, and the
 * compression ratio are limited (zip bombs), entry names are reduced to their last path segment (no path
 * traversal), and large entries go to temporary files that {@link AttachmentContent#release()} deletes.
 */
public final class ZipAttachments {
    /**
     * Limits for unwrapping.
     *
     * @param maxEntries most files in one ZIP
     * @param maxEntryBytes largest uncompressed file
     * @param maxTotalBytes most uncompressed bytes in all
     * @param maxRatio largest uncompressed ÷ compressed ratio of the whole archive
     * @param inMemoryThreshold files up to this size stay in memory
     * @param tempDirectory where larger files go (empty: the JVM's temporary directory)
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, long inMemoryThreshold,
            Optional<Path> tempDirectory) {
        /**
         * 100 entries, 256 MiB each and 512 MiB in all, ratio 200:1, 1 MiB in memory.
         *
         * @return the default limits
         */
        public static Limits defaults() {
            return new Limits(100, 256L << 20, 512L << 20, 200, 1L << 20, Optional.empty());
        }
    }

    private ZipAttachments() {
    }

    /**
     * Unwraps with the default limits.
     *
     * @param zipped an attachment whose content is a ZIP
     * @return the files inside, in entry order
     */
    public static List<Attachment> unwrap(Attachment zipped) {
        return unwrap(zipped, Limits.defaults());
    }

    /**
     * The files inside a ZIP attachment, each as an attachment whose content id is the ZIP's followed by
     * {@code #n} and whose name is the entry's file name.
     *
     * @param zipped an attachment whose content is a ZIP
     * @param limits the limits on entries, sizes, compression ratio and memory use
     * @return the files inside, in entry order
     * @throws EdXmlFormatException if the bytes are not a ZIP or break a limit
     */
    public static List<Attachment> unwrap(Attachment zipped, Limits limits) {
        ValidationException.requireNonNull(zipped, "ZipAttachments.zipped");
        ValidationException.requireNonNull(limits, "ZipAttachments.limits");
        if (!zipped.content().isReadable()) {
            throw ValidationException.of("edxml.zip.unreadable", "Attachment.content",
                    "the content was handed to a sink and cannot be unwrapped");
        }
        String path = "Attachment[" + zipped.contentId() + "]";
        List<Attachment> out = new ArrayList<>();
        long compressed = Math.max(1, zipped.content().size());
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(zipped.content().openStream())) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                if (out.size() >= limits.maxEntries()) {
                    throw fail(out, path, "more than " + limits.maxEntries() + " files");
                }
                String name = baseName(e.getName());
                EntryOutput entry = new EntryOutput(limits);
                byte[] buf = new byte[64 * 1024];
                long size = 0;
                for (int n; (n = zip.read(buf)) != -1; ) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes() || total > limits.maxTotalBytes()
                            || total / compressed > limits.maxRatio()) {
                        entry.abandon();
                        throw fail(out, path, "'" + name + "' unpacks beyond the limits (" + limits + ")");
                    }
                    entry.write(buf, n);
                }
                String type = Optional.ofNullable(URLConnection.guessContentTypeFromName(name))
                        .orElse("application/octet-stream");
                out.add(new Attachment(zipped.contentId() + "#" + (out.size() + 1), name, zipped.description(), type,
                        entry.finish()));
            }
        } catch (ZipException e) {
            throw fail(out, path, "not a valid ZIP: " + Causes.describe(e));
        } catch (IOException e) {
            throw fail(out, path, "cannot be unpacked: " + Causes.describe(e));
        }
        if (out.isEmpty()) {
            throw new EdXmlFormatException(path, "the ZIP holds no file", null);
        }
        return out;
    }

    private static EdXmlFormatException fail(List<Attachment> done, String path, String why) {
        done.forEach(a -> a.content().release());
        return new EdXmlFormatException(path, why, null);
    }

    private static String baseName(String entryName) {
        String n = entryName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.isBlank() || n.equals("..") || n.equals(".") ? "file" : n;
    }

    /** Memory first, a temporary file past the threshold. */
    private static final class EntryOutput {
        private final Limits limits;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream fileOut;

        EntryOutput(Limits limits) {
            this.limits = limits;
        }

        void write(byte[] b, int n) throws IOException {
            if (memory != null && memory.size() + n > limits.inMemoryThreshold()) {
                file = limits.tempDirectory().isPresent()
                        ? Files.createTempFile(limits.tempDirectory().get(), "edxml-zip-", ".bin")
                        : Files.createTempFile("edxml-zip-", ".bin");
                fileOut = Files.newOutputStream(file);
                memory.writeTo(fileOut);
                memory = null;
            }
            if (memory != null) {
                memory.write(b, 0, n);
            } else {
                fileOut.write(b, 0, n);
            }
        }

        AttachmentContent finish() throws IOException {
            if (memory != null) {
                return AttachmentContent.ofBytes(memory.toByteArray());
            }
            fileOut.close();
            return AttachmentContent.ofTemporaryFile(file);
        }

        void abandon() {
            try {
                if (fileOut != null) {
                    fileOut.close();
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // the limit failure being reported matters more
            }
        }
    }
}
