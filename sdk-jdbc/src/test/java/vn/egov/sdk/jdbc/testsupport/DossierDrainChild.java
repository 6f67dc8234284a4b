package vn.egov.sdk.jdbc.testsupport;

import java.time.Duration;
import java.util.AbstractList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.jdbc.JdbcDossierOutbox;
import vn.egov.sdk.jdbc.JdbcDrainLeadership;
import vn.egov.sdk.jdbc.JdbcTables;

/**
 * A node draining the shared dossier outbox in its own JVM, for the kill -9 test:
 * {@code DossierDrainChild <jdbcUrl> <adapterUrl>} waits for the drain lock, prints {@code leading}, then drains
 * until killed, printing each push and pausing a random few milliseconds before and after it, so that a kill lands
 * anywhere (between a push and its mark included).
 */
public final class DossierDrainChild {
    private DossierDrainChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(args[0]);
        JdbcDrainLeadership leadership = JdbcDrainLeadership.open(db, JdbcTables.defaults());
        while (!leadership.tryLead()) {
            Thread.sleep(20);
        }
        System.out.println("leading");
        System.out.flush();
        AbstractList<String> printed = new AbstractList<>() {
            @Override
            public boolean add(String push) {
                System.out.println("push " + push);
                System.out.flush();
                return true;
            }

            @Override
            public String get(int index) {
                throw new IndexOutOfBoundsException(index);
            }

            @Override
            public int size() {
                return 0;
            }
        };
        WatchedTransport transport = new WatchedTransport(DossierFixtures.client(args[1]), "child",
                new AtomicInteger(), new AtomicInteger(), printed, DossierDrainChild::pause);
        DossierSync sync = DossierSync.builder(transport).outbox(JdbcDossierOutbox.builder(db).build())
                .leadership(leadership).batchSize(3)
                .loopInterval(Duration.ofMillis(20)).loopMaxBackoff(Duration.ofMillis(100)).build();
        sync.start();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
