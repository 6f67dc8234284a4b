package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** Table names and the test database. */
class JdbcTablesTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Test
    void theDefaultPrefixGoesBeforeEachTable() {
        assertEquals("egov_axis_checkpoint", JdbcTables.defaults().table("axis_checkpoint"));
        assertEquals("vendor.egov_x", new JdbcTables("vendor.egov_").table("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Egov_", "1egov", "egov-", "egov_; drop table x", "a.b.c", "abcdefghijabcdefghijabcdefghijk"})
    void aPrefixThatCouldBreakTheSqlIsRefusedByName(String prefix) {
        ValidationException e = assertThrows(ValidationException.class, () -> new JdbcTables(prefix));
        assertEquals("prefix", e.errors().get(0).path());
    }

    @Test
    void theTestDatabaseIsARealPostgresql() throws Exception {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("PostgreSQL"), rs.getString(1));
        }
    }
}
