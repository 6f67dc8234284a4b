package vn.egov.sdk.dossier;

import java.nio.file.Path;
import java.util.List;

/**
 * A process holding a {@link FileDossierOutbox} open, for {@link FileDossierOutboxRecoveryTest}: opens the outbox
 * given as argument, records one item (key {@code held}), prints {@code LOCKED}, then waits until its input ends
 * (or it is killed).
 */
public final class OutboxLockHolderMain {
    private OutboxLockHolderMain() {
    }

    /**
     * Runs the holder.
     *
     * @param args the journal file
     * @throws Exception if the outbox cannot be opened
     */
    public static void main(String[] args) throws Exception {
        try (FileDossierOutbox outbox = FileDossierOutbox.open(Path.of(args[0]))) {
            outbox.enqueue(List.of(new OutboxItem("held", OutboxKind.DOSSIER, "000.00.01.H01-261207-0001", "{}")));
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock
            }
        }
    }
}
