package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.StaffInfo;

class ReceiveLoopPollTest {
    @TempDir
    Path quarantine;

    private final ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    private ReceiveLoop loop(PackageHandler handler) {
        return ReceiveLoop.builder(axis, store, handler).quarantineDirectory(quarantine).build();
    }

    private PackageHandler recording() {
        return pkg -> handled.add(pkg.docId());
    }

    @Test
    void handsEachPackageOverOnceAndAcknowledgesDone() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        try (ReceiveLoop loop = loop(recording())) {
            assertEquals(new ReceiveLoop.PollResult(2, 2, 0, 0, 0), loop.pollOnce());
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d1", "d2"), handled);
        assertEquals(List.of("d1:done", "d2:done"), axis.acks);
        assertTrue(store.isDone("d1") && store.isDone("d2"));
    }

    @Test
    void throwingHandlerSeesThePackageAgainAndNothingIsAcknowledged() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        AtomicInteger calls = new AtomicInteger();
        try (ReceiveLoop loop = loop(pkg -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("database down");
            }
        })) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 0), loop.pollOnce());
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 0), loop.pollOnce());
            assertEquals(List.of(), axis.acks);
            CheckpointEntry e = store.find("d1").orElseThrow();
            assertEquals(CheckpointState.FAILED, e.state());
            assertEquals(2, e.attempts());
            assertTrue(e.lastError().contains("database down"), e.lastError());

            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 0, 0), loop.pollOnce());
        }
        assertEquals(3, calls.get());
        assertEquals(List.of("d1:done"), axis.acks);
    }

    @Test
    void acknowledgedPackageListedAgainIsNotHandedOver() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        try (ReceiveLoop loop = loop(recording())) {
            loop.pollOnce();
            axis.relist("d1", "");
            assertEquals(new ReceiveLoop.PollResult(0, 0, 1, 0, 0), loop.pollOnce());
            assertEquals(List.of("d1:done", "d1:done"), axis.acks, "the lost ack is repeated");
            axis.relist("d1", "done");
            assertEquals(new ReceiveLoop.PollResult(0, 0, 1, 0, 0), loop.pollOnce());
            assertEquals(2, axis.acks.size(), "no ack repeated when the axis shows it done");
        }
        assertEquals(List.of("d1"), handled);
        assertEquals(1, axis.fetchCount("d1"));
    }

    @Test
    void statusPackagesArriveAsTypedEvents() {
        DocumentPackage sent = ReceiveLoopTestPackages.document("7816");
        axis.offer("s1", MessageType.STATUS, ReceiveLoopTestPackages.status(sent, EdocStatus.ACCEPTED))
                .offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        List<StatusEvent> events = new ArrayList<>();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).statusListener(events::add)
                .quarantineDirectory(quarantine).build()) {
            assertEquals(new ReceiveLoop.PollResult(2, 2, 0, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of(MessageType.EDOC, MessageType.STATUS), axis.lists);
        assertEquals(List.of("d1"), handled);
        assertEquals(1, events.size());
        StatusEvent e = events.get(0);
        assertEquals("s1", e.docId());
        assertEquals(EdocStatus.ACCEPTED, e.status());
        assertEquals(sent.header().documentId(), e.responseFor().documentId());
        assertEquals("7816/VPCP-TTĐT", e.responseFor().code());
        assertTrue(axis.acks.contains("s1:done"));
    }

    @Test
    void throwingStatusListenerSeesTheEventAgain() {
        axis.offer("s1", MessageType.STATUS,
                ReceiveLoopTestPackages.status(ReceiveLoopTestPackages.document("1"), EdocStatus.REJECTED));
        AtomicInteger calls = new AtomicInteger();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).quarantineDirectory(quarantine)
                .statusListener(e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("busy");
            }
            assertEquals(EdocStatus.REJECTED, e.status());
        }).build()) {
            assertEquals(1, loop.pollOnce().failed());
            assertEquals(List.of(), axis.acks);
            assertEquals(1, loop.pollOnce().handedOver());
        }
        assertEquals(List.of("s1:done"), axis.acks);
    }

    @Test
    void withoutListenerStatusPackagesStayOnTheAxis() {
        axis.offer("s1", MessageType.STATUS,
                ReceiveLoopTestPackages.status(ReceiveLoopTestPackages.document("1"), EdocStatus.RECEIVED));
        try (ReceiveLoop loop = loop(recording())) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of(MessageType.EDOC), axis.lists);
        assertEquals(List.of(), axis.acks);
    }

    @Test
    void transportFailureOfTheAckOnlyRepeatsTheAck() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failAckOnce("d1", ReceiveLoopFakeAxis.networkDown());
        try (ReceiveLoop loop = loop(recording())) {
            assertThrows(TransportException.class, loop::pollOnce);
            assertEquals(CheckpointState.HANDLED, store.find("d1").orElseThrow().state());
            assertEquals(new ReceiveLoop.PollResult(0, 1, 1, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d1"), handled);
        assertEquals(List.of("d1:done"), axis.acks);
        assertTrue(store.isDone("d1"));
    }

    @Test
    void refusedAckIsCountedAndRetried() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failAckOnce("d1", new IllegalStateException("axis error 99"));
        try (ReceiveLoop loop = loop(recording())) {
            assertEquals(new ReceiveLoop.PollResult(1, 0, 0, 1, 0), loop.pollOnce());
            assertEquals(new ReceiveLoop.PollResult(0, 1, 1, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d1"), handled);
    }

    @Test
    void malformedPackageIsFailedAndTheOthersGoOn() {
        axis.offer("bad", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        axis.failFetchOnce("bad", new IllegalArgumentException("not edXML"));
        try (ReceiveLoop loop = loop(recording())) {
            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 1, 0), loop.pollOnce());
            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d2", "bad"), handled);
    }

    @Test
    void transportFailureOfAFetchEndsThePollAndCountsTheAttempt() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        axis.failFetchOnce("d1", ReceiveLoopFakeAxis.networkDown());
        List<Integer> attempts = new ArrayList<>();
        try (ReceiveLoop loop = loop(pkg -> attempts.add(pkg.attempt()))) {
            assertThrows(TransportException.class, loop::pollOnce);
            CheckpointEntry e = store.find("d1").orElseThrow();
            assertEquals(CheckpointState.FAILED, e.state());
            assertEquals(1, e.attempts(), "a body that never arrives must not be retried forever uncounted");
            assertTrue(e.lastError().contains("TransportException"), e.lastError());
            assertEquals(0, axis.fetchCount("d2"), "the poll ended");
            assertEquals(2, loop.pollOnce().handedOver());
        }
        assertEquals(List.of(2, 1), attempts, "d1's second attempt, d2's first");
    }

    @Test
    void givesUpAfterTheRetryBudgetWithAckFail() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        AtomicInteger calls = new AtomicInteger();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, pkg -> {
            calls.incrementAndGet();
            throw new IllegalStateException("cannot store");
        }).maxAttempts(2).quarantineDirectory(quarantine).build()) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 0), loop.pollOnce());
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 1), loop.pollOnce());
            axis.relist("d1", "");
            assertEquals(new ReceiveLoop.PollResult(0, 0, 1, 0, 0), loop.pollOnce());
        }
        assertEquals(2, calls.get());
        assertEquals(List.of("d1:fail", "d1:fail"), axis.acks);
        assertEquals(CheckpointState.GAVE_UP, store.find("d1").orElseThrow().state());
    }

    @Test
    void pollsNeverOverlap() throws Exception {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ReceiveLoop loop = loop(pkg -> {
            max.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            inHandler.countDown();
            release.await(5, TimeUnit.SECONDS);
            concurrent.decrementAndGet();
        })) {
            Future<ReceiveLoop.PollResult> first = pool.submit(loop::pollOnce);
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            Future<ReceiveLoop.PollResult> second = pool.submit(loop::pollOnce);
            Thread.sleep(50);
            assertFalse(second.isDone(), "the second poll waits for the first");
            release.countDown();
            assertEquals(1, first.get(5, TimeUnit.SECONDS).handedOver());
            assertEquals(0, second.get(5, TimeUnit.SECONDS).handedOver());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, max.get());
    }

    @Test
    void packageIsClosedAfterTheHandlerReturns(@TempDir Path dir) throws Exception {
        Path temp = Files.writeString(dir.resolve("a.pdf"), "%PDF-1.4");
        Attachment file = new Attachment("cid:1", "a.pdf", "a", "application/pdf",
                AttachmentContent.ofTemporaryFile(temp));
        DocumentPackage doc = EdXmlPackages.newDocument(ReceiveLoopTestPackages.document("1").header(),
                StaffInfo.of("VT", "A", "", ""), List.of(file), ReceiveLoopTestPackages.CLOCK);
        axis.offer("d1", MessageType.EDOC, doc);
        List<Boolean> existedInHandler = new ArrayList<>();
        try (ReceiveLoop loop = loop(pkg -> existedInHandler.add(Files.exists(temp)))) {
            assertEquals(1, loop.pollOnce().handedOver());
        }
        assertEquals(List.of(true), existedInHandler);
        assertFalse(Files.exists(temp), "temporary attachment deleted after the hand-over");
    }

    @Test
    void statusPackageListedAsDocumentGoesToTheListener() {
        axis.offer("s1", MessageType.EDOC,
                ReceiveLoopTestPackages.status(ReceiveLoopTestPackages.document("1"), EdocStatus.COMPLETED));
        List<StatusEvent> events = new ArrayList<>();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).statusListener(events::add)
                .quarantineDirectory(quarantine).build()) {
            assertEquals(1, loop.pollOnce().handedOver());
        }
        assertEquals(EdocStatus.COMPLETED, events.get(0).status());
        assertEquals(List.of(), handled);
    }

    @Test
    void closedLoopRefusesToPoll() {
        ReceiveLoop loop = loop(recording());
        loop.close();
        assertThrows(IllegalStateException.class, loop::pollOnce);
    }

    @Test
    void badSettingsNameTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ReceiveLoop.builder(axis, store, null));
        assertEquals("handler", e.errors().get(0).path());
        e = assertThrows(ValidationException.class,
                () -> ReceiveLoop.builder(axis, store, recording()).interval(Duration.ZERO));
        assertEquals("interval", e.errors().get(0).path());
        e = assertThrows(ValidationException.class, () -> ReceiveLoop.builder(axis, store, recording())
                .maxAttempts(-1));
        assertEquals("maxAttempts", e.errors().get(0).path());
        e = assertThrows(ValidationException.class, () -> ReceiveLoop.builder(null, store, recording()));
        assertEquals("client", e.errors().get(0).path());
    }
}
