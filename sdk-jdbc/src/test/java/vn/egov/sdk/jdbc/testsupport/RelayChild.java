package vn.egov.sdk.jdbc.testsupport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.jdbc.SendOutboxRelay;

/**
 * A relay node in its own JVM, for the kill -9 test: {@code RelayChild <jdbcUrl> <lgspUrl> <leaseMillis>} relays
 * until killed, pausing a random few milliseconds at each step so that a kill lands anywhere.
 */
public final class RelayChild {
    private RelayChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(args[0]);
        LgspAxisClient axis = AxisFixtures.system1(args[1]);
        SendOutboxRelay relay = SendOutboxRelay.builder(db, axis).batchSize(2)
                .lease(Duration.ofMillis(Long.parseLong(args[2]))).pollInterval(Duration.ofMillis(20))
                .hook((step, id) -> pause()).build();
        relay.start();
        System.out.println("relaying");
        System.out.flush();
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
