package vn.egov.sdk.axis;

import java.util.Optional;

/**
 * Remembers, per axis {@code docId}, how far a received package got, so that a {@link ReceiveLoop} delivers each
 * package at least once, counts every attempt (also one the process died in), and across restarts hands a package
 * over no more than needed (SPI).
 *
 * <p>The order a loop uses for one package is: {@link #markAttempt} (before the fetch) → fetch → hand over →
 * {@link #markHandled} → ack {@code done} → {@link #markDone}; a failure of the attempt → {@link #markFailed}; the
 * attempt budget spent → {@link #markGivenUp} (quarantine). An entry still {@link CheckpointState#IN_PROGRESS}
 * when the loop looks at it again is an attempt that never finished (the process died during it).
 *
 * <p>Contract for implementations (a database table implements it with one row per docId and an {@code UPDATE}
 * per mark):
 * <ul>
 *   <li>Every {@code mark…} call is durable when it returns: a crash right after it must not lose it.</li>
 *   <li>States only move forward (see {@link CheckpointState#canMoveTo}); a mark that would move an entry
 *       backwards is ignored (and returns the entry's current attempt count where it returns one).</li>
 *   <li>{@code attempts} counts attempts begun: {@link #markAttempt} adds one; {@link #markFailed} adds one only
 *       when no attempt is {@link CheckpointState#IN_PROGRESS} (it otherwise records that attempt's outcome).</li>
 *   <li>Thread-safe; a store is used by one loop (two loops on one store would hand packages over twice).</li>
 *   <li>A null or blank {@code docId} is a {@link vn.egov.sdk.core.ValidationException} naming {@code docId}; a
 *       failure to read or write the checkpoints is a {@link CheckpointStoreException} (the loop then ends the
 *       poll: it counts nothing against the package).</li>
 * </ul>
 *
 * <p>{@link InMemoryCheckpointStore} forgets everything on restart (tests, or a handler that is idempotent anyway);
 * {@link FileCheckpointStore} is crash-safe. A vendor keeping its inbox in a database can implement this in the
 * same transaction as its inbox rows.
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
     * Records, durably, that an attempt to fetch and hand over a package begins: the entry becomes
     * {@link CheckpointState#IN_PROGRESS} and its attempt count goes up by one. Because it is counted before
     * anything can go wrong, an attempt the process dies in (a package that crashes the JVM) is counted too.
     *
     * @param docId the axis id
     * @return the number of this attempt (1 for the first), i.e. the entry's attempt count after the call
     */
    int markAttempt(String docId);

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
     * Records that the attempt in progress failed (or, with none in progress, one more failed attempt).
     *
     * @param docId the axis id
     * @param reason why, in words an operator can act on (no secrets)
     * @return the number of attempts so far, this one included
     */
    int markFailed(String docId, String reason);

    /**
     * Records that the attempt budget is spent: the package is quarantined (kept on disk, acknowledged
     * {@code fail}) and never handed over again.
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
