package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.testsupport.AxisFixtures;
import vn.egov.sdk.jdbc.testsupport.Postgres;

class SendOutboxBacklogTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Test
    void countsWaitingAndDeadRowsAndFindsTheOldestWaiting() throws SQLException {
        JdbcTables tables = new JdbcTables("backlog_");
        JdbcSchema.install(PG.dataSource(), tables);
        JdbcSendOutbox outbox = new JdbcSendOutbox(tables);
        assertEquals(new SendOutboxBacklog(0, 0, Optional.empty()), outbox.backlog(PG.dataSource()));

        Instant before = Instant.now().minusSeconds(5);
        try (Connection c = PG.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 4; i++) {
                outbox.enqueue(c, "rec-" + i, AxisFixtures.document("BL-" + i));
            }
            c.commit();
        }
        sql("UPDATE backlog_send_outbox SET created_at = now() - interval '2 hours' WHERE aggregateid = 'rec-1'");
        sql("UPDATE backlog_send_outbox SET status = 'SENDING' WHERE aggregateid = 'rec-2'");
        sql("UPDATE backlog_send_outbox SET status = 'SENT' WHERE aggregateid = 'rec-0'");
        sql("UPDATE backlog_send_outbox SET status = 'DEAD' WHERE aggregateid = 'rec-3'");

        SendOutboxBacklog backlog = outbox.backlog(PG.dataSource());
        assertEquals(2, backlog.waiting(), "rec-1 pending and rec-2 sending");
        assertEquals(1, backlog.dead());
        Duration age = Duration.between(backlog.oldestWaitingSince().orElseThrow(), Instant.now());
        assertTrue(age.compareTo(Duration.ofMinutes(119)) > 0 && age.compareTo(Duration.ofMinutes(121)) < 0,
                age + " since " + before);
    }

    @Test
    void aNullDataSourceIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new JdbcSendOutbox(JdbcTables.defaults()).backlog((DataSource) null));
        assertEquals("dataSource", e.errors().get(0).path());
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
