package vn.egov.sdk.axis.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.core.ValidationException;

/**
 * The entries of a checkpoint store with the forward-only transition rule and pruning. Not thread-safe: the
 * stores call it under their own lock.
 */
public final class CheckpointTable {
    /** Longest reason kept, in characters. */
    public static final int MAX_REASON = 500;

    private final Map<String, CheckpointEntry> entries = new HashMap<>();
    private final Clock clock;
    private final Duration retention;
    private Instant nextPrune;

    /**
     * Creates an empty table.
     *
     * @param clock the source of {@code updatedAt} and of "now" for pruning
     * @param retention how long an unchanged entry is kept
     */
    public CheckpointTable(Clock clock, Duration retention) {
        if (clock == null) {
            throw ValidationException.of("checkpoint.clock.missing", "clock", "give a clock");
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw ValidationException.of("checkpoint.retention.invalid", "retention",
                    "the retention window must be positive");
        }
        this.clock = clock;
        this.retention = retention;
        this.nextPrune = clock.instant().plus(pruneEvery());
    }

    /** The entry of a docId, if any. */
    public Optional<CheckpointEntry> find(String docId) {
        return Optional.ofNullable(entries.get(CheckpointEntry.requireDocId(docId)));
    }

    /**
     * The entry a mark would produce, or empty when the move is not forward (the mark is then ignored).
     * Counting: {@link CheckpointState#IN_PROGRESS} (an attempt begins) counts one attempt; {@link
     * CheckpointState#FAILED} records the outcome of the attempt in progress without counting it again, or counts
     * one when no attempt is in progress.
     *
     * @param docId the axis id
     * @param next the state asked for
     * @param reason the failure reason for FAILED/GAVE_UP, else ignored
     * @return the new entry, not yet stored
     */
    public Optional<CheckpointEntry> next(String docId, CheckpointState next, String reason) {
        CheckpointEntry.requireDocId(docId);
        if (reason == null) {
            throw ValidationException.of("checkpoint.reason.missing", "reason", "give a reason (may be empty)");
        }
        CheckpointEntry current = entries.get(docId);
        if (current != null && !current.state().canMoveTo(next)) {
            return Optional.empty();
        }
        int attempts = current == null ? 0 : current.attempts();
        String lastError = current == null ? "" : current.lastError();
        boolean inProgress = current != null && current.state() == CheckpointState.IN_PROGRESS;
        if (next == CheckpointState.IN_PROGRESS || next == CheckpointState.FAILED && !inProgress) {
            attempts = attempts == Integer.MAX_VALUE ? attempts : attempts + 1;
        }
        if (next == CheckpointState.FAILED || next == CheckpointState.GAVE_UP) {
            lastError = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        }
        return Optional.of(new CheckpointEntry(docId, next, attempts, lastError, clock.instant()));
    }

    /** Stores an entry (replacing the docId's previous one). */
    public void put(CheckpointEntry entry) {
        entries.put(entry.docId(), entry);
    }

    /** Whether a periodic prune is due. */
    public boolean pruneDue() {
        return !clock.instant().isBefore(nextPrune);
    }

    /**
     * Removes entries whose {@code updatedAt} is older than the retention window.
     *
     * @return how many were removed
     */
    public int prune() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        int before = entries.size();
        entries.values().removeIf(e -> e.updatedAt().isBefore(cutoff));
        nextPrune = now.plus(pruneEvery());
        return before - entries.size();
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** Every entry, oldest change first. */
    public List<CheckpointEntry> entries() {
        List<CheckpointEntry> out = new ArrayList<>(entries.values());
        out.sort(Comparator.comparing(CheckpointEntry::updatedAt).thenComparing(CheckpointEntry::docId));
        return out;
    }

    private Duration pruneEvery() {
        Duration hour = Duration.ofHours(1);
        return retention.compareTo(hour) < 0 ? retention : hour;
    }
}
