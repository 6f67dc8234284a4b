package vn.egov.sdk.jdbc;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.jdbc.internal.SqlFailures;

/**
 * A transactional outbox for edXML sends: the vendor writes the package to send in the same database transaction
 * as its own change ({@link #enqueue}), so the send is recorded if and only if the change commits; a
 * {@link SendOutboxRelay} on any node sends it through the axis later.
 *
 * <p>The table ({@code <prefix>send_outbox}, script {@code V7__send_outbox.sql}) has the columns of the Debezium
 * outbox event router: {@code id} (a UUID), {@code aggregatetype} ({@value #AGGREGATE_TYPE}), {@code aggregateid}
 * (the vendor's own id of what changed), {@code type} ({@value #TYPE_DOCUMENT} or {@value #TYPE_STATUS}) and
 * {@code payload} (the edXML package bytes), so a CDC relay could replace the polling relay; the polling relay's
 * own columns ({@code status}, {@code attempts}, {@code next_attempt_at}, {@code sent_at}, {@code axis_doc_id},
 * {@code last_error}) follow. Thread-safe and stateless.
 */
public final class JdbcSendOutbox {
    /** The {@code aggregatetype} of an edXML package row. */
    public static final String AGGREGATE_TYPE = "edxml";
    /** The {@code type} of a document package row. */
    public static final String TYPE_DOCUMENT = "edxml.document";
    /** The {@code type} of a status package row. */
    public static final String TYPE_STATUS = "edxml.status";

    private final String table;

    /**
     * An outbox on the tables named by {@code tables}.
     *
     * @param tables the table names
     * @throws ValidationException naming {@code tables} when it is null
     */
    public JdbcSendOutbox(JdbcTables tables) {
        ValidationException.requireNonNull(tables, "tables");
        this.table = tables.table("send_outbox");
    }

    /**
     * Writes one package to send, in the caller's transaction: nothing is committed or rolled back here, and the
     * row is seen by relays only once the caller commits.
     *
     * @param vendorTx the connection of the vendor's open transaction (auto-commit off), not closed here
     * @param aggregateId the vendor's own id of the record the package is about (1 to 255 characters)
     * @param pkg the package, written to bytes now (the package may be closed afterwards)
     * @return the row's id
     * @throws ValidationException naming the argument when one is null, the id is blank or too long, or the
     *         connection is in auto-commit mode (the row would not share the vendor's transaction)
     * @throws SendOutboxException when the database refuses the row
     */
    public UUID enqueue(Connection vendorTx, String aggregateId, EdXmlPackage pkg) {
        ValidationException.requireNonNull(vendorTx, "vendorTx");
        ValidationException.requireNonNull(pkg, "pkg");
        if (aggregateId == null || aggregateId.isBlank() || aggregateId.length() > 255) {
            throw ValidationException.of("jdbc.outbox.aggregateId", "aggregateId",
                    "give the vendor's own record id, 1 to 255 characters");
        }
        try {
            if (vendorTx.getAutoCommit()) {
                throw ValidationException.of("jdbc.outbox.autoCommit", "vendorTx",
                        "enqueue inside the vendor's transaction: turn auto-commit off first");
            }
        } catch (SQLException e) {
            throw failure("could not read the connection's auto-commit mode", e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EdXml.write(pkg, bytes);
        UUID id = UUID.randomUUID();
        try (PreparedStatement p = vendorTx.prepareStatement("INSERT INTO " + table
                + " (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            p.setObject(1, id);
            p.setString(2, AGGREGATE_TYPE);
            p.setString(3, aggregateId);
            p.setString(4, pkg instanceof DocumentPackage ? TYPE_DOCUMENT : TYPE_STATUS);
            p.setBytes(5, bytes.toByteArray());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not write to " + table, e);
        }
        return id;
    }

    /**
     * Counts what waits to be sent and what was given up, and finds the oldest waiting row, in one query on a
     * connection of its own.
     *
     * @param dataSource the database holding the outbox
     * @return the backlog
     * @throws ValidationException naming {@code dataSource} when it is null
     * @throws SendOutboxException when the database cannot be read
     */
    public SendOutboxBacklog backlog(DataSource dataSource) {
        ValidationException.requireNonNull(dataSource, "dataSource");
        String sql = "SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),"
                + " count(*) FILTER (WHERE status = 'DEAD'),"
                + " min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')) FROM " + table;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql);
                ResultSet rs = p.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(3);
            return new SendOutboxBacklog(rs.getLong(1), rs.getLong(2),
                    Optional.ofNullable(oldest).map(Timestamp::toInstant));
        } catch (SQLException e) {
            throw failure("could not read " + table, e);
        }
    }

    private static SendOutboxException failure(String what, SQLException e) {
        return new SendOutboxException(what + " (SQLState " + e.getSQLState() + ")", SqlFailures.retryable(e), e);
    }
}
