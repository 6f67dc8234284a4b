package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Kill -9" between the steps of a hand-over, in process: the checkpoint store "dies" (an {@link Error} thrown by
 * the store ends the poll, as anything the store throws does), the store file is what a crash leaves (every mark
 * is fsync'ed before it returns), and a new loop with a new {@link FileCheckpointStore} on the same file takes
 * over. {@link ReceiveLoopKillTest} kills real processes.
 */
class ReceiveLoopCrashTest {
    @TempDir
    Path dir;

    private final ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    /** The process dying. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A store that dies right after a chosen mark became durable, or right before markHandled is written. */
    static final class DyingStore implements CheckpointStore {
        private final CheckpointStore delegate;
        private final CheckpointState dieAfter;
        private final boolean dieBeforeHandled;

        DyingStore(CheckpointStore delegate, CheckpointState dieAfter) {
            this(delegate, dieAfter, false);
        }

        DyingStore(CheckpointStore delegate, CheckpointState dieAfter, boolean dieBeforeHandled) {
            this.delegate = delegate;
            this.dieAfter = dieAfter;
            this.dieBeforeHandled = dieBeforeHandled;
        }

        @Override
        public Optional<CheckpointEntry> find(String docId) {
            return delegate.find(docId);
        }

        @Override
        public int markAttempt(String docId) {
            return delegate.markAttempt(docId);
        }

        @Override
        public void markHandled(String docId) {
            if (dieBeforeHandled) {
                throw new Killed();
            }
            delegate.markHandled(docId);
            die(CheckpointState.HANDLED);
        }

        @Override
        public void markDone(String docId) {
            delegate.markDone(docId);
            die(CheckpointState.DONE);
        }

        @Override
        public int markFailed(String docId, String reason) {
            return delegate.markFailed(docId, reason);
        }

        @Override
        public void markGivenUp(String docId, String reason) {
            delegate.markGivenUp(docId, reason);
        }

        private void die(CheckpointState state) {
            if (state == dieAfter) {
                throw new Killed();
            }
        }
    }

    private PackageHandler recording() {
        return pkg -> handled.add(pkg.docId() + "#" + pkg.attempt());
    }

    @Test
    void killedBetweenHandlerAndAckResumesWithTheAckOnly() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        Path file = dir.resolve("inbox.checkpoint");
        FileCheckpointStore first = FileCheckpointStore.open(file);
        ReceiveLoop dying = ReceiveLoop.builder(axis, new DyingStore(first, CheckpointState.HANDLED), recording())
                .build();
        assertThrows(Killed.class, dying::pollOnce);
        first.close(); // the OS closes the file of a dead process
        assertEquals(List.of(), axis.acks, "died before acknowledging");

        try (FileCheckpointStore store = FileCheckpointStore.open(file);
                ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).build()) {
            assertEquals(new ReceiveLoop.PollResult(0, 1, 1, 0, 0), loop.pollOnce());
            assertTrue(store.isDone("d1"));
        }
        assertEquals(List.of("d1#1"), handled, "handed over once");
        assertEquals(1, axis.fetchCount("d1"));
        assertEquals(List.of("d1:done"), axis.acks);
    }

    @Test
    void killedAfterAckBeforeMarkDoneRepeatsTheAckOnly() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        Path file = dir.resolve("inbox.checkpoint");
        FileCheckpointStore first = FileCheckpointStore.open(file);
        // the ack reached the axis but the process died before markDone was durable: simulate by dying after it
        // and rewinding nothing; then the axis lists it again as if the ack had been lost
        ReceiveLoop dying = ReceiveLoop.builder(axis, new DyingStore(first, CheckpointState.DONE), recording())
                .build();
        assertThrows(Killed.class, dying::pollOnce);
        first.close();
        axis.relist("d1", "");

        try (FileCheckpointStore store = FileCheckpointStore.open(file);
                ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).build()) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 1, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d1#1"), handled);
        assertEquals(List.of("d1:done", "d1:done"), axis.acks);
    }

    @Test
    void killedInsideMarkHandledHandsOverAgainAsAttemptTwo() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        Path file = dir.resolve("inbox.checkpoint");
        FileCheckpointStore first = FileCheckpointStore.open(file);
        ReceiveLoop dying = ReceiveLoop.builder(axis, new DyingStore(first, null, true), recording()).build();
        assertThrows(Killed.class, dying::pollOnce);
        first.close();
        assertEquals(List.of("d1#1"), handled, "the handler returned; its checkpoint was never written");

        try (FileCheckpointStore store = FileCheckpointStore.open(file);
                ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).build()) {
            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 1, 0), loop.pollOnce(),
                    "the unfinished attempt is counted as failed, then the package is handed over again");
            assertEquals(2, store.find("d1").orElseThrow().attempts());
        }
        assertEquals(List.of("d1#1", "d1#2"), handled, "at least once: the repeat says it may be one");
        assertEquals(List.of("d1:done"), axis.acks);
    }
}
