package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.jdbc.testsupport.Postgres;

class SendOutboxSchemaTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Test
    void theOutboxTableHasTheDebeziumOutboxColumnsUnderTheChosenPrefix() throws SQLException {
        JdbcTables tables = new JdbcTables("vendor_");
        assertTrue(JdbcSchema.install(PG.dataSource(), tables).contains("V7__send_outbox.sql"));
        assertTrue(JdbcSchema.install(PG.dataSource(), tables).isEmpty(), "applied once");
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = 'vendor_send_outbox' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.put(rs.getString(1), rs.getString(2));
            }
        }
        assertEquals(List.of("id", "aggregatetype", "aggregateid", "type", "payload"),
                List.copyOf(columns.keySet()).subList(0, 5));
        assertEquals("uuid", columns.get("id"));
        assertEquals("bytea", columns.get("payload"));
        assertTrue(columns.keySet().containsAll(List.of("status", "attempts", "next_attempt_at", "sent_at",
                "last_error")), columns.toString());
    }
}
