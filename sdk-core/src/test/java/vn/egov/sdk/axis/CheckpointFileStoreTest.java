package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.ManualClock;

class CheckpointFileStoreTest extends CheckpointStoreContract {
    @TempDir
    Path dir;

    @Override
    protected CheckpointStore newStore(ManualClock clock, Duration retention) {
        return FileCheckpointStore.builder(dir.resolve("contract.checkpoint")).clock(clock).retention(retention)
                .build();
    }

    private FileCheckpointStore open(Path file) {
        return FileCheckpointStore.builder(file).clock(clock).build();
    }

    @Test
    void marksSurviveReopen() {
        Path file = dir.resolve("sub/dir/inbox.checkpoint");
        try (FileCheckpointStore s = open(file)) {
            s.markHandled("a");
            s.markDone("b");
            assertEquals(1, s.markFailed("c\tweird\nid", "handler failed: x\ny"));
            assertEquals(2, s.markFailed("c\tweird\nid", "again"));
            s.markGivenUp("d", "budget spent");
        }
        try (FileCheckpointStore s = open(file)) {
            assertEquals(CheckpointState.HANDLED, s.find("a").orElseThrow().state());
            assertTrue(s.isDone("b"));
            CheckpointEntry c = s.find("c\tweird\nid").orElseThrow();
            assertEquals(CheckpointState.FAILED, c.state());
            assertEquals(2, c.attempts());
            assertEquals("again", c.lastError());
            assertEquals(CheckpointState.GAVE_UP, s.find("d").orElseThrow().state());
            assertEquals(clock.instant(), c.updatedAt());
            assertEquals(4, s.entries().size());
        }
    }

    @Test
    void tornLastRecordLosesNothingBefore() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        try (FileCheckpointStore s = open(file)) {
            s.markDone("a");
            s.markDone("b");
            s.markHandled("c");
        }
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 7); // a crash in the middle of the last append
        }
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.isDone("a"));
            assertTrue(s.isDone("b"));
            assertTrue(s.find("c").isEmpty(), "the torn record is dropped");
            s.markHandled("d"); // must not be glued to the torn tail
        }
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.isDone("a") && s.isDone("b"));
            assertEquals(CheckpointState.HANDLED, s.find("d").orElseThrow().state());
        }
    }

    @Test
    void tornRecordAfterAnUpdateKeepsTheEarlierState() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        try (FileCheckpointStore s = open(file)) {
            s.markHandled("a");
            s.markDone("a");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 5); // the last record is torn
        }
        try (FileCheckpointStore s = open(file)) {
            assertEquals(CheckpointState.HANDLED, s.find("a").orElseThrow().state());
            assertEquals(1, s.recovery().recordsLost());
        }
    }

    @Test
    void aLastRecordMissingOnlyItsNewlineIsWholeAndKept() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        try (FileCheckpointStore s = open(file)) {
            s.markHandled("a");
            s.markDone("a");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 1); // its CRC still verifies: what it records had happened
        }
        try (FileCheckpointStore s = open(file)) {
            assertEquals(CheckpointState.DONE, s.find("a").orElseThrow().state());
        }
    }

    @Test
    void corruptRecordInTheMiddleIsSkipped() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        try (FileCheckpointStore s = FileCheckpointStore.builder(file).clock(clock).compactAfter(100).build()) {
            s.markDone("a");
            s.markDone("b");
            s.markDone("c");
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("DONE", "DONX"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.isDone("a"));
            assertFalse(s.isDone("b"));
            assertTrue(s.isDone("c"));
        }
    }

    @Test
    void emptyFileIsAnEmptyStore() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        Files.createFile(file);
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.entries().isEmpty());
        }
    }

    @Test
    void foreignFileIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        Files.writeString(file, "hello\n");
        ValidationException e = assertThrows(ValidationException.class, () -> open(file));
        assertEquals("file", e.errors().get(0).path());
        assertEquals("hello\n", Files.readString(file), "left untouched");
    }

    @Test
    void oldEntriesArePrunedAndTheFileStaysBounded() throws IOException {
        Path file = dir.resolve("inbox.checkpoint");
        try (FileCheckpointStore s = FileCheckpointStore.builder(file).clock(clock).retention(Duration.ofDays(2))
                .compactAfter(10).build()) {
            s.markDone("old");
            clock.advance(Duration.ofDays(3));
            for (int i = 0; i < 100; i++) {
                s.markHandled("n" + i);
                s.markDone("n" + i);
            }
            assertTrue(s.find("old").isEmpty(), "pruned on a later mark");
            assertTrue(Files.readAllLines(file).size() <= 1 + 100 + 100, "compacted");
        }
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.find("old").isEmpty());
            assertEquals(100, s.entries().size());
            assertEquals(101, Files.readAllLines(file).size(), "header + one line per live entry after open");
        }
        clock.advance(Duration.ofDays(31));
        try (FileCheckpointStore s = open(file)) {
            assertEquals(0, s.entries().size(), "pruned on open with the default 30 days");
        }
    }

    @Test
    void concurrentMarksFromManyThreadsAreAllKeptOnDisk() throws Exception {
        Path file = dir.resolve("inbox.checkpoint");
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FileCheckpointStore s = FileCheckpointStore.builder(file).clock(clock).compactAfter(37).build()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        s.markHandled(thread + "-" + i);
                        s.markDone(thread + "-" + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (FileCheckpointStore s = open(file)) {
            assertEquals(threads * each, s.entries().size());
            assertTrue(s.entries().stream().allMatch(e -> e.state() == CheckpointState.DONE));
        }
    }

    @Test
    void badBuilderArgumentsNameTheField() {
        assertEquals("file", assertThrows(ValidationException.class, () -> FileCheckpointStore.builder(null))
                .errors().get(0).path());
        assertEquals("retention", assertThrows(ValidationException.class,
                () -> FileCheckpointStore.builder(dir.resolve("y")).retention(Duration.ZERO)).errors().get(0)
                .path());
    }

    @Test
    void aFileIsOpenInOneStoreAtATime() {
        Path file = dir.resolve("inbox.checkpoint");
        try (FileCheckpointStore s = open(file)) {
            s.markDone("a");
            CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> open(file));
            assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
            assertTrue(s.isDone("a"));
        }
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.isDone("a"), "reopened once the first store is closed");
        }
    }

    @Test
    void closedStoreRefusesMarks() {
        FileCheckpointStore s = open(dir.resolve("x"));
        s.close();
        assertThrows(CheckpointStoreException.class, () -> s.markDone("a"));
    }
}
