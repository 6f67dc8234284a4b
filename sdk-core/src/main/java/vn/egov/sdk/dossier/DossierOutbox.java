package vn.egov.sdk.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records what must be sent to the national portal before it is sent, so that a crash or an outage loses nothing
 * (SPI). {@code DossierSync} records items here and a drain sends them, oldest first.
 *
 * <p>Contract for implementations (a database table implements it with one row per entry and one
 * {@code UPDATE … WHERE sequence IN (…)} per mark):
 * <ul>
 *   <li>{@link #enqueue} and every {@code mark…} call are durable when they return: a crash right after must not
 *       lose them. A call with several sequences is applied to all of them or to none.</li>
 *   <li>Sequences increase in the order items were recorded and are never reused.</li>
 *   <li>An item whose {@link OutboxItem#key()} is already held (in any state, until pruned) is not recorded again;
 *       {@link #enqueue} returns the entry already held for it.</li>
 *   <li>States only move as {@link OutboxState} describes; a mark on an entry in a final state, or on an unknown
 *       sequence, is ignored.</li>
 *   <li>Thread-safe. One drain at a time uses a store (a second drain on the same store would send twice): nodes
 *       sharing a store elect the one that drains with a {@link DrainLeadership}.</li>
 *   <li>A null argument is a {@link vn.egov.sdk.core.ValidationException} naming it; a failure to read or write is
 *       an {@link OutboxStoreException}.</li>
 * </ul>
 */
public interface DossierOutbox extends AutoCloseable {
    /**
     * Records items, durably and in the order given.
     *
     * @param items what to send
     * @return for each item, in order, its entry (the one already held when its key was known)
     */
    List<OutboxEntry> enqueue(List<OutboxItem> items);

    /**
     * The entries due for sending at {@code now}, oldest first: {@link OutboxState#PENDING},
     * {@link OutboxState#SENDING} (left over from a crash) and {@link OutboxState#FAILED} with
     * {@code nextAttemptAt <= now}.
     *
     * @param max at most this many, at least 1
     * @param now the current time
     * @return the due entries in sequence order
     */
    List<OutboxEntry> due(int max, Instant now);

    /**
     * An entry by its sequence.
     *
     * @param sequence the outbox's number
     * @return the entry, or empty if unknown (or pruned)
     */
    Optional<OutboxEntry> find(long sequence);

    /**
     * Records that a send of these entries begins: each becomes {@link OutboxState#SENDING} and its attempt count
     * goes up by one.
     *
     * @param sequences the entries about to be sent
     */
    void markSending(List<Long> sequences);

    /**
     * Records that the portal accepted these entries.
     *
     * @param sequences the entries sent
     */
    void markSent(List<Long> sequences);

    /**
     * Records that a send of these entries failed in a way that may pass later.
     *
     * @param sequences the entries
     * @param reason why, in words an operator can act on (no secrets)
     * @param nextAttemptAt when they are due again
     */
    void markFailed(List<Long> sequences, String reason, Instant nextAttemptAt);

    /**
     * Records that these entries will never be sent (refused for good, or the attempt budget is spent).
     *
     * @param sequences the entries
     * @param reason why
     */
    void markGivenUp(List<Long> sequences, String reason);

    /**
     * How many entries are in each state (for a backlog gauge or a health check).
     *
     * @return a count per state, every state present
     */
    Map<OutboxState, Long> counts();

    /**
     * Forgets entries in a final state not changed within the store's retention window; the default does nothing.
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
