package vn.egov.sdk.axis;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.internal.CheckpointFileLock;
import vn.egov.sdk.axis.internal.CheckpointJournal;
import vn.egov.sdk.axis.internal.CheckpointTable;
import vn.egov.sdk.core.ValidationException;

/**
 * A crash-safe {@link CheckpointStore} in one file: an append-only journal.
 *
 * <ul>
 *   <li>Every mark appends one line holding the whole entry, with a CRC-32, and fsyncs the file
 *       ({@code FileChannel.force}) before returning: a mark that returned survives a crash or power loss.</li>
 *   <li>Opening reads every intact line (a later line of a docId wins). A torn or corrupt line, as a crash
 *       during an append leaves, is skipped and logged; the lines before it are kept.</li>
 *   <li>Opening, and then every {@code compactAfter} appends (or more when there are more live entries),
 *       compacts: the live entries are written to {@code .<name>.tmp} in the same directory, fsync'ed, moved over
 *       the journal with {@code ATOMIC_MOVE}, and the directory is fsync'ed where the platform allows. A torn tail
 *       is thereby dropped before anything is appended after it.</li>
 *   <li>Growth is bounded: entries unchanged for longer than the retention window (default 30 days, measured
 *       with the injected clock) are pruned on open and at most hourly after.</li>
 * </ul>
 *
 * <p>Thread-safe. Only one store may have a file open at a time: opening takes an exclusive lock on
 * {@code <file>.lock} (released on {@link #close()} or when the process dies); a second open, in this process or
 * another, throws {@link IllegalStateException}. A failed write throws {@link UncheckedIOException} and leaves the
 * entry unchanged; the next mark rewrites the file first.
 */
public final class FileCheckpointStore implements CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.checkpoint");

    private final CheckpointTable table;
    private final CheckpointFileLock lock;
    private final CheckpointJournal journal;
    private final int compactAfter;
    private boolean closed;

    private FileCheckpointStore(Builder b) {
        this.table = new CheckpointTable(b.clock, b.retention);
        this.journal = new CheckpointJournal(b.file);
        this.compactAfter = b.compactAfter;
        this.lock = CheckpointFileLock.acquire(b.file);
        try {
            journal.load().forEach(table::put);
            table.prune();
            journal.rewrite(table.entries());
        } catch (RuntimeException e) {
            journal.close();
            lock.close();
            throw e;
        }
    }

    /**
     * Opens (or creates) a store with the system clock and the default settings.
     *
     * @param file the journal file
     * @return the store
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
    public synchronized Optional<CheckpointEntry> find(String docId) {
        return table.find(docId);
    }

    @Override
    public synchronized void markHandled(String docId) {
        mark(docId, CheckpointState.HANDLED, "");
    }

    @Override
    public synchronized void markDone(String docId) {
        mark(docId, CheckpointState.DONE, "");
    }

    @Override
    public synchronized int markFailed(String docId, String reason) {
        mark(docId, CheckpointState.FAILED, reason);
        return table.find(docId).map(CheckpointEntry::attempts).orElse(0);
    }

    @Override
    public synchronized void markGivenUp(String docId, String reason) {
        mark(docId, CheckpointState.GAVE_UP, reason);
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

    /** Every entry, oldest change first (a copy). */
    public synchronized List<CheckpointEntry> entries() {
        return table.entries();
    }

    /** Closes the file and releases its lock; later marks throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            journal.close();
            lock.close();
        }
    }

    private void mark(String docId, CheckpointState state, String reason) {
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
        } catch (UncheckedIOException e) {
            // the mark itself is durable; the next mark retries the rewrite before appending
            LOG.warn("checkpoint journal compaction failed; will retry: {}", e.toString());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("checkpoint store is closed");
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
         * Opens the store: reads the journal, prunes, and compacts it.
         *
         * @return the store
         * @throws ValidationException naming {@code file} if it is not a checkpoint journal
         * @throws java.io.UncheckedIOException if it cannot be read or written
         */
        public FileCheckpointStore build() {
            return new FileCheckpointStore(this);
        }
    }
}
