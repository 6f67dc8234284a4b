package vn.egov.sdk.axis.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointRecovery;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;

/**
 * The file of a checkpoint store: an append-only journal, one fsync'ed line per change, compacted by writing a
 * snapshot to a temporary file in the same directory, fsync'ing it, moving it over the journal atomically, and
 * fsync'ing the directory where the platform allows. Reading recovers every intact record (see
 * {@link CheckpointJournalScan}); a damaged file is first copied aside, an unreadable one moved aside. Every
 * failure is a {@link CheckpointStoreException} (or a {@link ValidationException} naming {@code file} for a path
 * that is a directory or a file that is not a journal). Not thread-safe: the store calls it under its lock.
 */
public final class CheckpointJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.checkpoint");
    /** Larger files are not read: a journal is compacted long before (about 150 bytes per live entry). */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Path temp;
    private FileChannel out;
    private int appended;
    private long seq;
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
     * What reading the journal gave.
     *
     * @param records the intact records in file order (a later record of a docId replaces an earlier one)
     * @param recovery what was recovered and lost
     */
    public record Loaded(List<CheckpointEntry> records, CheckpointRecovery recovery) {
    }

    /**
     * Reads every intact record. A damaged file (torn or cut short, bytes flipped, records glued, header damaged)
     * is first copied aside as {@code <name>.damaged-<UTC time>}; a file that cannot be read at all is moved
     * aside under that name and the journal starts empty.
     *
     * @param clock the time of the aside copy's name
     * @return the records and the recovery report
     * @throws ValidationException naming {@code file} if it is a directory, or a file that is not a journal
     *         (left untouched)
     * @throws CheckpointStoreException if the damaged file cannot be kept aside, or the file is too large
     */
    public Loaded load(Clock clock) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Loaded(List.of(), CheckpointRecovery.intact(0));
        }
        if (Files.isDirectory(file)) {
            throw directory(file);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new CheckpointStoreException("checkpoint journal " + file + " holds " + size
                        + " bytes, more than a journal ever does (" + MAX_FILE_BYTES + "); not read, not changed",
                        false, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            String reason = Causes.describeWithType(e);
            Path aside = moveAside(clock, e);
            return new Loaded(List.of(), new CheckpointRecovery(0, 0, 0, List.of(), false,
                    Optional.of(reason), Optional.of(aside)));
        }
        CheckpointJournalScan scan = CheckpointJournalScan.of(bytes);
        if (!scan.isJournal()) {
            throw ValidationException.of("checkpoint.file.format", "file",
                    "not a checkpoint journal (no journal header and no record in it): " + file
                            + "; left untouched, give the store a file of its own");
        }
        if (scan.clean()) {
            return new Loaded(scan.records(), CheckpointRecovery.intact(scan.records().size()));
        }
        Path aside = copyAside(clock, bytes);
        return new Loaded(scan.records(), new CheckpointRecovery(scan.records().size(), scan.recordsLost(),
                scan.bytesLost(), scan.docIdsAffected(), scan.headerDamaged(), Optional.empty(), Optional.of(aside)));
    }

    /**
     * Replaces the journal with a snapshot of the given entries (atomically), then reopens it for appending.
     *
     * @param entries the live entries
     * @throws CheckpointStoreException if the file cannot be written; the old journal is then unchanged
     */
    public void rewrite(Collection<CheckpointEntry> entries) {
        closeChannel();
        StringBuilder s = new StringBuilder(CheckpointRecords.HEADER).append('\n');
        long n = 0;
        for (CheckpointEntry e : entries) {
            s.append(CheckpointRecords.encode(e, ++n));
        }
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
            seq = n;
            needsRewrite = false;
        } catch (IOException e) {
            needsRewrite = true;
            throw new CheckpointStoreException("cannot write checkpoint journal " + file + ": "
                    + Causes.describeWithType(e), true, e);
        }
    }

    /**
     * Appends one record and fsyncs it. When an earlier append failed, the caller must {@link #rewrite} first
     * (see {@link #needsRewrite()}), so a half-written line never has a record glued to it.
     *
     * @param entry the record
     * @throws CheckpointStoreException if it cannot be written and synced
     */
    public void append(CheckpointEntry entry) {
        try {
            writeFully(out, CheckpointRecords.encode(entry, seq + 1));
            out.force(true);
            seq++;
            appended++;
        } catch (IOException e) {
            needsRewrite = true;
            throw new CheckpointStoreException("cannot append to checkpoint journal " + file + ": "
                    + Causes.describeWithType(e), true, e);
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

    /**
     * The error for a journal path that is a directory.
     *
     * @param file the path
     * @return a validation error naming {@code file}
     */
    public static ValidationException directory(Path file) {
        return ValidationException.of("checkpoint.file.directory", "file",
                "the checkpoint journal path is a directory, give a file path: " + file);
    }

    private Path copyAside(Clock clock, byte[] bytes) {
        for (int i = 1; i <= 100; i++) {
            Path aside = asideName(clock, i);
            try (FileChannel ch = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
                syncDirectory();
                return aside;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try the next name
            } catch (IOException e) {
                throw new CheckpointStoreException("checkpoint journal " + file + " is damaged and a copy of it "
                        + "cannot be kept (" + Causes.describeWithType(e) + "); not changed", false, e);
            }
        }
        throw new CheckpointStoreException("checkpoint journal " + file + " is damaged and 100 damaged copies "
                + "already exist next to it; not changed", false, null);
    }

    private Path moveAside(Clock clock, IOException readFailure) {
        for (int i = 1; i <= 100; i++) {
            Path aside = asideName(clock, i);
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory();
                return aside;
            } catch (IOException e) {
                CheckpointStoreException x = new CheckpointStoreException("checkpoint journal " + file
                        + " cannot be read (" + Causes.describeWithType(readFailure) + ") nor moved aside (" + Causes.describeWithType(e) + ")",
                        false, readFailure);
                x.addSuppressed(e);
                throw x;
            }
        }
        throw new CheckpointStoreException("checkpoint journal " + file + " cannot be read and 100 damaged copies "
                + "already exist next to it", false, readFailure);
    }

    private Path asideName(Clock clock, int n) {
        String name = file.getFileName() + ".damaged-" + ASIDE_TIME.format(clock.instant()) + (n > 1 ? "-" + n : "");
        return file.resolveSibling(name);
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
