package vn.egov.sdk.axis;

import java.nio.file.Path;

/**
 * A process holding a {@link FileCheckpointStore} open, for {@link CheckpointJournalRecoveryTest}: opens the store
 * given as argument, writes one mark, prints {@code LOCKED}, then waits until its input ends (or it is killed).
 */
public final class CheckpointLockHolderMain {
    private CheckpointLockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FileCheckpointStore store = FileCheckpointStore.open(Path.of(args[0]))) {
            store.markDone("held");
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock
            }
        }
    }
}
