package vn.egov.sdk.core.internal.journal;

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
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;

/**
 * The file of a store: an append-only journal, one fsync'ed line per record (see {@link JournalCodec}), compacted by writing a
 * snapshot to a temporary file in the same directory, fsync'ing it, moving it over the journal atomically, and
 * fsync'ing the directory where the platform allows. Reading recovers every intact record (see
 * {@link JournalScan}); a damaged file is first copied aside, an unreadable one moved aside. Every failure is
 * the store's own exception ({@link JournalSettings#failure()}), or a {@link ValidationException} naming
 * {@code file} for a path that is a directory or a file that is not a journal. Not thread-safe: the store calls it
 * under its lock.
 *
 * @param <T> what a record holds
 */
public final class JournalFile<T> implements AutoCloseable {
    /** Larger files are not read: a journal is compacted long before. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Path temp;
    private final JournalCodec<T> codec;
    private final JournalSettings settings;
    private FileChannel out;
    private int appended;
    private long seq;
    private boolean needsRewrite;

    /**
     * A journal on a file (not opened yet).
     *
     * @param file the journal file; its directory must exist or be creatable
     * @param codec its record format
     * @param settings its name in messages and its failures
     */
    public JournalFile(Path file, JournalCodec<T> codec, JournalSettings settings) {
        this.file = file.toAbsolutePath();
        this.codec = codec;
        this.settings = settings;
        this.temp = this.file.resolveSibling("." + this.file.getFileName() + ".tmp");
    }

    /**
     * What reading the journal gave.
     *
     * @param records the intact records in file order
     * @param damage what was recovered and lost
     * @param <T> what a record holds
     */
    public record Loaded<T>(List<T> records, JournalDamage damage) {
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
     * @throws RuntimeException the store's failure if the damaged file cannot be kept aside, or the file is too
     *         large
     */
    public Loaded<T> load(Clock clock) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Loaded<>(List.of(), JournalDamage.intact(0));
        }
        if (Files.isDirectory(file)) {
            throw directory();
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw settings.fail(settings.what() + " " + file + " holds " + size
                        + " bytes, more than a journal ever does (" + MAX_FILE_BYTES + "); not read, not changed",
                        false, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            String reason = Causes.describeWithType(e);
            Path aside = moveAside(clock, e);
            return new Loaded<>(List.of(), new JournalDamage(0, 0, 0, List.of(), false,
                    Optional.of(reason), Optional.of(aside)));
        }
        JournalScan<T> scan = JournalScan.of(bytes, codec);
        if (!scan.isJournal()) {
            throw ValidationException.of(settings.rulePrefix() + ".file.format", "file",
                    "not a " + settings.what() + " (no journal header and no record in it): " + file
                            + "; left untouched, give the store a file of its own");
        }
        if (scan.clean()) {
            return new Loaded<>(scan.records(), JournalDamage.intact(scan.records().size()));
        }
        Path aside = copyAside(clock, bytes);
        return new Loaded<>(scan.records(), new JournalDamage(scan.records().size(), scan.recordsLost(),
                scan.bytesLost(), scan.keysAffected(), scan.headerDamaged(), Optional.empty(), Optional.of(aside)));
    }

    /**
     * Replaces the journal with a snapshot of the given records (atomically), then reopens it for appending.
     *
     * @param records the live records
     * @throws RuntimeException the store's failure if the file cannot be written; the old journal is then unchanged
     */
    public void rewrite(Collection<? extends T> records) {
        closeChannel();
        StringBuilder s = new StringBuilder(codec.headers().get(0)).append('\n');
        long n = 0;
        for (T r : records) {
            s.append(JournalLines.frame(codec.body(r, ++n)));
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
            throw settings.fail("cannot write " + settings.what() + " " + file + ": "
                    + Causes.describeWithType(e), true, e);
        }
    }

    /**
     * Appends one record and fsyncs it. When an earlier append failed, the caller must {@link #rewrite} first
     * (see {@link #needsRewrite()}), so a half-written line never has a record glued to it.
     *
     * @param record the record
     * @throws RuntimeException the store's failure if it cannot be written and synced
     */
    public void append(T record) {
        append(List.of(record));
    }

    /**
     * Appends records in one write and fsyncs them once (see {@link #append(Object)}).
     *
     * @param records the records, in order
     * @throws RuntimeException the store's failure if they cannot be written and synced
     */
    public void append(List<? extends T> records) {
        StringBuilder s = new StringBuilder();
        long n = seq;
        for (T r : records) {
            s.append(JournalLines.frame(codec.body(r, ++n)));
        }
        try {
            writeFully(out, s.toString());
            out.force(true);
            seq = n;
            appended += records.size();
        } catch (IOException e) {
            needsRewrite = true;
            throw settings.fail("cannot append to " + settings.what() + " " + file + ": "
                    + Causes.describeWithType(e), true, e);
        }
    }

    /**
     * The number the next appended record gets in the file.
     *
     * @return the number
     */
    public long nextSeq() {
        return seq + 1;
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
     * @return a validation error naming {@code file}
     */
    public ValidationException directory() {
        return ValidationException.of(settings.rulePrefix() + ".file.directory", "file",
                "the " + settings.what() + " path is a directory, give a file path: " + file);
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
                throw settings.fail(settings.what() + " " + file + " is damaged and a copy of it "
                        + "cannot be kept (" + Causes.describeWithType(e) + "); not changed", false, e);
            }
        }
        throw settings.fail(settings.what() + " " + file + " is damaged and 100 damaged copies "
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
                RuntimeException x = settings.fail(settings.what() + " " + file
                        + " cannot be read (" + Causes.describeWithType(readFailure) + ") nor moved aside (" + Causes.describeWithType(e) + ")",
                        false, readFailure);
                x.addSuppressed(e);
                throw x;
            }
        }
        throw settings.fail(settings.what() + " " + file + " cannot be read and 100 damaged copies "
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
                settings.log().warn("closing {} {} failed: {}", settings.what(), file, e.toString());
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
            settings.log().debug("directory fsync not supported for {}: {}", file.getParent(), e.toString());
        }
    }
}
