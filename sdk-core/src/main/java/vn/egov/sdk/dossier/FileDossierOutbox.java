package vn.egov.sdk.dossier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.journal.JournalDamage;
import vn.egov.sdk.core.internal.journal.JournalFile;
import vn.egov.sdk.core.internal.journal.JournalFileLock;
import vn.egov.sdk.core.internal.journal.JournalSettings;
import vn.egov.sdk.dossier.internal.OutboxRecord;
import vn.egov.sdk.dossier.internal.OutboxRecords;
import vn.egov.sdk.dossier.internal.OutboxReplay;
import vn.egov.sdk.dossier.internal.OutboxTable;

/**
 * A crash-safe {@link DossierOutbox} in one file: an append-only journal, built like the axis checkpoint store's.
 *
 * <ul>
 *   <li>Every {@code enqueue} and {@code mark…} call appends one line per new or changed entry, holding the whole
 *       entry (its payload byte-exactly) with a CRC-32, in one write, and fsyncs the file before returning: a call
 *       that returned survives a crash or power loss. Each line of one call says its place in the call and how many lines
 *       the call wrote, so after a crash in the middle of a call (or damage to one of its lines) the call is applied
 *       to all of its entries or to none.</li>
 *   <li>Opening recovers every intact record, wherever the damage is (a torn or cut-off end, flipped bytes, a lost
 *       newline that glued two records, a damaged header); what could not be read is counted exactly in
 *       {@link #recovery()} and in one WARN line, and the damaged file is first kept next to the journal as
 *       {@code <name>.damaged-<UTC time>}. A file that cannot be read at all is moved aside under that name and the
 *       outbox starts empty; a file that is not a journal at all is refused and left untouched.</li>
 *   <li>Opening, and then every {@code compactAfter} appended lines (or more when more entries are held), compacts:
 *       the held entries are written to {@code .<name>.tmp} in the same directory, fsync'ed, moved over the journal
 *       with {@code ATOMIC_MOVE}, and the directory is fsync'ed where the platform allows. The highest sequence
 *       ever given is kept in the file, so sequences continue after a restart and are never reused.</li>
 *   <li>Sent and given-up entries unchanged for longer than the retention window (default 30 days, on the injected
 *       clock) are pruned on open, at each compaction and by {@link #prune()}; until then their keys still
 *       deduplicate.</li>
 * </ul>
 *
 * <p>Thread-safe. Only one outbox may have a file open at a time: opening takes an exclusive lock on
 * {@code <file>.lock} (deleted on {@link #close()}, released by the operating system when the process dies); a
 * second open, in this process or another, throws an {@link OutboxStoreException}. Every failure to open, read or
 * write is an {@link OutboxStoreException} (a failed write changes nothing; the next call rewrites the file first),
 * or a {@link ValidationException} naming {@code file} for a path that is a directory or a file that is not a
 * journal.
 */
public final class FileDossierOutbox implements DossierOutbox {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.dossier.outbox");
    private static final JournalSettings JOURNAL = new JournalSettings("dossier outbox journal", "outbox", LOG,
            OutboxStoreException::new);

    private final Path file;
    private final Clock clock;
    private final Duration retention;
    private final int compactAfter;
    private final OutboxTable table = new OutboxTable();
    private final JournalFile<OutboxRecord> journal;
    private final JournalFileLock lock;
    private final OutboxRecovery recovery;
    private boolean closed;

    private FileDossierOutbox(Builder b) {
        this.file = b.file.toAbsolutePath();
        this.clock = b.clock;
        this.retention = b.retention;
        this.compactAfter = b.compactAfter;
        this.journal = new JournalFile<>(file, OutboxRecords.CODEC, JOURNAL);
        if (Files.isDirectory(file)) {
            throw journal.directory();
        }
        this.lock = JournalFileLock.acquire(file, JOURNAL);
        try {
            JournalFile.Loaded<OutboxRecord> loaded = journal.load(clock);
            OutboxReplay replay = OutboxReplay.of(loaded.records(), table);
            pruneTable();
            journal.rewrite(snapshot());
            JournalDamage d = loaded.damage();
            List<String> keys = new ArrayList<>(d.keysAffected());
            replay.droppedKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            this.recovery = new OutboxRecovery(d.recordsRecovered(), d.recordsLost(), d.bytesLost(), keys,
                    replay.dropped(), d.headerDamaged(), d.unreadable(), d.damagedCopy());
        } catch (RuntimeException | Error e) { // let go of the file and its lock whatever went wrong
            journal.close();
            lock.close();
            throw e;
        }
        if (!recovery.clean()) {
            LOG.warn("dossier outbox journal {} was damaged; starting from what could be recovered: {}", file,
                    recovery.summary());
        }
    }

    /**
     * Opens (or creates) an outbox with the system clock and the default settings.
     *
     * @param file the journal file; its directory is created if missing
     * @return the outbox
     * @throws ValidationException naming {@code file} if it is null, a directory, or a file that is not a journal
     * @throws OutboxStoreException if the journal is locked by another outbox, or cannot be created, written or set
     *         aside
     */
    public static FileDossierOutbox open(Path file) {
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

    /**
     * What opening found: the records read and, if the journal was damaged, exactly what was lost and where the
     * damaged file was kept.
     *
     * @return the recovery report ({@link OutboxRecovery#clean()} for an intact journal)
     */
    public OutboxRecovery recovery() {
        return recovery;
    }

    /**
     * The journal file.
     *
     * @return its absolute path
     */
    public Path file() {
        return file;
    }

    @Override
    public synchronized List<OutboxEntry> enqueue(List<OutboxItem> items) {
        OutboxTable.Enqueue plan = table.planEnqueue(items, clock.instant());
        write(plan.added());
        return plan.result();
    }

    @Override
    public synchronized List<OutboxEntry> due(int max, Instant now) {
        List<OutboxEntry> due = table.due(max, now);
        ensureOpen();
        return due;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long sequence) {
        ensureOpen();
        return table.find(sequence);
    }

    @Override
    public synchronized void markSending(List<Long> sequences) {
        write(table.planMark(sequences, OutboxState.SENDING, null, null, clock.instant()));
    }

    @Override
    public synchronized void markSent(List<Long> sequences) {
        write(table.planMark(sequences, OutboxState.SENT, null, null, clock.instant()));
    }

    @Override
    public synchronized void markFailed(List<Long> sequences, String reason, Instant nextAttemptAt) {
        write(table.planMark(sequences, OutboxState.FAILED, reason, nextAttemptAt, clock.instant()));
    }

    @Override
    public synchronized void markGivenUp(List<Long> sequences, String reason) {
        write(table.planMark(sequences, OutboxState.GIVEN_UP, reason, null, clock.instant()));
    }

    @Override
    public synchronized Map<OutboxState, Long> counts() {
        ensureOpen();
        return table.counts();
    }

    /**
     * Forgets sent and given-up entries unchanged for longer than the retention window, and compacts the journal
     * if any were.
     *
     * @return how many entries were removed
     * @throws OutboxStoreException if the outbox is closed
     */
    @Override
    public synchronized int prune() {
        ensureOpen();
        int removed = pruneTable();
        if (removed > 0) {
            compact();
        }
        return removed;
    }

    /** Closes the file and releases (and deletes) its lock; later calls throw {@link OutboxStoreException}. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            journal.close();
            lock.close();
        }
    }

    private void write(List<OutboxEntry> changed) {
        ensureOpen();
        if (changed.isEmpty()) {
            return;
        }
        if (journal.needsRewrite()) {
            journal.rewrite(snapshot());
        }
        List<OutboxRecord> records = new ArrayList<>(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            records.add(OutboxRecord.of(changed.get(i), i, changed.size()));
        }
        journal.append(records);
        table.apply(changed);
        if (journal.appendedSinceRewrite() >= Math.max(compactAfter, table.size())) {
            pruneTable();
            compact();
        }
    }

    private int pruneTable() {
        List<Long> old = table.finalsChangedBefore(clock.instant().minus(retention));
        old.forEach(table::remove);
        return old.size();
    }

    private List<OutboxRecord> snapshot() {
        List<OutboxRecord> records = new ArrayList<>(table.size() + 1);
        records.add(OutboxRecord.highWater(table.lastSequence()));
        table.entries().forEach(e -> records.add(OutboxRecord.of(e, 0, 1)));
        return records;
    }

    private void compact() {
        try {
            journal.rewrite(snapshot());
        } catch (OutboxStoreException e) {
            // what was written is durable; the next write retries the rewrite before appending
            LOG.warn("dossier outbox journal compaction failed; will retry: {}", e.toString());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new OutboxStoreException("dossier outbox " + file + " is closed", false, null);
        }
    }

    /** Settings of a {@link FileDossierOutbox}. */
    public static final class Builder {
        private final Path file;
        private Clock clock = Clock.systemUTC();
        private Duration retention = Duration.ofDays(30);
        private int compactAfter = 1000;

        private Builder(Path file) {
            if (file == null || file.getFileName() == null) {
                throw ValidationException.of("outbox.file.missing", "file", "give the journal file's path");
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
                throw ValidationException.of("outbox.clock.missing", "clock", "give a clock");
            }
            this.clock = value;
            return this;
        }

        /**
         * How long a sent or given-up entry is kept after its last change (default 30 days). While kept, its key
         * still deduplicates: make it longer than a vendor may record the same change again.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder retention(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("outbox.retention.invalid", "retention",
                        "the retention window must be positive");
            }
            this.retention = value;
            return this;
        }

        /**
         * How many appended lines trigger a compaction (default 1000; at least the number of held entries).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder compactAfter(int value) {
            if (value < 1) {
                throw ValidationException.of("outbox.compactAfter.invalid", "compactAfter",
                        "compactAfter must be >= 1");
            }
            this.compactAfter = value;
            return this;
        }

        /**
         * Opens the outbox: reads the journal (recovering a damaged one, see {@link FileDossierOutbox}), prunes,
         * and compacts it.
         *
         * @return the outbox
         * @throws ValidationException naming {@code file} if it is a directory, or a file that is not an outbox
         *         journal (left untouched)
         * @throws OutboxStoreException if the journal is locked by another outbox, or its directory or file cannot
         *         be created, written or set aside
         */
        public FileDossierOutbox build() {
            return new FileDossierOutbox(this);
        }
    }
}
