package vn.egov.sdk.axis;

import java.util.List;
import java.util.Optional;
import vn.egov.sdk.axis.internal.CheckpointTable;

/**
 * What the SDK's checkpoint stores share: entries held in a {@link CheckpointTable}, every mark one forward move of
 * an entry's state, all under the store's lock. A store says only how it keeps a move ({@link #record}).
 */
abstract class TableBackedCheckpointStore implements CheckpointStore {
    /** The entries; guarded by {@code this}. */
    final CheckpointTable table;

    TableBackedCheckpointStore(CheckpointTable table) {
        this.table = table;
    }

    @Override
    public synchronized Optional<CheckpointEntry> find(String docId) {
        return table.find(docId);
    }

    @Override
    public synchronized int markAttempt(String docId) {
        record(docId, CheckpointState.IN_PROGRESS, "");
        return attempts(docId);
    }

    @Override
    public synchronized void markHandled(String docId) {
        record(docId, CheckpointState.HANDLED, "");
    }

    @Override
    public synchronized void markDone(String docId) {
        record(docId, CheckpointState.DONE, "");
    }

    @Override
    public synchronized int markFailed(String docId, String reason) {
        record(docId, CheckpointState.FAILED, reason);
        return attempts(docId);
    }

    @Override
    public synchronized void markGivenUp(String docId, String reason) {
        record(docId, CheckpointState.GAVE_UP, reason);
    }

    /**
     * Every entry, oldest change first.
     *
     * @return a copy
     */
    public synchronized List<CheckpointEntry> entries() {
        return table.entries();
    }

    /**
     * Moves the entry of {@code docId} to {@code state} when that is a forward move, and keeps it as this store
     * keeps entries (durably, for a file). Called holding the store's lock.
     *
     * @param docId the axis id
     * @param state the new state
     * @param reason the failure, or "" when there is none
     */
    abstract void record(String docId, CheckpointState state, String reason);

    private int attempts(String docId) {
        return table.find(docId).map(CheckpointEntry::attempts).orElse(0);
    }
}
