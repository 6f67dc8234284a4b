package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** The file outbox: the shared contract, and what it keeps across a restart. */
class FileDossierOutboxTest extends DossierOutboxContract {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("outbox/dossiers.journal");
    }

    @Override
    protected DossierOutbox newStore(ManualClock clock) {
        return open();
    }

    private FileDossierOutbox open() {
        return FileDossierOutbox.builder(file()).clock(clock).retention(RETENTION).build();
    }

    private FileDossierOutbox reopen() {
        store.close();
        FileDossierOutbox s = open();
        store = s;
        return s;
    }

    private List<OutboxEntry> all(DossierOutbox s, long upTo) {
        List<OutboxEntry> out = new ArrayList<>();
        for (long i = 1; i <= upTo; i++) {
            s.find(i).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void aRestartKeepsEveryEntryItsStateAndItsKeysAndSequencesContinue() {
        List<OutboxItem> items = List.of(item(), item(), item(), item(), item(), item());
        List<Long> s = store.enqueue(items).stream().map(OutboxEntry::sequence).toList();
        clock.advance(Duration.ofSeconds(3));
        store.markSending(s.subList(1, 6));
        store.markFailed(s.subList(2, 3), "HTTP 503 từ cổng DVCQG", clock.instant().plusSeconds(90));
        store.markSent(s.subList(3, 4));
        store.markGivenUp(s.subList(4, 5), "error_code -1: thiếu MaHoSo");
        List<OutboxEntry> before = all(store, 10);
        Map<OutboxState, Long> counts = store.counts();

        FileDossierOutbox again = reopen();
        assertTrue(again.recovery().clean(), again.recovery().summary());
        assertEquals(before, all(again, 10), "same entries, states, attempts, reasons and times");
        assertEquals(counts, again.counts());
        assertEquals(before.get(0), again.enqueue(List.of(items.get(0))).get(0), "keys still deduplicate");
        assertEquals(before.get(3), again.enqueue(List.of(items.get(3))).get(0), "also of a sent entry");
        long next = again.enqueue(List.of(item())).get(0).sequence();
        assertTrue(next > s.get(5), "sequences continue: " + next);
        assertEquals(List.of(s.get(0), s.get(1), s.get(5), next),
                again.due(10, clock.instant()).stream().map(OutboxEntry::sequence).toList());
    }

    @Test
    void sequencesAreNotReusedAfterThePrunedNewestEntriesAndARestart() {
        List<Long> s = store.enqueue(List.of(item(), item())).stream().map(OutboxEntry::sequence).toList();
        store.markSending(s);
        store.markSent(s);
        clock.advance(RETENTION.plusDays(1));
        assertEquals(2, store.prune());
        FileDossierOutbox again = reopen();
        assertEquals(0L, again.counts().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(again.enqueue(List.of(item())).get(0).sequence() > s.get(1));
    }

    @Test
    void aRecentFinalEntryIsKeptUntilItsRetentionIsOver() {
        long s = store.enqueue(List.of(item())).get(0).sequence();
        store.markSending(List.of(s));
        store.markSent(List.of(s));
        clock.advance(RETENTION.minusSeconds(1));
        assertEquals(0, store.prune());
        reopen();
        assertTrue(store.find(s).isPresent(), "not pruned on open either");
        clock.advance(Duration.ofSeconds(2));
        reopen();
        assertTrue(store.find(s).isEmpty(), "pruned on open once its retention is over");
    }

    @Test
    void aPayloadInNfcOrNfdWithTabsNewlinesAndBackslashesComesBackByteExactly() {
        String nfc = Normalizer.normalize("Nguyễn Thị Hồng Nhung, phường Bến Nghé", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertFalse(nfc.equals(nfd));
        String pretty = "{\n\t\"HoTen\": \"" + nfc + "\",\r\n\t\"DiaChi\": \"" + nfd
                + "\",\n\t\"GhiChu\": \"a\\\\b \\t \\n \\\\t %41 +\"\n}";
        OutboxItem a = new OutboxItem("nfc\tkey\\n", OutboxKind.DOSSIER, "000.00.01.H01-261207-0001", pretty);
        OutboxItem b = new OutboxItem("nfd-" + nfd, OutboxKind.PROGRESS, nfd, "{\"x\":\"" + nfd + "\"}");
        List<Long> s = store.enqueue(List.of(a, b)).stream().map(OutboxEntry::sequence).toList();
        store.markSending(s);
        store.markFailed(s, "lỗi \n" + nfd, clock.instant());
        FileDossierOutbox again = reopen();
        OutboxEntry ea = again.find(s.get(0)).orElseThrow();
        OutboxEntry eb = again.find(s.get(1)).orElseThrow();
        assertArrayEquals(pretty.getBytes(StandardCharsets.UTF_8), ea.item().payload().getBytes(StandardCharsets.UTF_8));
        assertEquals(a, ea.item());
        assertEquals(b, eb.item());
        assertEquals("lỗi \n" + nfd, eb.lastError());
        assertEquals(eb, again.enqueue(List.of(b)).get(0), "an NFD key deduplicates after a restart");
        long fresh = again.enqueue(List.of(new OutboxItem("nfd-" + nfc, OutboxKind.PROGRESS, nfc, "{}")))
                .get(0).sequence();
        assertTrue(fresh > s.get(1), "keys are compared as given: the NFC spelling is another key");
    }

    @Test
    void anyJavaStringComesBackEqualEvenALoneSurrogateAndAnEscapeLookalike() {
        String odd = "{\"a\":\"\uD83D\uDE00 \uD800 x \uDC00\",\"b\":\"\\\\u0041 \\\\\"}";
        OutboxItem item = new OutboxItem("surrogate-\uDBFF", OutboxKind.STATUS, "x\\u", odd);
        long s = store.enqueue(List.of(item)).get(0).sequence();
        assertEquals(item, reopen().find(s).orElseThrow().item());
    }

    @Test
    void compactionKeepsEverythingAndBoundsTheFile() throws Exception {
        store.close();
        FileDossierOutbox small = FileDossierOutbox.builder(file()).clock(clock).retention(RETENTION)
                .compactAfter(5).build();
        store = small;
        List<Long> all = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            List<Long> s = small.enqueue(List.of(item(), item())).stream().map(OutboxEntry::sequence).toList();
            small.markSending(s);
            small.markSent(s.subList(0, 1));
            all.addAll(s);
        }
        long lines = Files.readAllLines(file()).size();
        assertTrue(lines <= 1 + 1 + 80 + 80, "compacted: " + lines + " lines");
        List<OutboxEntry> before = all(small, all.get(all.size() - 1));
        FileDossierOutbox again = reopen();
        assertEquals(before, all(again, all.get(all.size() - 1)));
        assertTrue(again.recovery().clean());
    }

    @Test
    void aClosedOutboxRefusesEveryCall() {
        long s = store.enqueue(List.of(item())).get(0).sequence();
        store.close();
        store.close();
        assertThrows(OutboxStoreException.class, () -> store.enqueue(List.of(item())));
        assertThrows(OutboxStoreException.class, () -> store.markSending(List.of(s)));
        assertThrows(OutboxStoreException.class, () -> store.find(s));
        assertThrows(OutboxStoreException.class, () -> store.due(1, clock.instant()));
        assertThrows(OutboxStoreException.class, () -> store.counts());
        assertThrows(OutboxStoreException.class, () -> store.prune());
        assertFalse(Files.exists(file().resolveSibling("dossiers.journal.lock")), "the lock file is deleted");
    }

    @Test
    void badSettingsAreValidationErrorsNamingTheSetting() {
        assertEquals("file", assertThrows(ValidationException.class,
                () -> FileDossierOutbox.builder(null)).errors().get(0).path());
        FileDossierOutbox.Builder b = FileDossierOutbox.builder(dir.resolve("x"));
        assertEquals("clock", assertThrows(ValidationException.class, () -> b.clock(null)).errors().get(0).path());
        assertEquals("retention", assertThrows(ValidationException.class,
                () -> b.retention(Duration.ZERO)).errors().get(0).path());
        assertEquals("retention", assertThrows(ValidationException.class,
                () -> b.retention(null)).errors().get(0).path());
        assertEquals("compactAfter", assertThrows(ValidationException.class,
                () -> b.compactAfter(0)).errors().get(0).path());
    }
}
