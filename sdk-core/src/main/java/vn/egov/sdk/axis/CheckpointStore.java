package vn.egov.sdk.axis;

import java.util.Optional;

/**
 * Remembers, per axis {@code docId}, how far a received package got, so that a {@link ReceiveLoop} delivers each
 * package at least once and, across restarts, hands a package over no more than needed (SPI).
 *
 * <p>The order a loop uses is: handler succeeded → {@link #markHandled}, axis confirmed the ack {@code done} →
 * {@link #markDone}; a handler failure → {@link #markFailed}; retry budget spent → {@link #markGivenUp}. Every
 * {@code mark…} call must be durable when it returns (a crash right after it must not lose it). States only move
 * forward (see {@link CheckpointState#canMoveTo}); a mark that would move an entry backwards is ignored.
 *
 * <p>Implementations are thread-safe. {@link InMemoryCheckpointStore} forgets everything on restart (tests, or a
 * handler that is idempotent anyway); {@link FileCheckpointStore} is crash-safe. A vendor keeping its inbox in a
 * database can implement this in the same transaction as its inbox rows.
 *
 * <p>A null or blank {@code docId} is a {@link vn.egov.sdk.core.ValidationException} naming {@code docId}.
 */
public interface CheckpointStore extends AutoCloseable {
    /**
     * What is known about a package.
     *
     * @param docId the axis id
     * @return its entry, or empty if it was never seen (or was pruned)
     */
    Optional<CheckpointEntry> find(String docId);

    /**
     * Whether the axis confirmed the ack {@code done} for a package.
     *
     * @param docId the axis id
     * @return whether its entry is {@link CheckpointState#DONE}
     */
    default boolean isDone(String docId) {
        return find(docId).map(e -> e.state() == CheckpointState.DONE).orElse(false);
    }

    /**
     * Records that the handler succeeded and the ack is not confirmed yet.
     *
     * @param docId the axis id
     */
    void markHandled(String docId);

    /**
     * Records that the axis confirmed the ack {@code done}.
     *
     * @param docId the axis id
     */
    void markDone(String docId);

    /**
     * Records one more failed attempt.
     *
     * @param docId the axis id
     * @param reason why, in words an operator can act on (no secrets)
     * @return the number of failed attempts so far, this one included
     */
    int markFailed(String docId, String reason);

    /**
     * Records that the retry budget is spent: the package is acknowledged {@code fail} and never handed over.
     *
     * @param docId the axis id
     * @param reason the last failure
     */
    void markGivenUp(String docId, String reason);

    /**
     * Forgets entries not changed within the retention window. Stores also do this on their own from time to
     * time; the default does nothing.
     *
     * @return how many entries were removed
     */
    default int prune() {
        return 0;
    }

    /** Releases files or connections; the default does nothing. */
    @Override
    default void close() {
    }
}
