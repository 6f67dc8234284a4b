package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Extends the leases a node holds on receive claims, without waiting for a row another transaction has locked:
 * the row of a package whose transactional handler is running is locked by that handler's transaction, and a
 * heartbeat that waited for it would let the node's other leases run out meanwhile. Such a row is skipped in this
 * beat (nobody else can claim it while it is locked) and counted as still held when its committed lease token is
 * still this node's.
 */
public final class Leases {
    private Leases() {
    }

    /**
     * Extends the leases of the packages held.
     *
     * @param c a connection in auto-commit
     * @param table the claims table's full name
     * @param held the packages this node holds, with their lease tokens
     * @param leaseMillis the new lease, from the database's clock
     * @return the packages still this node's (extended, or locked and still carrying its token)
     * @throws SQLException from the database
     */
    public static Set<String> extend(Connection c, String table, Map<String, Long> held, long leaseMillis)
            throws SQLException {
        Object[] docIds = held.keySet().toArray();
        Object[] tokens = held.keySet().stream().map(held::get).toArray();
        Set<String> kept = new HashSet<>();
        String extend = "UPDATE " + table + " t SET lease_until = clock_timestamp() + ? * INTERVAL '1 millisecond'"
                + " FROM (SELECT x.doc_id FROM " + table + " x JOIN unnest(?::text[], ?::bigint[]) AS h(doc_id, token)"
                + " ON x.doc_id = h.doc_id AND x.lease_token = h.token WHERE x.state = 'open'"
                + " FOR UPDATE OF x SKIP LOCKED) s WHERE t.doc_id = s.doc_id RETURNING t.doc_id";
        try (PreparedStatement p = c.prepareStatement(extend)) {
            p.setLong(1, leaseMillis);
            p.setArray(2, c.createArrayOf("text", docIds));
            p.setArray(3, c.createArrayOf("bigint", tokens));
            collect(p, kept);
        }
        if (kept.size() == held.size()) {
            return kept;
        }
        Map<String, Long> rest = new HashMap<>(held);
        rest.keySet().removeAll(kept);
        String stillOurs = "SELECT x.doc_id FROM " + table + " x JOIN unnest(?::text[], ?::bigint[]) AS h(doc_id, token)"
                + " ON x.doc_id = h.doc_id AND x.lease_token = h.token WHERE x.state = 'open'";
        try (PreparedStatement p = c.prepareStatement(stillOurs)) { // a plain read: it waits for no lock
            p.setArray(1, c.createArrayOf("text", rest.keySet().toArray()));
            p.setArray(2, c.createArrayOf("bigint", rest.keySet().stream().map(rest::get).toArray()));
            collect(p, kept);
        }
        return kept;
    }

    private static void collect(PreparedStatement p, Set<String> into) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}
