package vn.egov.sdk.jdbc.internal;

import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;

/** A {@link PaymentRecord} as a row of the payment table, both ways. */
public final class PaymentRows {
    /** The columns, in the order {@link #bind} writes and {@link #read} reads them. */
    public static final String COLUMNS = "system, reference, dossier_code, amount, state, created_at, request_time,"
            + " redirect_url, gateway_transaction_id, updated_at, attribute_names, attribute_values";

    private PaymentRows() {
    }

    /**
     * Sets the twelve parameters from {@code first} on, in the order of {@link #COLUMNS}.
     *
     * @param c the connection (for the arrays)
     * @param p the statement
     * @param first the index of the first parameter
     * @param r the record
     * @return the index after the last one set
     * @throws SQLException from the driver
     */
    public static int bind(Connection c, PreparedStatement p, int first, PaymentRecord r) throws SQLException {
        int i = first;
        p.setString(i++, r.system().name());
        p.setString(i++, r.reference());
        p.setString(i++, r.dossierCode());
        p.setLong(i++, r.amount());
        p.setString(i++, r.state().name());
        p.setObject(i++, time(r.createdAt()));
        p.setString(i++, r.requestTime());
        p.setString(i++, r.redirectUrl().map(URI::toString).orElse(null));
        p.setString(i++, r.gatewayTransactionId().orElse(null));
        p.setObject(i++, time(r.updatedAt()));
        p.setArray(i++, c.createArrayOf("text", r.attributes().keySet().toArray()));
        p.setArray(i++, c.createArrayOf("text", r.attributes().values().toArray()));
        return i;
    }

    /**
     * A timestamp parameter.
     *
     * @param at the instant
     * @return it in UTC, as JDBC 4.2 drivers take {@code timestamptz}
     */
    public static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * The record in the current row (selected with {@link #COLUMNS}).
     *
     * @param rs the result set
     * @return the record
     * @throws SQLException from the driver
     */
    public static PaymentRecord read(ResultSet rs) throws SQLException {
        String url = rs.getString("redirect_url");
        return new PaymentRecord(PaymentSystem.valueOf(rs.getString("system")), rs.getString("reference"),
                rs.getString("dossier_code"), rs.getLong("amount"), PaymentState.valueOf(rs.getString("state")),
                instant(rs, "created_at"), rs.getString("request_time"),
                url == null ? Optional.empty() : Optional.of(URI.create(url)),
                Optional.ofNullable(rs.getString("gateway_transaction_id")), instant(rs, "updated_at"),
                attributes(rs.getArray("attribute_names"), rs.getArray("attribute_values")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Map<String, String> attributes(Array names, Array values) throws SQLException {
        Object[] n = (Object[]) names.getArray();
        Object[] v = (Object[]) values.getArray();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n.length && i < v.length; i++) {
            m.put((String) n[i], (String) v[i]);
        }
        return m;
    }
}
