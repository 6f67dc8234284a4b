package vn.egov.sdk.axis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.core.ValidationException;

/**
 * The file of a checkpoint store: an append-only journal, one fsync'ed line per change, compacted by writing a
 * snapshot to a temporary file in the same directory, fsync'ing it, moving it over the journal atomically, and
 * fsync'ing the directory where the platform allows. Not thread-safe: the store calls it under its lock.
 */
public final class CheckpointJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.checkpoint");

    private final Path file;
    private final Path temp;
    private FileChannel out;
    private int appended;
    private boolean needsRewrite;

    /**
     * A journal on a file (not opened yet).
     *
     * @param file the journal file; its directory must exist or be creatable
     */
    public CheckpointJournal(Path file) {
        this.file = file.toAbsolutePath();
        this.temp = this.file.resolveSibling("." + this.file.getFileName() + ".tmp");
    }

    /**
     * Reads every whole, intact record. A torn or corrupt line (a crash during an append) is skipped and logged;
     * the records before and after it are kept.
     *
     * @return the records in file order (a later record of a docId replaces an earlier one)
     * @throws ValidationException naming {@code file} if it is not a checkpoint journal
     */
    public List<CheckpointEntry> load() {
        List<CheckpointEntry> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint journal " + file, e);
        }
        if (text.isEmpty()) {
            return records;
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(CheckpointRecords.HEADER)) {
            throw ValidationException.of("checkpoint.file.format", "file",
                    "not a checkpoint journal (first line is not " + CheckpointRecords.HEADER + "): " + file);
        }
        int skipped = 0;
        for (int i = 1; i < lines.length; i++) {
            boolean last = i == lines.length - 1;
            if (last && lines[i].isEmpty()) {
                break;
            }
            Optional<CheckpointEntry> e = last ? Optional.empty() : CheckpointRecords.decode(lines[i]);
            if (e.isPresent()) {
                records.add(e.get());
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("checkpoint journal {}: skipped {} torn or corrupt record(s); earlier ones are kept", file,
                    skipped);
        }
        return records;
    }

    /**
     * Replaces the journal with a snapshot of the given entries (atomically), then reopens it for appending.
     *
     * @param entries the live entries
     */
    public void rewrite(Collection<CheckpointEntry> entries) {
        closeChannel();
        StringBuilder s = new StringBuilder(CheckpointRecords.HEADER).append('\n');
        entries.forEach(e -> s.append(CheckpointRecords.encode(e)));
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, s.toString());
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            appended = 0;
            needsRewrite = false;
        } catch (IOException e) {
            needsRewrite = true;
            throw new UncheckedIOException("cannot write checkpoint journal " + file, e);
        }
    }

    /**
     * Appends one record and fsyncs it. When an earlier append failed, the caller must {@link #rewrite} first
     * (see {@link #needsRewrite()}), so a half-written line never has a record glued to it.
     *
     * @param entry the record
     */
    public void append(CheckpointEntry entry) {
        try {
            writeFully(out, CheckpointRecords.encode(entry));
            out.force(true);
            appended++;
        } catch (IOException e) {
            needsRewrite = true;
            throw new UncheckedIOException("cannot append to checkpoint journal " + file, e);
        }
    }

    /** Whether the file must be rewritten before the next append (never opened, or a write failed). */
    public boolean needsRewrite() {
        return needsRewrite || out == null;
    }

    /** Records appended since the last rewrite. */
    public int appendedSinceRewrite() {
        return appended;
    }

    @Override
    public void close() {
        closeChannel();
    }

    private void closeChannel() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing checkpoint journal {} failed: {}", file, e.toString());
            }
            out = null;
        }
    }

    private static void writeFully(FileChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync not supported for {}: {}", file.getParent(), e.toString());
        }
    }
}
