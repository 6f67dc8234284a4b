package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdocStatus;

/**
 * Hostile packages: whatever a package makes the loop's fetch or the handler throw (an {@link Error} too) is
 * counted, and after the attempt budget the package is quarantined (bytes kept, typed event, ack {@code fail})
 * instead of being retried forever; handlers get the attempt number to deduplicate.
 */
class ReceiveLoopPoisonTest {
    @TempDir
    Path dir;

    private final ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<QuarantineEvent> quarantined = new CopyOnWriteArrayList<>();

    private Path quarantine() {
        return dir.resolve("quarantine");
    }

    private ReceiveLoop.Builder loop(PackageHandler handler) {
        return ReceiveLoop.builder(axis, store, handler).quarantineDirectory(quarantine())
                .quarantineListener(quarantined::add);
    }

    private PackageHandler recording() {
        return pkg -> handled.add(pkg.docId() + "#" + pkg.attempt());
    }

    @Test
    void anErrorWhileFetchingIsCountedAndAfterTheDefaultBudgetThePackageIsQuarantinedWithItsBytes()
            throws IOException {
        axis.offer("bad", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("good", MessageType.EDOC, ReceiveLoopTestPackages.document("2"))
                .raw("bad", "<edXML>hostile bytes, kept as they are</edXML>".getBytes());
        axis.failFetchAlways("bad", new StackOverflowError("reader recursion"));
        try (ReceiveLoop loop = loop(recording()).build()) {
            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 1, 0), loop.pollOnce(), "the others go on");
            for (int attempt = 2; attempt < ReceiveLoop.DEFAULT_MAX_ATTEMPTS; attempt++) {
                assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 0), loop.pollOnce());
                assertEquals(attempt, store.find("bad").orElseThrow().attempts());
            }
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 1), loop.pollOnce(), "budget spent: quarantined");
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 0, 0), loop.pollOnce(), "never again");
        }
        assertEquals(List.of("good#1"), handled);
        assertEquals(ReceiveLoop.DEFAULT_MAX_ATTEMPTS, axis.fetchCount("bad"));
        assertEquals(List.of("good:done", "bad:fail"), axis.acks);
        CheckpointEntry entry = store.find("bad").orElseThrow();
        assertEquals(CheckpointState.GAVE_UP, entry.state());

        QuarantineEvent e = quarantined.get(0);
        assertEquals(1, quarantined.size());
        assertEquals("bad", e.docId());
        assertEquals(5, e.attempts());
        assertTrue(e.lastFailure().contains("StackOverflowError: reader recursion"), e.lastFailure());
        assertTrue(e.kept() && e.notKept().isEmpty());
        assertEquals(quarantine(), e.file().orElseThrow().getParent());
        assertArrayEquals(axis.rawBytes("bad"), Files.readAllBytes(e.file().get()), "the raw bytes, unparsed");
        String note = Files.readString(Path.of(e.file().get().toString().replace(".edxml", ".txt")));
        assertTrue(note.contains("attempts: 5") && note.contains("StackOverflowError"), note);
    }

    @Test
    void everyKindOfThrowableFromTheHandlerCounts() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        List<Throwable> throwables = List.of(new OutOfMemoryError("Java heap space"), new AssertionError("bug"),
                new Exception("checked"), new IllegalStateException("db down"));
        AtomicInteger calls = new AtomicInteger();
        try (ReceiveLoop loop = loop(pkg -> {
            throw ReceiveLoopFakeAxis.<RuntimeException>sneaky(throwables.get(calls.getAndIncrement()));
        }).maxAttempts(4).build()) {
            for (int i = 1; i <= 4; i++) {
                assertEquals(1, loop.pollOnce().failed(), "attempt " + i);
            }
            assertEquals(0, loop.pollOnce().failed());
        }
        assertEquals(4, calls.get());
        assertEquals(List.of("d1:fail"), axis.acks);
        assertTrue(quarantined.get(0).lastFailure().contains("IllegalStateException: db down"));
    }

    @Test
    void zeroAttemptsIsAnExplicitNeverQuarantine() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        try (ReceiveLoop loop = loop(pkg -> {
            throw new LinkageError("always");
        }).maxAttempts(0).build()) {
            for (int i = 0; i < 12; i++) {
                assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 0), loop.pollOnce());
            }
        }
        assertEquals(12, store.find("d1").orElseThrow().attempts());
        assertEquals(List.of(), axis.acks);
        assertEquals(List.of(), quarantined);
    }

    @Test
    void theHandlerAndTheStatusListenerGetTheAttemptNumber() {
        DocumentPackage sent = ReceiveLoopTestPackages.document("9");
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("s1", MessageType.STATUS, ReceiveLoopTestPackages.status(sent, EdocStatus.ACCEPTED));
        List<Integer> docAttempts = new ArrayList<>();
        List<Integer> statusAttempts = new ArrayList<>();
        try (ReceiveLoop loop = loop(pkg -> {
            docAttempts.add(pkg.attempt());
            if (docAttempts.size() < 3) {
                throw new IllegalStateException("not yet");
            }
        }).statusListener(e -> {
            statusAttempts.add(e.attempt());
            if (statusAttempts.size() < 2) {
                throw new IllegalStateException("not yet");
            }
        }).build()) {
            loop.pollOnce();
            loop.pollOnce();
            loop.pollOnce();
            loop.pollOnce();
        }
        assertEquals(List.of(1, 2, 3), docAttempts);
        assertEquals(List.of(1, 2), statusAttempts);
    }

    @Test
    void quarantineFileNamesStayInTheDirectoryWhateverTheDocIdHolds() throws IOException {
        List<String> ids = List.of("../../escape", "..", ".", "/etc/passwd", "a\\b\\..\\c", "nul\0byte",
                "line\nbreak", "CON", "x".repeat(300), "văn bản/1", "a b", "a_b", ".hidden", "C:\\x");
        for (String id : ids) {
            axis.offer(id, MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
            axis.failFetchAlways(id, new IllegalArgumentException("not edXML"));
        }
        try (ReceiveLoop loop = loop(recording()).maxAttempts(1).build()) {
            assertEquals(ids.size(), loop.pollOnce().givenUp());
        }
        assertEquals(ids.size(), quarantined.size());
        Set<Path> files = new HashSet<>();
        for (QuarantineEvent e : quarantined) {
            Path f = e.file().orElseThrow(() -> new AssertionError(e.notKept()));
            assertEquals(quarantine(), f.getParent(), e.docId());
            assertFalse(f.getFileName().toString().startsWith("."), f.toString());
            assertTrue(f.getFileName().toString().matches("[A-Za-z0-9._-]+"), f.toString());
            assertArrayEquals(axis.rawBytes(e.docId()), Files.readAllBytes(f));
            files.add(f);
        }
        assertEquals(ids.size(), files.size(), "one file per docId");
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.allMatch(p -> p.equals(dir) || p.startsWith(quarantine())), "nothing outside");
        }
    }

    @Test
    void whenTheBytesCannotBeKeptTheEventSaysWhyAndTheQuarantineStillEnds() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failFetchAlways("d1", new StackOverflowError());
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).maxAttempts(2)
                .quarantineDirectory(notADirectory.resolve("q")).quarantineListener(quarantined::add).build()) {
            loop.pollOnce();
            assertEquals(1, loop.pollOnce().givenUp());
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 0, 0), loop.pollOnce());
        }
        QuarantineEvent e = quarantined.get(0);
        assertFalse(e.kept());
        assertTrue(e.notKept().orElseThrow().contains(notADirectory.resolve("q").toString()), e.toString());
        assertEquals(List.of("d1:fail"), axis.acks);
    }

    @Test
    void aFetchOfTheRawBytesThatBreaksOffLeavesNoPartialFile() throws IOException {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failFetchAlways("d1", new IllegalArgumentException("not edXML"));
        axis.failFetchToAlways("d1", new OutOfMemoryError("while copying"));
        try (ReceiveLoop loop = loop(recording()).maxAttempts(1).build()) {
            assertEquals(1, loop.pollOnce().givenUp());
        }
        assertTrue(quarantined.get(0).notKept().orElseThrow().contains("OutOfMemoryError: while copying"));
        try (Stream<Path> left = Files.list(quarantine())) {
            assertEquals(List.of(), left.toList(), "no partial file");
        }
        assertEquals(List.of("d1:fail"), axis.acks);
    }

    @Test
    void aThrowingQuarantineListenerChangesNothing() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        axis.failFetchAlways("d1", new StackOverflowError());
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).maxAttempts(1)
                .quarantineDirectory(quarantine()).quarantineListener(e -> {
                    throw new IllegalStateException("pager down");
                }).build()) {
            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 1, 1), loop.pollOnce());
        }
        assertEquals(List.of("d1:fail", "d2:done"), axis.acks);
    }

    @Test
    void aPackageWhoseAttemptsNeverFinishedIsQuarantinedWithoutAnotherHandOver() {
        axis.offer("crasher", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        for (int i = 0; i < 3; i++) {
            store.markAttempt("crasher"); // three processes died while handling it
        }
        try (ReceiveLoop loop = loop(recording()).maxAttempts(3).build()) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 1), loop.pollOnce());
        }
        assertEquals(List.of(), handled);
        assertEquals(0, axis.fetchCount("crasher"));
        assertEquals(3, quarantined.get(0).attempts());
        assertTrue(quarantined.get(0).lastFailure().contains("attempt 3 did not finish"),
                quarantined.get(0).lastFailure());
        assertEquals(List.of("crasher:fail"), axis.acks);
    }

    @Test
    void aQuarantineThatDidNotFinishIsFinishedWhenThePackageIsListedAgain() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        store.markAttempt("d1");
        store.markGivenUp("d1", "handler failed: x"); // the process died before keeping the bytes and the ack
        try (ReceiveLoop loop = loop(recording()).build()) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 1, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d1:fail"), axis.acks);
        assertTrue(quarantined.get(0).kept());
        assertEquals("handler failed: x", quarantined.get(0).lastFailure());
    }

    @Test
    void anAckThatThrowsAnErrorDoesNotStopTheOtherPackages() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        axis.failAckOnce("d1", new AssertionError("client bug"));
        try (ReceiveLoop loop = loop(recording()).build()) {
            assertEquals(new ReceiveLoop.PollResult(2, 1, 0, 1, 0), loop.pollOnce());
            assertEquals(new ReceiveLoop.PollResult(0, 1, 1, 0, 0), loop.pollOnce(), "d1's ack repeated");
        }
        assertEquals(List.of("d1#1", "d2#1"), handled);
    }

    @Test
    void anInterruptEndsThePollAndTheRestWaitsForTheNext() {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        AtomicInteger calls = new AtomicInteger();
        try (ReceiveLoop loop = loop(pkg -> {
            handled.add(pkg.docId() + "#" + pkg.attempt());
            if (calls.getAndIncrement() == 0) {
                throw new InterruptedException("shutting down");
            }
        }).build()) {
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 0), loop.pollOnce());
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertEquals(new ReceiveLoop.PollResult(2, 2, 0, 0, 0), loop.pollOnce());
        }
        assertEquals(List.of("d1#1", "d1#2", "d2#1"), handled);
    }

    @Test
    void aFileStoresQuarantineIsBesideItsJournalByDefault() {
        Path journal = dir.resolve("data/inbox.checkpoint");
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failFetchAlways("d1", new StackOverflowError());
        try (FileCheckpointStore files = FileCheckpointStore.open(journal);
                ReceiveLoop loop = ReceiveLoop.builder(axis, files, recording()).maxAttempts(1)
                        .quarantineListener(quarantined::add).build()) {
            loop.pollOnce();
        }
        assertEquals(dir.resolve("data/inbox.checkpoint.quarantine"),
                quarantined.get(0).file().orElseThrow().getParent());
    }

    @Test
    void anotherStoresQuarantineIsEgovQuarantineInTheWorkingDirectoryByDefault() throws IOException {
        Path expected = Path.of(ReceiveLoop.DEFAULT_QUARANTINE_DIRECTORY).toAbsolutePath();
        boolean existed = Files.exists(expected);
        axis.offer("default-dir-test", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failFetchAlways("default-dir-test", new StackOverflowError());
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, recording()).maxAttempts(1)
                .quarantineListener(quarantined::add).build()) {
            loop.pollOnce();
        }
        Path file = quarantined.get(0).file().orElseThrow();
        try {
            assertEquals(expected, file.getParent());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file.toString().replace(".edxml", ".txt")));
            if (!existed) {
                Files.deleteIfExists(expected);
            }
        }
    }
}
