package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.testsupport.ChildJvm;
import vn.egov.sdk.core.testsupport.LogCapture;

/**
 * A damaged outbox journal: cut at every byte of its last writes, a byte flipped anywhere, records glued, a file
 * that is not a journal, a directory, a journal locked by another process. Every intact write is recovered, a call
 * is applied to all of its entries or to none, the damage is counted exactly and the damaged file kept aside.
 */
class FileDossierOutboxRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    /** The journal: header and high-water line, then one write per entry of {@link #writes}. */
    private byte[] journal;
    /** Per write: the byte offset where it ends. */
    private final List<Integer> writeEnds = new ArrayList<>();
    /** Per write: the entries it wrote. */
    private final List<List<OutboxEntry>> writes = new ArrayList<>();
    /** Per line (header first): its start; one more for the end of the file. */
    private final List<Integer> lineStarts = new ArrayList<>();
    /** Per line: the write it belongs to (-1 for the header and the high-water line). */
    private final List<Integer> lineWrite = new ArrayList<>();
    private final List<OutboxItem> items = new ArrayList<>();

    @BeforeEach
    void writeAJournal() throws IOException {
        Path file = dir.resolve("base/outbox.journal");
        for (int i = 1; i <= 4; i++) {
            items.add(new OutboxItem("hồ-sơ-" + i, OutboxKind.DOSSIER, "000.00.01.H01-261207-000" + i,
                    "{\"MaHoSo\":\"000.00.01.H01-261207-000" + i + "\",\"ChuHoSo\":\"Trần Văn Bình\"}"));
        }
        try (FileDossierOutbox s = FileDossierOutbox.builder(file).clock(clock).build()) {
            writeEnds.add((int) Files.size(file));
            writes.add(List.of());
            record(file, s.enqueue(items.subList(0, 3)));
            record(file, mark(s, List.of(1L, 2L), OutboxState.SENDING));
            record(file, mark(s, List.of(1L), OutboxState.SENT));
            record(file, mark(s, List.of(2L), OutboxState.FAILED));
            record(file, s.enqueue(items.subList(3, 4)));
            record(file, mark(s, List.of(3L, 4L), OutboxState.SENDING));
        }
        journal = Files.readAllBytes(file);
        for (int i = 0; i < journal.length; i++) {
            if (i == 0 || journal[i - 1] == '\n') {
                lineStarts.add(i);
                int w = 0;
                while (w < writeEnds.size() && writeEnds.get(w) <= i) {
                    w++;
                }
                lineWrite.add(w == 0 ? -1 : w);
            }
        }
        lineStarts.add(journal.length);
        assertEquals(1 + 1 + 3 + 2 + 1 + 1 + 1 + 2, lineWrite.size(), "header, high water, 10 entry lines");
    }

    private List<OutboxEntry> mark(FileDossierOutbox s, List<Long> seqs, OutboxState to) {
        clock.advance(Duration.ofSeconds(1));
        switch (to) {
            case SENDING -> s.markSending(seqs);
            case SENT -> s.markSent(seqs);
            default -> s.markFailed(seqs, "HTTP 503", clock.instant().plusSeconds(60));
        }
        return seqs.stream().map(q -> s.find(q).orElseThrow()).toList();
    }

    private void record(Path file, List<OutboxEntry> written) throws IOException {
        writes.add(written);
        writeEnds.add((int) Files.size(file));
    }

    /** The entries after replaying writes {@code 1..upTo} except {@code skipped}. */
    private Map<Long, OutboxEntry> expected(int upTo, int skipped) {
        Map<Long, OutboxEntry> m = new TreeMap<>();
        for (int w = 1; w <= upTo; w++) {
            if (w != skipped) {
                writes.get(w).forEach(e -> m.put(e.sequence(), e));
            }
        }
        return m;
    }

    private static Map<Long, OutboxEntry> state(DossierOutbox s) {
        Map<Long, OutboxEntry> m = new TreeMap<>();
        for (long q = 1; q <= 10; q++) {
            s.find(q).ifPresent(e -> m.put(e.sequence(), e));
        }
        return m;
    }

    private Path damaged(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name + "/outbox.journal");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private FileDossierOutbox open(Path file) {
        return FileDossierOutbox.builder(file).clock(clock).build();
    }

    private static List<Path> asideCopies(Path file) throws IOException {
        try (Stream<Path> s = Files.list(file.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".damaged-")).toList();
        }
    }

    private int lineOf(int offset) {
        for (int l = 0; l < lineWrite.size(); l++) {
            if (offset < lineStarts.get(l + 1)) {
                return l;
            }
        }
        throw new AssertionError(offset);
    }

    @Test
    @Timeout(300)
    void aCutAtEveryByteOfTheLastWritesKeepsEveryFinishedCallWholeAndCountsTheRest() throws Exception {
        int lastWrite = writes.size() - 1;
        forEachOffset(writeEnds.get(lastWrite - 2), journal.length + 1, cut -> {
            byte[] bytes = java.util.Arrays.copyOf(journal, cut);
            String at = "cut at " + cut;
            // lines whose bytes are all there (a missing final newline alone does not matter: the CRC verifies)
            int whole = 0;
            while (whole < lineWrite.size() && lineStarts.get(whole + 1) - 1 <= cut) {
                whole++;
            }
            int lastWhole = whole == 0 ? -1 : lineWrite.get(whole - 1);
            boolean writeComplete = whole == lineWrite.size() || lineWrite.get(whole) != lastWhole;
            int applied = writeComplete ? lastWhole : lastWhole - 1;
            int dropped = 0;
            for (int l = 0; l < whole; l++) {
                dropped += lineWrite.get(l) == applied + 1 ? 1 : 0;
            }
            int endOfWhole = Math.min(cut, lineStarts.get(whole));
            long bytesLost = cut - endOfWhole;
            Path file = damaged("cut" + cut, bytes);
            try (FileDossierOutbox s = open(file)) {
                OutboxRecovery r = s.recovery();
                assertEquals(expected(applied, -1), state(s), at + ": " + r.summary());
                assertEquals(bytesLost, r.bytesLost(), at);
                assertEquals(bytesLost > 0 ? 1 : 0, r.recordsLost(), at + ": the torn line");
                assertEquals(dropped, r.recordsOfUnfinishedWrites(), at + ": " + r.summary());
                assertEquals(bytesLost == 0 && dropped == 0, r.clean(), at);
                assertEquals(bytesLost > 0, r.damagedCopy().isPresent(), at);
                if (bytesLost > 0) {
                    assertArrayEquals(bytes, Files.readAllBytes(r.damagedCopy().get()), at + ": kept as it was");
                }
                Set<String> unfinished = new HashSet<>();
                writes.get(applied + 1 < writes.size() ? applied + 1 : applied)
                        .forEach(e -> unfinished.add(e.item().key()));
                assertTrue(unfinished.containsAll(r.keysAffected()), at + ": " + r.keysAffected());
                if (cut % 16 == 0) {
                    long highest = expected(applied, -1).keySet().stream().mapToLong(Long::longValue).max()
                            .orElse(0);
                    assertTrue(s.enqueue(List.of(new OutboxItem("later", OutboxKind.STATUS, "x", "{}"))).get(0)
                            .sequence() > highest, at + ": sequences continue");
                }
            }
            if (cut % 16 == 0) {
                try (FileDossierOutbox s = open(file)) {
                    assertTrue(s.recovery().clean(), at + ": rewritten whole");
                    Map<Long, OutboxEntry> now = state(s);
                    now.values().removeIf(e -> e.item().key().equals("later"));
                    assertEquals(expected(applied, -1), now, at);
                }
            }
        });
    }

    @Test
    @Timeout(300)
    void aFlippedByteAnywhereDropsAtMostTheCallItHit() throws Exception {
        forEachOffset(0, journal.length, i -> {
            byte[] bytes = journal.clone();
            bytes[i] ^= 0x20;
            int line = lineOf(i);
            int hit = lineWrite.get(line);
            boolean newline = journal[i] == '\n';
            String at = "byte " + i + " ('" + (char) journal[i] + "', line " + line + ") flipped";
            try (FileDossierOutbox s = open(damaged("flip" + i, bytes))) {
                OutboxRecovery r = s.recovery();
                int last = writes.size() - 1;
                if (line == 0) {
                    assertEquals(expected(last, -1), state(s), at);
                    assertTrue(r.headerDamaged(), at);
                    assertEquals(0, r.recordsLost(), at);
                    assertEquals((long) lineStarts.get(1), r.bytesLost(), at);
                } else if (newline) {
                    assertEquals(expected(last, -1), state(s), at + ": both glued lines are intact");
                    assertEquals(1, r.bytesLost(), at);
                    assertEquals(0, r.recordsLost(), at);
                } else {
                    assertEquals(expected(last, hit), state(s), at + ": " + r.summary());
                    assertEquals(1, r.recordsLost(), at + ": " + r.summary());
                    assertEquals((long) (lineStarts.get(line + 1) - lineStarts.get(line)), r.bytesLost(), at);
                    int size = hit < 0 ? 0 : writes.get(hit).size();
                    assertEquals(Math.max(0, size - 1), r.recordsOfUnfinishedWrites(), at + ": the rest of the call");
                }
                assertArrayEquals(bytes, Files.readAllBytes(r.damagedCopy().orElseThrow()), at);
                assertTrue(s.enqueue(List.of(new OutboxItem("after", OutboxKind.STATUS, "x", "{}"))).get(0)
                        .sequence() > (hit == 1 || hit == 5 ? 0 : 4), at);
            }
        });
    }

    @Test
    void gluedRecordsAreBothRead() throws IOException {
        int nl = lineStarts.get(3) - 1; // between the first two entries of the first enqueue
        byte[] bytes = new byte[journal.length - 1];
        System.arraycopy(journal, 0, bytes, 0, nl);
        System.arraycopy(journal, nl + 1, bytes, nl, journal.length - nl - 1);
        try (FileDossierOutbox s = open(damaged("glued", bytes))) {
            assertEquals(expected(writes.size() - 1, -1), state(s));
            assertEquals(0, s.recovery().recordsLost(), s.recovery().summary());
            assertEquals(0, s.recovery().recordsOfUnfinishedWrites());
        }
    }

    @Test
    void aStretchCutOutOfTheMiddleIsCountedAndLoggedOnce() throws IOException {
        int from = lineStarts.get(3) + 5; // inside the 2nd line of the first enqueue .. inside the markSent line
        int to = lineStarts.get(7) + 9;
        byte[] bytes = new byte[journal.length - (to - from)];
        System.arraycopy(journal, 0, bytes, 0, from);
        System.arraycopy(journal, to, bytes, from, journal.length - to);
        try (LogCapture log = new LogCapture(); FileDossierOutbox s = open(damaged("hole", bytes))) {
            OutboxRecovery r = s.recovery();
            assertEquals(5, r.recordsLost(), r.summary()); // lines 3..7 by their numbers
            assertEquals(1, r.recordsOfUnfinishedWrites(), "the first enqueue's intact first line");
            Map<Long, OutboxEntry> m = state(s);
            assertFalse(m.containsKey(1L) && m.get(1L).state() == OutboxState.PENDING, "not a half call");
            List<String> warnings = log.lines().stream().filter(l -> l.contains("was damaged")).toList();
            assertEquals(1, warnings.size(), log.all());
            assertTrue(warnings.get(0).contains(r.damagedCopy().orElseThrow().toString()), warnings.get(0));
        }
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedAndLeftUntouched() throws IOException {
        Path file = damaged("foreign", "{\"not\":\"an outbox\"}\n".getBytes(StandardCharsets.UTF_8));
        ValidationException e = assertThrows(ValidationException.class, () -> open(file));
        assertEquals("file", e.errors().get(0).path());
        assertEquals("{\"not\":\"an outbox\"}\n", Files.readString(file));
        assertEquals(List.of(), asideCopies(file));
        assertFalse(Files.exists(file.resolveSibling("outbox.journal.lock")), "the lock is let go");
    }

    @Test
    void aCheckpointJournalIsNotAnOutboxJournal() throws IOException {
        Path file = damaged("checkpoint", "EGOV-CHECKPOINT-JOURNAL 2\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("file", assertThrows(ValidationException.class, () -> open(file)).errors().get(0).path());
    }

    @Test
    void aFileThatCannotBeReadIsMovedAsideAndTheOutboxStartsEmpty() throws IOException {
        Path file = dir.resolve("loop/outbox.journal");
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, file.getFileName()); // reading it fails: too many levels of links
        try (LogCapture log = new LogCapture(); FileDossierOutbox s = open(file)) {
            OutboxRecovery r = s.recovery();
            assertTrue(r.unreadable().isPresent(), r.toString());
            assertTrue(Files.isSymbolicLink(r.damagedCopy().orElseThrow()), "the unreadable file is kept aside");
            assertTrue(log.all().contains("unreadable"), log.all());
            assertEquals(1L, s.enqueue(items.subList(0, 1)).get(0).sequence());
        }
        try (FileDossierOutbox s = open(file)) {
            assertEquals(items.get(0), s.find(1).orElseThrow().item());
        }
    }

    @Test
    void aDirectoryInsteadOfAFileIsAValidationErrorNamingTheFile() throws IOException {
        Path file = Files.createDirectories(dir.resolve("isdir/outbox.journal"));
        ValidationException e = assertThrows(ValidationException.class, () -> open(file));
        assertEquals("file", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void aSecondOutboxOnTheSameFileInThisProcessIsRefused() throws IOException {
        Path file = damaged("twice", journal);
        try (FileDossierOutbox first = open(file)) {
            OutboxStoreException e = assertThrows(OutboxStoreException.class, () -> open(file));
            assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
            assertEquals(4, first.enqueue(items).size(), "the first one is unharmed");
        }
    }

    @Test
    @Timeout(60)
    void aJournalLockedByAnotherProcessIsARetryableErrorUntilThatProcessDies() throws Exception {
        Path file = dir.resolve("locked/outbox.journal");
        ChildJvm holder = ChildJvm.start(OutboxLockHolderMain.class, "lock holder", file.toString());
        try {
            holder.await("LOCKED");
            OutboxStoreException e = assertThrows(OutboxStoreException.class, () -> open(file));
            assertTrue(e.getMessage().contains("in use by another process (process " + holder.process().pid() + ")"),
                    e.getMessage());
            assertTrue(e.retryable());
        } finally {
            holder.kill();
        }
        assertTrue(Files.exists(file.resolveSibling("outbox.journal.lock")), "a killed process leaves its lock file");
        try (FileDossierOutbox s = open(file)) {
            assertEquals("held", s.find(1).orElseThrow().item().key(), "what the killed holder wrote is there");
        }
        assertFalse(Files.exists(file.resolveSibling("outbox.journal.lock"), LinkOption.NOFOLLOW_LINKS));
    }

    /** A check of one offset. */
    interface OffsetCheck {
        void check(int offset) throws Exception;
    }

    /** Runs a check for every offset, two at a time (each open waits for fsyncs), failing with the first failure. */
    private static void forEachOffset(int from, int to, OffsetCheck check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        LogCapture quiet = new LogCapture(); // a WARN line per damaged open: captured, not printed
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int offset = i;
                runs.add(pool.submit(() -> {
                    check.check(offset);
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                try {
                    f.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
            quiet.close();
        }
    }
}
