package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.testsupport.ChildJvm;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierSyncLoop;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.SyncOutcome;
import vn.egov.sdk.jdbc.testsupport.DossierDrainChild;
import vn.egov.sdk.jdbc.testsupport.DossierFixtures;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.WatchedTransport;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * The node draining the shared dossier outbox is killed with SIGKILL mid-drain (in a child JVM), twice; the second
 * time this JVM's node is waiting as a follower and takes the lead over: nothing is lost, and no progress row is
 * twice in the simulated portal's history (a row whose push the dead node began is looked up before it is sent
 * again).
 */
class DossierDrainKillTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private static final int DOSSIERS = 6;
    private static final int STEPS = 12;

    private final DvcqgPortalSandbox portal = SANDBOX.sandbox().dvcqg();

    @Test
    void theDrainingNodeKilledMidDrainLosesNothingAndNoRowIsSentTwice() throws Exception {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
        JdbcDossierOutbox outbox = JdbcDossierOutbox.builder(PG.dataSource()).build();
        int total = DOSSIERS * (1 + STEPS);
        try (DvcqgAdapterClient client = DossierFixtures.client(portal.adapterUrl())) {
            DossierSync recorder = DossierSync.builder(client).outbox(outbox).build(); // records only
            for (int n = 1; n <= DOSSIERS; n++) {
                recorder.record(DossierFixtures.dossier(n));
                for (int i = 1; i <= STEPS; i++) {
                    recorder.recordProgress(DossierFixtures.step(n, i));
                }
            }
        }
        StringBuilder rounds = new StringBuilder();
        ChildJvm first = ChildJvm.start(DossierDrainChild.class, "drainer 1", PG.jdbcUrl(), portal.adapterUrl());
        first.await("leading");
        killMidDrain(first, total / 4, rounds);

        ChildJvm second = ChildJvm.start(DossierDrainChild.class, "drainer 2", PG.jdbcUrl(), portal.adapterUrl());
        second.await("leading");
        List<SyncOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<String> pushes = Collections.synchronizedList(new ArrayList<>());
        try (JdbcDrainLeadership leadership = JdbcDrainLeadership.open(PG.dataSource(), JdbcTables.defaults());
                DvcqgAdapterClient client = DossierFixtures.client(portal.adapterUrl())) {
            DossierSync survivor = DossierSync.builder(new WatchedTransport(client, "survivor", new AtomicInteger(),
                    new AtomicInteger(), pushes, () -> { })).outbox(outbox).leadership(leadership)
                    .listener(outcomes::add).loopInterval(Duration.ofMillis(50))
                    .loopMaxBackoff(Duration.ofMillis(200)).build();
            try (DossierSyncLoop loop = survivor.start()) {
                killMidDrain(second, total / 2, rounds);
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (count("state = 'SENT'") < total && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertTrue(leadership.leads(), "the survivor took the lead");
            }
        }
        long alreadyHeld = outcomes.stream().filter(o -> o.result() == SyncOutcome.Result.ALREADY_HELD).count();
        String summary = "2 kills (sent/in flight after each:" + rounds + "), the survivor made " + pushes.size()
                + " calls, found " + alreadyHeld + " row(s) already held, " + count("attempts > 1")
                + " entries sent again";
        assertEquals(total, count("state = 'SENT'"), "nothing lost; " + summary + "\n" + first.transcript()
                + second.transcript());
        assertTrue(pushes.size() > 0, "the survivor drained what the killed node left: " + summary);
        assertEquals(DOSSIERS, portal.dossiers().size(), summary);
        for (int n = 1; n <= DOSSIERS; n++) {
            int d = n;
            assertEquals(IntStream.rangeClosed(1, STEPS).mapToObj(i -> DossierFixtures.content(d, i)).toList(),
                    DossierFixtures.history(portal, n), "dossier " + n + ": each row once, in order; " + summary);
        }
        System.out.println("DossierDrainKillTest: " + summary);
    }

    /** Waits until the leading child has sent {@code atLeast} entries, then SIGKILLs it a random moment later. */
    private static void killMidDrain(ChildJvm child, int atLeast, StringBuilder rounds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("state = 'SENT'") < atLeast && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
        child.kill();
        rounds.append(' ').append(count("state = 'SENT'")).append('/').append(count("state = 'SENDING'"));
    }

    private static int count(String where) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM egov_dossier_outbox WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
