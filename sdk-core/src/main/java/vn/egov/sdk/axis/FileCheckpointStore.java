package vn.egov.sdk.axis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.internal.CheckpointRecords;
import vn.egov.sdk.axis.internal.CheckpointTable;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.journal.JournalDamage;
import vn.egov.sdk.core.internal.journal.JournalFile;
import vn.egov.sdk.core.internal.journal.JournalFileLock;
import vn.egov.sdk.core.internal.journal.JournalSettings;

/**
 * A crash-safe {@link CheckpointStore} in one file: an append-only journal.
 *
 * <ul>
 *   <li>Every mark appends one line holding the whole entry, numbered, with a CRC-32, and fsyncs the file
 *       ({@code FileChannel.force}) before returning: a mark that returned survives a crash or power loss.</li>
 *   <li>Opening recovers every intact record, wherever the damage is: a torn or cut-off end, flipped bytes, a lost
 *       newline that glued two records, a damaged header. What could not be read is counted exactly (records
 *       inside the file by their numbers; bytes; the docIds named in damaged records) in {@link #recovery()} and
 *       in one WARN line, and the damaged file is first kept next to the journal as
 *       {@code <name>.damaged-<UTC time>}. A file that cannot be read at all is moved aside under that name and
 *       the store starts empty. Only a file that is not a journal at all (no header, no record) is refused.</li>
 *   <li>Opening, and then every {@code compactAfter} appends (or more when there are more live entries),
 *       compacts: the live entries are written to {@code .<name>.tmp} in the same directory, fsync'ed, moved over
 *       the journal with {@code ATOMIC_MOVE}, and the directory is fsync'ed where the platform allows. A torn tail
 *       is thereby dropped before anything is appended after it.</li>
 *   <li>Growth is bounded: entries unchanged for longer than the retention window (default 30 days, measured
 *       with the injected clock) are pruned on open and at most hourly after.</li>
 * </ul>
 *
 * <p>Thread-safe. Only one store may have a file open at a time: opening takes an exclusive lock on
 * {@code <file>.lock} (deleted on {@link #close()}, released by the operating system when the process dies); a
 * second open, in this process or another, throws a {@link CheckpointStoreException}. Every failure to open, read
 * or write is a {@link CheckpointStoreException} (a failed write leaves the entry unchanged; the next mark
 * rewrites the file first), or a {@link ValidationException} naming {@code file} for a path that is a directory
 * or a file that is not a journal.
 */
public final class FileCheckpointStore extends TableBackedCheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.checkpoint");
    private static final JournalSettings JOURNAL = new JournalSettings("checkpoint journal", "checkpoint", LOG,
            CheckpointStoreException::new);

    private final Path file;
    private final JournalFileLock lock;
    private final JournalFile<CheckpointEntry> journal;
    private final int compactAfter;
    private final CheckpointRecovery recovery;
    private boolean closed;

    private FileCheckpointStore(Builder b) {
        super(new CheckpointTable(b.clock, b.retention));
        this.file = b.file.toAbsolutePath();
        this.journal = new JournalFile<>(file, CheckpointRecords.CODEC, JOURNAL);
        this.compactAfter = b.compactAfter;
        if (Files.isDirectory(file)) {
            throw journal.directory();
        }
        this.lock = JournalFileLock.acquire(file, JOURNAL);
        try {
            JournalFile.Loaded<CheckpointEntry> loaded = journal.load(b.clock);
            loaded.records().forEach(table::put);
            table.prune();
            journal.rewrite(table.entries());
            JournalDamage d = loaded.damage();
            this.recovery = new CheckpointRecovery(d.recordsRecovered(), d.recordsLost(), d.bytesLost(),
                    d.keysAffected(), d.headerDamaged(), d.unreadable(), d.damagedCopy());
        } catch (RuntimeException | Error e) { // let go of the file and its lock whatever went wrong
            journal.close();
            lock.close();
            throw e;
        }
        if (!recovery.clean()) {
            LOG.warn("checkpoint journal {} was damaged; starting from what could be recovered: {}", file,
                    recovery.summary());
        }
    }

    /**
     * Opens (or creates) a store with the system clock and the default settings.
     *
     * @param file the journal file
     * @return the store
     * @throws ValidationException naming {@code file} if it is null, a directory, or a file that is not a journal
     * @throws CheckpointStoreException if the journal is locked by another store, or cannot be created, written or
     *         set aside
     */
    public static FileCheckpointStore open(Path file) {
        return builder(file).build();
    }

    /**
     * A builder.
     *
     * @param file the journal file; its directory is created if missing
     * @return the builder
     * @throws ValidationException naming {@code file} if it is null
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    @Override
    public synchronized int prune() {
        ensureOpen();
        int removed = table.prune();
        if (removed > 0) {
            compact();
        }
        return removed;
    }

    /**
     * What opening found: the records read and, if the journal was damaged, exactly what was lost and where the
     * damaged file was kept.
     *
     * @return the recovery report ({@link CheckpointRecovery#clean()} for an intact journal)
     */
    public CheckpointRecovery recovery() {
        return recovery;
    }

    /** The journal file (absolute). */
    Path file() {
        return file;
    }

    /** Closes the file and releases (and deletes) its lock; later marks throw {@link CheckpointStoreException}. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            journal.close();
            lock.close();
        }
    }

    @Override
    void record(String docId, CheckpointState state, String reason) {
        ensureOpen();
        Optional<CheckpointEntry> next = table.next(docId, state, reason);
        if (next.isEmpty()) {
            return;
        }
        if (journal.needsRewrite()) {
            journal.rewrite(table.entries());
        }
        journal.append(next.get());
        table.put(next.get());
        boolean pruneDue = table.pruneDue();
        if (pruneDue) {
            table.prune();
        }
        if (pruneDue || journal.appendedSinceRewrite() >= Math.max(compactAfter, table.size())) {
            compact();
        }
    }

    private void compact() {
        try {
            journal.rewrite(table.entries());
        } catch (CheckpointStoreException e) {
            // the mark itself is durable; the next mark retries the rewrite before appending
            LOG.warn("checkpoint journal compaction failed; will retry: {}", e.toString());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new CheckpointStoreException("checkpoint store " + file + " is closed", false, null);
        }
    }

    /** Settings of a {@link FileCheckpointStore}. */
    public static final class Builder {
        private final Path file;
        private Clock clock = Clock.systemUTC();
        private Duration retention = InMemoryCheckpointStore.DEFAULT_RETENTION;
        private int compactAfter = 1000;

        private Builder(Path file) {
            if (file == null || file.getFileName() == null) {
                throw ValidationException.of("checkpoint.file.missing", "file", "give the journal file's path");
            }
            this.file = file;
        }

        /**
         * The time source of entries and pruning (default: system UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            if (value == null) {
                throw ValidationException.of("checkpoint.clock.missing", "clock", "give a clock");
            }
            this.clock = value;
            return this;
        }

        /**
         * How long an unchanged entry is kept (default 30 days). Make it longer than the axis may offer a
         * package again, or a pruned package would be handed over again.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder retention(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("checkpoint.retention.invalid", "retention",
                        "the retention window must be positive");
            }
            this.retention = value;
            return this;
        }

        /**
         * How many appends trigger a compaction (default 1000; at least the number of live entries).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder compactAfter(int value) {
            if (value < 1) {
                throw ValidationException.of("checkpoint.compactAfter.invalid", "compactAfter",
                        "compactAfter must be >= 1");
            }
            this.compactAfter = value;
            return this;
        }

        /**
         * Opens the store: reads the journal (recovering a damaged one, see {@link FileCheckpointStore}), prunes,
         * and compacts it.
         *
         * @return the store
         * @throws ValidationException naming {@code file} if it is a directory, or a file that is not a checkpoint
         *         journal (left untouched)
         * @throws CheckpointStoreException if the journal is locked by another store, or its directory or file
         *         cannot be created, written or set aside
         */
        public FileCheckpointStore build() {
            return new FileCheckpointStore(this);
        }
    }
}
