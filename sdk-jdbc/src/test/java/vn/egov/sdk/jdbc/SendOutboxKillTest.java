package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.jdbc.testsupport.AxisFixtures;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.RelayChild;
import vn.egov.sdk.testkit.NationalSandbox;

/** Relay nodes in child JVMs killed with SIGKILL at random moments: 0 lost, 0 duplicates at the axis. */
class SendOutboxKillTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final long LEASE_MILLIS = 1500;

    @Test
    void relaysKilledAtRandomMomentsLoseNothingAndSendNothingTwice() throws Exception {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
        JdbcSendOutbox outbox = new JdbcSendOutbox(JdbcTables.defaults());
        int rows = 40;
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            int before = sandbox.lgsp().documentsStored();
            try (Connection c = PG.dataSource().getConnection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < rows; i++) {
                    outbox.enqueue(c, "kill-" + i, AxisFixtures.document("KILL-" + i));
                }
                c.commit();
            }
            int kills = 0;
            StringBuilder progress = new StringBuilder();
            for (int round = 0; round < 4 && count("status = 'SENT'") < rows; round++) {
                Process child = startChild(sandbox.lgspUrl());
                int sentBefore = count("status = 'SENT'");
                long warm = System.currentTimeMillis() + 20_000;
                while (count("status = 'SENT'") == sentBefore && System.currentTimeMillis() < warm) {
                    Thread.sleep(10); // the child is warm once it has sent one
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 300));
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                kills++;
                progress.append(' ').append(count("status = 'SENT'")).append('/').append(count("status = 'SENDING'"));
            }
            try (LgspAxisClient axis = AxisFixtures.system1(sandbox);
                    SendOutboxRelay survivor = SendOutboxRelay.builder(PG.dataSource(), axis)
                            .lease(Duration.ofMillis(LEASE_MILLIS)).pollInterval(Duration.ofMillis(20)).build()) {
                survivor.start();
                long end = System.currentTimeMillis() + 30_000;
                while (count("status = 'SENT'") < rows && System.currentTimeMillis() < end) {
                    Thread.sleep(50);
                }
            }
            int resent = count("attempts > 1");
            String summary = kills + " kills (sent/in flight after each:" + progress + "), " + resent
                    + " rows taken again after a kill";
            assertEquals(rows, count("status = 'SENT'"), summary);
            assertEquals(before + rows, sandbox.lgsp().documentsStored(), "each package once at the axis; " + summary);
            System.out.println("SendOutboxKillTest: " + summary);
        }
    }

    private static Process startChild(String lgspUrl) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                RelayChild.class.getName(), PG.jdbcUrl(), lgspUrl, Long.toString(LEASE_MILLIS)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until the child relays (or dies)
        assertEquals("relaying", line, "the child relay did not start");
        return child;
    }

    private static int count(String where) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM egov_send_outbox WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
