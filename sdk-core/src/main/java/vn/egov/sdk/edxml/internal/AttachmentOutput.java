package vn.egov.sdk.edxml.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.AttachmentSink;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlReadOptions;

/**
 * Where one attachment's decoded bytes go while reading: memory while it stays under the in-memory threshold and
 * the package's in-memory total has room, else a temporary file; or the caller's sink. Enforces the size limits as
 * bytes arrive.
 */
final class AttachmentOutput {
    private final EdXmlReadOptions options;
    private final PackageBudget budget;
    private final String path;
    private final List<Path> createdFiles;
    private final String contentId;
    private final String name;
    private OutputStream out;
    private ByteArrayOutputStream memory;
    private long reserved;
    private Path file;
    private long size;

    /**
     * @param options limits and destinations
     * @param budget the package-wide limits, shared by its attachments
     * @param path where the attachment is, for error messages
     * @param createdFiles temporary files made so far (to delete if reading fails)
     * @param contentId the attachment's content id if already seen, else ""
     * @param name its name if already seen, else ""
     */
    AttachmentOutput(EdXmlReadOptions options, PackageBudget budget, String path, List<Path> createdFiles,
            String contentId, String name) {
        this.options = options;
        this.budget = budget;
        this.path = path;
        this.createdFiles = createdFiles;
        this.contentId = contentId;
        this.name = name;
    }

    void write(byte[] bytes, int off, int len) {
        if (len == 0) {
            return;
        }
        size += len;
        if (size > options.maxAttachmentBytes()) {
            throw new EdXmlFormatException(path, "attachment larger than the limit of " + options.maxAttachmentBytes()
                    + " bytes (EdXmlReadOptions.maxAttachmentBytes)", null);
        }
        budget.decoded(path, len);
        try {
            target().write(bytes, off, len);
        } catch (IOException e) {
            throw new EdXmlFormatException(path, "cannot store the attachment: " + Causes.describe(e), e);
        }
    }

    private OutputStream target() throws IOException {
        if (out == null) {
            if (options.sink().isPresent()) {
                AttachmentSink sink = options.sink().get();
                out = sink.open(contentId, name);
                if (out == null) {
                    throw new IOException("the attachment sink returned no stream");
                }
                return out;
            }
            memory = new ByteArrayOutputStream((int) Math.min(options.inMemoryThreshold(), 512));
            out = memory;
        }
        if (memory != null && !keepInMemory()) {
            spill();
        }
        return out;
    }

    /** Whether the bytes so far may stay in memory, reserving room for them in the package's total. */
    private boolean keepInMemory() {
        if (size > options.inMemoryThreshold()) {
            return false;
        }
        if (size > reserved) {
            if (!budget.reserveMemory(size - reserved)) {
                return false;
            }
            reserved = size;
        }
        return true;
    }

    private void spill() throws IOException {
        Path dir = options.tempDirectory().orElse(null);
        file = dir == null ? Files.createTempFile("edxml-", ".att") : Files.createTempFile(dir, "edxml-", ".att");
        createdFiles.add(file);
        OutputStream fileOut = Files.newOutputStream(file, StandardOpenOption.WRITE);
        memory.writeTo(fileOut);
        memory = null;
        budget.releaseMemory(reserved);
        reserved = 0;
        out = fileOut;
    }

    /** Closes the destination and returns the content. */
    AttachmentContent finish() {
        try {
            if (out == null) {
                if (options.sink().isPresent()) {
                    OutputStream empty = options.sink().get().open(contentId, name);
                    if (empty != null) {
                        empty.close();
                    }
                    return AttachmentContent.deliveredToSink(0);
                }
                return AttachmentContent.ofBytes(new byte[0]);
            }
            out.close();
        } catch (IOException e) {
            throw new EdXmlFormatException(path, "cannot store the attachment: " + Causes.describe(e), e);
        }
        if (options.sink().isPresent()) {
            return AttachmentContent.deliveredToSink(size);
        }
        return memory != null ? AttachmentContent.ofBytes(memory.toByteArray()) : AttachmentContent.ofTemporaryFile(file);
    }

    /** Closes without producing content (reading failed). */
    void abandon() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }
}
