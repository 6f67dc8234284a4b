package vn.egov.sdk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** The relay's row updates on a real PostgreSQL, for what the relay tests do not reach: the error text kept. */
class SendOutboxRowsTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final String TABLE = JdbcTables.defaults().table("send_outbox");

    @BeforeAll
    static void install() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    private static UUID claimedRow(SendOutboxRows rows) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = PG.dataSource().getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO "
                + TABLE + " (id, aggregatetype, aggregateid, type, payload) VALUES (?, 'edxml', 'a', 't', ?)")) {
            p.setObject(1, id);
            p.setBytes(2, new byte[] {1});
            p.executeUpdate();
        }
        Instant now = Instant.now().plusSeconds(1);
        List<SendOutboxRows.Claimed> claimed = rows.claim(100, now, now.plusSeconds(60));
        assertEquals(List.of(id), claimed.stream().map(SendOutboxRows.Claimed::id).toList());
        return id;
    }

    private static String lastError(UUID id) throws SQLException {
        try (Connection c = PG.dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("SELECT last_error FROM " + TABLE + " WHERE id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aLongErrorWithANulIsKeptCutToTheColumnWithoutSplittingACharacter() throws SQLException {
        SendOutboxRows rows = new SendOutboxRows(PG.dataSource(), TABLE);
        UUID id = claimedRow(rows);
        // a NUL PostgreSQL text cannot hold; a surrogate pair straddling the 1,000th UTF-16 unit
        String error = "IOException: \0" + "x".repeat(985) + "\uD83D\uDE00" + "y".repeat(50);
        rows.markFailed(id, Instant.now().plusSeconds(60), error);
        String kept = lastError(id);
        assertEquals(999, kept.length(), "cut before the pair rather than through it");
        assertEquals("IOException: \uFFFD", kept.substring(0, 14));
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)), kept);
    }

    @Test
    void aShortErrorIsKeptAsItIs() throws SQLException {
        SendOutboxRows rows = new SendOutboxRows(PG.dataSource(), TABLE);
        UUID id = claimedRow(rows);
        rows.markFailed(id, null, "SendException: refused");
        assertEquals("SendException: refused", lastError(id));
    }
}
