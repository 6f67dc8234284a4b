package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.testsupport.LogCapture;

/**
 * A damaged checkpoint journal: every intact record is recovered wherever the damage is, what was lost is reported
 * exactly (in {@link FileCheckpointStore#recovery()} and one WARN line), the damaged file is kept aside, and the
 * receiver is never stopped by it; every failure to open is a typed {@link EgovException}.
 */
class CheckpointJournalRecoveryTest {
    private static final int HEADER_BYTES = "EGOV-CHECKPOINT-JOURNAL 2\n".length();

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    /** The journal written by {@link #writeJournal()}: header + one record per mark. */
    private byte[] journal;
    /** The entry each record holds, in file order. */
    private final List<CheckpointEntry> records = new ArrayList<>();
    /** Where each record's line starts (and, last, the file's end). */
    private final List<Integer> lineStarts = new ArrayList<>();

    @BeforeEach
    void writeJournal() throws IOException {
        Path file = dir.resolve("source/inbox.checkpoint");
        try (FileCheckpointStore s = FileCheckpointStore.builder(file).clock(clock).compactAfter(100).build()) {
            List<Consumer<FileCheckpointStore>> marks = List.of(
                    st -> st.markAttempt("a"), st -> st.markDone("a"),
                    st -> st.markAttempt("b/../ü"), st -> st.markFailed("b/../ü", "handler failed: x\ty"),
                    st -> st.markAttempt("c"));
            String[] ids = {"a", "a", "b/../ü", "b/../ü", "c"};
            for (int i = 0; i < marks.size(); i++) {
                marks.get(i).accept(s);
                records.add(s.find(ids[i]).orElseThrow());
            }
        }
        journal = Files.readAllBytes(file);
        lineStarts.add(HEADER_BYTES);
        for (int i = HEADER_BYTES; i < journal.length; i++) {
            if (journal[i] == '\n') {
                lineStarts.add(i + 1);
            }
        }
        assertEquals(records.size() + 1, lineStarts.size(), "one line per mark, no compaction in between");
    }

    private FileCheckpointStore open(Path file) {
        return FileCheckpointStore.builder(file).clock(clock).build();
    }

    private Path damaged(String name, byte[] bytes) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        return Files.write(d.resolve("inbox.checkpoint"), bytes);
    }

    /** The state a store holds when exactly these records survived: per docId, the last surviving record. */
    private Map<String, CheckpointEntry> expected(List<Integer> surviving) {
        Map<String, CheckpointEntry> m = new LinkedHashMap<>();
        for (int i : surviving) {
            m.put(records.get(i).docId(), records.get(i));
        }
        return m;
    }

    private static Map<String, CheckpointEntry> state(FileCheckpointStore s) {
        return s.entries().stream().collect(Collectors.toMap(CheckpointEntry::docId, e -> e, (x, y) -> y,
                LinkedHashMap::new));
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }

    private static List<Path> asideCopies(Path file) throws IOException {
        try (Stream<Path> s = Files.list(file.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".damaged-")).toList();
        }
    }

    @Test
    void aTruncationAtEveryOffsetKeepsEveryWholeRecordAndSaysWhatWasLost() throws Exception {
        forEachOffset(0, journal.length + 1, cut -> {
            byte[] bytes = Arrays.copyOf(journal, cut);
            Path file = damaged("cut" + cut, bytes);
            // records whose bytes are all there (a missing newline alone does not matter: the CRC verifies)
            int whole = 0;
            while (whole < records.size() && lineStarts.get(whole + 1) - 1 <= cut) {
                whole++;
            }
            int endOfWhole = whole > 0 ? Math.min(cut, lineStarts.get(whole))
                    : cut >= HEADER_BYTES - 1 ? Math.min(cut, HEADER_BYTES) : 0;
            boolean inHeader = cut > 0 && cut < HEADER_BYTES - 1;
            boolean clean = cut == 0 || cut == HEADER_BYTES - 1 || cut == endOfWhole;
            String at = "cut at " + cut;
            try (FileCheckpointStore s = open(file)) {
                assertEquals(expected(range(0, whole)), state(s), at);
                CheckpointRecovery r = s.recovery();
                assertEquals(clean, r.clean(), at + ": " + r);
                assertEquals(whole, r.recordsRecovered(), at);
                assertEquals(inHeader, r.headerDamaged(), at);
                assertEquals(clean || inHeader ? 0 : 1, r.recordsLost(), at + ": the torn record");
                assertEquals(clean ? 0 : cut - endOfWhole, r.bytesLost(), at);
                if (clean) {
                    assertTrue(r.damagedCopy().isEmpty(), at);
                } else {
                    assertArrayEquals(bytes, Files.readAllBytes(r.damagedCopy().orElseThrow()),
                            at + ": the damaged file is kept as it was");
                    String torn = new String(bytes, endOfWhole, cut - endOfWhole, StandardCharsets.UTF_8);
                    boolean docIdWhole = !inHeader && torn.chars().filter(c -> c == '\t').count() >= 6;
                    assertEquals(docIdWhole ? List.of(records.get(whole).docId()) : List.of(), r.docIdsAffected(),
                            at + ": the docId of the torn record, when its field is whole");
                }
                if (cut % 8 == 0) {
                    s.markDone("z"); // the receiver goes on (checked at every 8th offset: each open costs fsyncs)
                }
            }
            if (cut % 8 == 0) {
                try (FileCheckpointStore s = open(file)) {
                    assertTrue(s.recovery().clean(), at + ": rewritten whole");
                    Map<String, CheckpointEntry> now = state(s);
                    assertEquals(CheckpointState.DONE, now.remove("z").state(), at);
                    assertEquals(expected(range(0, whole)), now, at);
                }
            }
        });
    }

    @Test
    void aFlippedByteAnywhereLosesAtMostTheRecordItHit() throws Exception {
        forEachOffset(0, journal.length, i -> {
            byte[] bytes = journal.clone();
            bytes[i] ^= 0x20; // '\n' becomes '*', a digit a control character, a hex letter upper case
            int hit = lineOf(i);
            boolean newline = journal[i] == '\n';
            String at = "byte " + i + " ('" + (char) journal[i] + "') flipped";
            try (FileCheckpointStore s = open(damaged("flip" + i, bytes))) {
                CheckpointRecovery r = s.recovery();
                List<Integer> surviving = range(0, records.size());
                if (hit >= 0 && !newline) {
                    surviving.remove(Integer.valueOf(hit));
                }
                assertEquals(expected(surviving), state(s), at);
                assertEquals(surviving.size(), r.recordsRecovered(), at);
                assertEquals(hit >= 0 && !newline ? 1 : 0, r.recordsLost(), at + ": " + r);
                assertEquals(hit < 0, r.headerDamaged(), at);
                long lost = hit < 0 ? HEADER_BYTES : newline ? 1 : lineStarts.get(hit + 1) - lineStarts.get(hit);
                assertEquals(lost, r.bytesLost(), at);
                assertArrayEquals(bytes, Files.readAllBytes(r.damagedCopy().orElseThrow()), at);
            }
        });
    }

    @Test
    void aNewlineWrittenIntoARecordSplitsItAndTheRestIsKept() throws Exception {
        forEachOffset(HEADER_BYTES, journal.length, i -> {
            int line = lineOf(i);
            if (journal[i] == '\n' || line != 0 && line != records.size() - 1) {
                return; // the first record (followed by others) and the last (at the end of the file)
            }
            byte[] bytes = journal.clone();
            bytes[i] = '\n';
            int hit = lineOf(i);
            String at = "newline at " + i;
            try (FileCheckpointStore s = open(damaged("nl" + i, bytes))) {
                List<Integer> surviving = range(0, records.size());
                surviving.remove(Integer.valueOf(hit));
                assertEquals(expected(surviving), state(s), at);
                assertEquals(1, s.recovery().recordsLost(), at + ": two pieces, one record: " + s.recovery());
            }
        });
    }

    @Test
    void aStretchCutOutOfTheMiddleIsCountedByTheRecordNumbers() throws IOException {
        // from the middle of record 1 to the middle of record 3: records 1..3 are gone, 0 and 4 are intact
        int from = lineStarts.get(1) + 5;
        int to = lineStarts.get(3) + 7;
        byte[] bytes = new byte[journal.length - (to - from)];
        System.arraycopy(journal, 0, bytes, 0, from);
        System.arraycopy(journal, to, bytes, from, journal.length - to);
        try (LogCapture log = new LogCapture(); FileCheckpointStore s = open(damaged("hole", bytes))) {
            assertEquals(expected(List.of(0, 4)), state(s));
            CheckpointRecovery r = s.recovery();
            assertEquals(3, r.recordsLost(), r.toString());
            assertEquals(lineStarts.get(4) - lineStarts.get(1) - (to - from), r.bytesLost());
            List<String> warnings = log.lines().stream().filter(l -> l.contains("was damaged")).toList();
            assertEquals(1, warnings.size(), log.all());
            assertTrue(warnings.get(0).contains("lost 3 record(s)"), warnings.get(0));
            assertTrue(warnings.get(0).contains(r.damagedCopy().orElseThrow().toString()), warnings.get(0));
        }
    }

    @Test
    void aDamagedHeaderDoesNotStopTheReceiver() throws IOException {
        byte[] bytes = journal.clone();
        byte[] garbage = "#########################\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(garbage, 0, bytes, 0, garbage.length); // nothing like a header, but the records verify
        Path file = damaged("header", bytes);
        try (FileCheckpointStore s = open(file)) {
            assertEquals(expected(range(0, records.size())), state(s));
            assertTrue(s.recovery().headerDamaged());
            assertEquals(0, s.recovery().recordsLost());
            assertEquals(List.of(s.recovery().damagedCopy().orElseThrow()), asideCopies(file));
            assertTrue(s.recovery().damagedCopy().get().getFileName().toString()
                    .matches("inbox\\.checkpoint\\.damaged-\\d{8}T\\d{6}Z"), s.recovery().toString());
        }
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.recovery().clean());
        }
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedAndLeftUntouched() throws IOException {
        Path file = damaged("foreign", "name: my-app\nport: 8080\n".getBytes(StandardCharsets.UTF_8));
        ValidationException e = assertThrows(ValidationException.class, () -> open(file));
        assertEquals("file", e.errors().get(0).path());
        assertEquals("name: my-app\nport: 8080\n", Files.readString(file));
        assertEquals(List.of(), asideCopies(file));
        assertFalse(Files.exists(file.resolveSibling("inbox.checkpoint.lock")), "the lock is let go");
    }

    @Test
    void aVersionOneJournalIsStillRead() throws IOException {
        String body = "1700000000000\tDONE\t0\t" + URLEncoder.encode("d 1", StandardCharsets.UTF_8) + "\t";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        Path file = damaged("v1", ("EGOV-CHECKPOINT-JOURNAL 1\n" + String.format("%08x", crc.getValue()) + "\t"
                + body + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileCheckpointStore s = FileCheckpointStore.builder(file).clock(clock)
                .retention(java.time.Duration.ofDays(100000)).build()) {
            assertTrue(s.isDone("d 1"));
            assertTrue(s.recovery().clean());
        }
        assertTrue(Files.readString(file).startsWith("EGOV-CHECKPOINT-JOURNAL 2\n"), "rewritten as version 2");
    }

    @Test
    void aDirectoryInsteadOfAFileIsAValidationErrorNamingTheFile() throws IOException {
        Path file = Files.createDirectories(dir.resolve("isdir/inbox.checkpoint"));
        ValidationException e = assertThrows(ValidationException.class, () -> open(file));
        assertEquals("file", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsATypedError() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                () -> open(notADir.resolve("inbox.checkpoint")));
        assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
    }

    @Test
    void aDirectoryWithoutWritePermissionIsATypedError() throws IOException {
        assumeFalse(isRoot(), "root writes anywhere: the permission cannot be taken away");
        Path ro = Files.createDirectories(dir.resolve("readonly"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                    () -> open(ro.resolve("inbox.checkpoint")));
            assertFalse(e.retryable());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileWithoutReadPermissionIsMovedAsideAndTheStoreStartsEmpty() throws IOException {
        assumeFalse(isRoot(), "root reads anything: the permission cannot be taken away");
        Path file = damaged("noread", journal);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.entries().isEmpty());
            assertTrue(s.recovery().unreadable().isPresent());
            Path aside = s.recovery().damagedCopy().orElseThrow();
            Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-------"));
            assertArrayEquals(journal, Files.readAllBytes(aside), "moved aside whole");
        }
    }

    @Test
    void aFileThatCannotBeReadIsMovedAsideAndTheStoreStartsEmpty() throws IOException {
        Path file = dir.resolve("loop/inbox.checkpoint");
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, file.getFileName()); // reading it fails: too many levels of links
        try (LogCapture log = new LogCapture(); FileCheckpointStore s = open(file)) {
            assertTrue(s.entries().isEmpty());
            CheckpointRecovery r = s.recovery();
            assertTrue(r.unreadable().isPresent(), r.toString());
            assertTrue(Files.isSymbolicLink(r.damagedCopy().orElseThrow()), "the unreadable file is kept aside");
            assertTrue(log.all().contains("unreadable"), log.all());
            s.markDone("a");
        }
        assertFalse(Files.isSymbolicLink(file));
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.isDone("a"));
        }
    }

    @Test
    void theLockFileIsDeletedOnClose() {
        Path file = dir.resolve("lock/inbox.checkpoint");
        try (FileCheckpointStore s = open(file)) {
            s.markDone("a");
            assertTrue(Files.exists(file.resolveSibling("inbox.checkpoint.lock")));
        }
        assertFalse(Files.exists(file.resolveSibling("inbox.checkpoint.lock"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    @Timeout(60)
    void aJournalLockedByAnotherProcessIsATypedErrorUntilThatProcessDies() throws Exception {
        Path file = dir.resolve("locked/inbox.checkpoint");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CheckpointLockHolderMain.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("LOCKED")) {
                // the child's start-up output, if any
            }
            assertEquals("LOCKED", line, "the holder opened the store");
            CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> open(file));
            assertTrue(e.getMessage().contains("in use by another process (process " + holder.pid() + ")"),
                    e.getMessage());
            assertTrue(e.retryable());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.exists(file.resolveSibling("inbox.checkpoint.lock")), "a killed process leaves its lock file");
        try (FileCheckpointStore s = open(file)) {
            assertTrue(s.isDone("held"), "what the killed holder wrote is there");
        }
        assertFalse(Files.exists(file.resolveSibling("inbox.checkpoint.lock")), "and the next store removes it");
    }

    /** A check of one offset. */
    interface OffsetCheck {
        void check(int offset) throws Exception;
    }

    /** Runs a check for every offset, six at a time (each open waits for fsyncs), failing with the first failure. */
    private static void forEachOffset(int from, int to, OffsetCheck check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
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
                    f.get(60, TimeUnit.SECONDS);
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

    /** The index of the record whose line holds byte {@code i}, or -1 for the header. */
    private int lineOf(int i) {
        if (i < HEADER_BYTES) {
            return -1;
        }
        for (int r = 0; r < records.size(); r++) {
            if (i < lineStarts.get(r + 1)) {
                return r;
            }
        }
        throw new AssertionError(i);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
