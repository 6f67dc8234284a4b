package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever ends a poll (the shared state failing at a release, at a heartbeat, at a checkpoint), no claimed package
 * stays in the node's hands: a coordinator keeps extending the lease of what a node holds, so a package left there
 * would never be handled by anyone.
 */
class ReceiveLoopCoordinatorReleaseTest {
    @TempDir
    Path quarantine;

    /** Where the shared state fails once. */
    enum FailAt { RELEASE, HEARTBEAT }

    /** An in-memory coordinator that claims everything offered and can fail once, as a database going away would. */
    static final class FlakyCoordinator implements ReceiveCoordinator {
        final Map<String, ReceivedItem> open = new LinkedHashMap<>();
        final Set<String> inHand = new LinkedHashSet<>();
        final Set<String> finished = new LinkedHashSet<>();
        final Set<String> takenOver = new LinkedHashSet<>();
        FailAt failOnce;

        @Override
        public boolean holds(String docId) {
            return !takenOver.contains(docId);
        }

        @Override
        public boolean tryLead() {
            return true;
        }

        @Override
        public void offer(MessageType type, List<ReceivedItem> listed) {
            listed.stream().filter(i -> !finished.contains(i.docId())).forEach(i -> open.putIfAbsent(i.docId(), i));
        }

        @Override
        public List<ReceivedItem> claim(MessageType type, int max) {
            List<ReceivedItem> got = new ArrayList<>();
            for (ReceivedItem item : open.values()) {
                if (got.size() < max && !inHand.contains(item.docId())) {
                    got.add(item);
                    inHand.add(item.docId());
                }
            }
            return got;
        }

        @Override
        public void heartbeat() {
            if (failOnce == FailAt.HEARTBEAT && !finished.isEmpty()) {
                failOnce = null;
                throw new ReceiveCoordinatorException("database gone (heartbeat)", true, null);
            }
        }

        @Override
        public void release(String docId, boolean done) {
            inHand.remove(docId); // as the JDBC coordinator does: out of hand first, then the shared state
            if (failOnce == FailAt.RELEASE) {
                failOnce = null;
                throw new ReceiveCoordinatorException("database gone (release)", true, null);
            }
            if (done) {
                open.remove(docId);
                finished.add(docId);
            }
        }
    }

    @Test
    void aPackageAnotherNodeTookOverIsNotHandedToThisNodesHandler() {
        ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        FlakyCoordinator coordinator = new FlakyCoordinator();
        coordinator.takenOver.add("d2");
        List<String> handled = new CopyOnWriteArrayList<>();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> handled.add(pkg.docId()))
                .coordinator(coordinator).quarantineDirectory(quarantine).build()) {
            loop.pollOnce();
            assertEquals(List.of("d1"), handled, "d2's lease went to another node: this one leaves it");
            assertTrue(coordinator.inHand.isEmpty(), "released, not finished");
            assertEquals(Set.of("d1"), coordinator.finished);
            coordinator.takenOver.clear(); // the other node died in turn: d2 comes back
            loop.pollOnce();
        }
        assertEquals(List.of("d1", "d2"), handled);
    }

    @ParameterizedTest
    @EnumSource(FailAt.class)
    void aFailureMidBatchLeavesNothingInHandAndTheNextPollFinishesTheRest(FailAt where) {
        ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();
        for (int i = 1; i <= 5; i++) {
            axis.offer("d" + i, MessageType.EDOC, ReceiveLoopTestPackages.document(String.valueOf(i)));
        }
        FlakyCoordinator coordinator = new FlakyCoordinator();
        coordinator.failOnce = where;
        List<String> handled = new CopyOnWriteArrayList<>();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> handled.add(pkg.docId()))
                .coordinator(coordinator).quarantineDirectory(quarantine).build()) {
            assertThrows(ReceiveCoordinatorException.class, loop::pollOnce);
            assertTrue(coordinator.inHand.isEmpty(), "still in hand after the failed poll: " + coordinator.inHand);
            loop.pollOnce();
        }
        assertEquals(Set.of("d1", "d2", "d3", "d4", "d5"), coordinator.finished);
        assertEquals(5, Set.copyOf(handled).size(), "every package handed over: " + handled);
        assertTrue(coordinator.inHand.isEmpty());
        assertEquals(Optional.empty(), handled.stream().filter(d -> handled.indexOf(d) != handled.lastIndexOf(d))
                .findFirst(), "a package handled and checkpointed is not handed over again");
    }
}
