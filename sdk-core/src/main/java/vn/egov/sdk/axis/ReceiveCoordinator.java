package vn.egov.sdk.axis;

import java.util.List;

/**
 * Decides which node of a cluster handles which received package, so that several {@link ReceiveLoop}s (one per
 * application node) share the work of one axis inbox (SPI).
 *
 * <p>One poll of a loop with a coordinator: if {@link #tryLead()} says this node leads, it lists the axis and
 * {@link #offer offers} what it listed; then every node {@link #claim claims} packages, processes each one as
 * described in {@link ReceiveLoop}, and {@link #release releases} it. While a package is in hand the loop calls
 * {@link #heartbeat()} so its lease does not run out.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>At most one node leads at a time (an advisory lock, for example), and a node that dies stops leading.</li>
 *   <li>{@link #claim} hands each open package to exactly one live node at a time, with a lease; a package whose
 *       lease ran out (its node died) can be claimed again; a package released as finished is never claimed
 *       again.</li>
 *   <li>Thread-safe. A failure of the shared state is a {@link ReceiveCoordinatorException}: the loop ends the
 *       poll and backs off, as for a checkpoint store failure.</li>
 * </ul>
 *
 * <p>The default, {@link #singleNode()}, keeps the behaviour of a loop on one node: it always leads and hands the
 * node everything it listed, in the order listed.
 */
public interface ReceiveCoordinator {
    /**
     * Whether this node lists the axis in this poll.
     *
     * @return true when this node is (or just became) the one that lists
     * @throws ReceiveCoordinatorException when the shared state cannot be reached
     */
    boolean tryLead();

    /**
     * Publishes what the leader listed so that any node can claim it; already known packages are left as they
     * are.
     *
     * @param type the message type listed
     * @param listed the listed items (none null, each with a docId)
     * @throws ReceiveCoordinatorException when the shared state cannot be written
     */
    void offer(MessageType type, List<ReceivedItem> listed);

    /**
     * Claims up to {@code max} open packages of a type for this node, each with a fresh lease.
     *
     * @param type the message type
     * @param max how many at most (positive)
     * @return the packages this node got (empty when none is open)
     * @throws ReceiveCoordinatorException when the shared state cannot be reached
     */
    List<ReceivedItem> claim(MessageType type, int max);

    /**
     * Extends the leases of the packages this node holds.
     *
     * @throws ReceiveCoordinatorException when the shared state cannot be written
     */
    void heartbeat();

    /**
     * Whether this node still holds a claimed package, as far as it knows since its last {@link #heartbeat()}: a
     * package whose lease another node has taken over is not processed by this node. The loop asks right after the
     * heartbeat, before each package.
     *
     * @param docId the package
     * @return true while this node holds it (the default: a coordinator that never loses a claim)
     */
    default boolean holds(String docId) {
        return true;
    }

    /**
     * Gives a claimed package up.
     *
     * @param docId the package
     * @param finished true when it is settled (acknowledged or quarantined) and must never be claimed again;
     *        false to let any node claim it on a later poll
     * @throws ReceiveCoordinatorException when the shared state cannot be written
     */
    void release(String docId, boolean finished);

    /**
     * The coordinator of a loop that runs alone: always leads, hands over everything it was offered.
     *
     * @return a new single-node coordinator (one per loop)
     */
    static ReceiveCoordinator singleNode() {
        return new SingleNodeCoordinator();
    }
}
