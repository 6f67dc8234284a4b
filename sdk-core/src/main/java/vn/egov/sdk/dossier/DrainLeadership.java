package vn.egov.sdk.dossier;

/**
 * Which node drains a shared {@link DossierOutbox} (SPI): when several nodes hold a {@link DossierSync} on one
 * outbox (a database table), only the node that leads drains, so no entry is sent by two nodes at once. Set it with
 * {@link DossierSyncBuilder#leadership(DrainLeadership)}; the default, {@link #always()}, suits one node.
 *
 * <p>{@link DossierSync#drain()} asks {@link #tryLead()} before it reads the outbox and again before each send: a
 * node that is not (or no longer) the leader does not send, and its drain ends at once, so after the leader dies or
 * loses its lock another node takes over at its next turn, and the order of the entries (a dossier before its
 * progress) is kept because one node drains at a time. An entry the old leader was sending when it lost the lead is
 * found in flight by the new one and reconciled as after a crash (see {@link DossierSync}). The JDBC
 * implementation ({@code vn.egov.sdk.jdbc.JdbcDrainLeadership} in {@code sdk-jdbc}) holds a PostgreSQL advisory
 * lock.
 *
 * <p>Implementations are thread-safe and cheap to call when already leading (it is called once per send).
 */
@FunctionalInterface
public interface DrainLeadership {
    /**
     * Takes the lead if nobody holds it, or confirms this node still holds it.
     *
     * @return whether this node may drain now
     * @throws RuntimeException (a typed SDK exception) when it cannot tell, such as the database being unreachable;
     *         the drain then ends without sending and the background loop backs off
     */
    boolean tryLead();

    /**
     * The leadership of a single node: it always leads.
     *
     * @return a leadership whose {@link #tryLead()} is always true
     */
    static DrainLeadership always() {
        return () -> true;
    }
}

