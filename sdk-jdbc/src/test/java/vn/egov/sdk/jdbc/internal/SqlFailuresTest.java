package vn.egov.sdk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {
    @Test
    void transientStatesAreRetryableAndOthersAreNot() {
        for (String s : new String[] {"08000", "08001", "08006", "08P01", "40001", "40P01", "57P01", "57P02",
            "57P03", "53100", "53200", "53300"}) {
            assertTrue(SqlFailures.retryable(new SQLException("x", s)), s);
        }
        for (String s : new String[] {"42P01", "23505", "22021", "42601", "57014", "40002", "XX000", "", "0800"}) {
            assertFalse(SqlFailures.retryable(new SQLException("x", s)), s);
        }
        assertFalse(SqlFailures.retryable(new SQLException("no state")));
        assertTrue(SqlFailures.retryable(new SQLTransientConnectionException("pool timeout")));
        SQLException chain = new SQLException("batch failed", "42000");
        chain.setNextException(new SQLException("lost", "08006"));
        assertTrue(SqlFailures.retryable(chain), "a transient cause further down the chain counts");
    }

    @Test
    void timesAreKeptWithinWhatPostgresqlStoresToTheMicrosecond() {
        assertEquals(Sql.MAX_TIME, Sql.clamp(Instant.MAX));
        assertEquals(Sql.MIN_TIME, Sql.clamp(Instant.MIN));
        assertEquals(Instant.parse("2026-12-07T01:00:00.123456Z"),
                Sql.clamp(Instant.parse("2026-12-07T01:00:00.123456789Z")));
    }

    @Test
    void storableTextHasNoNulAndNoHalfSurrogate() {
        assertEquals("a\uFFFDb", Sql.storable("a\0b", 10));
        assertEquals("ab", Sql.storable("ab\uD83D\uDE00", 3), "a pair is not cut in half");
        assertEquals("ab\uD83D\uDE00", Sql.storable("ab\uD83D\uDE00", 4));
    }
}
