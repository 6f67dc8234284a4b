package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/**
 * What every {@link DossierOutbox} must do, as tests: every rule of its javadoc. Extend this class in a store's own
 * test, return a new empty store on the given clock whose retention window (if it has one) is {@link #RETENTION}
 * from {@link #newStore(ManualClock)}, and run it. Part of sdk-core's test-jar, so a store on a database runs the
 * same tests as the in-memory and file stores. Written against the interface only.
 */
public abstract class DossierOutboxContract {
    /** The retention window every store under test must be built with (a store without one prunes every final). */
    protected static final Duration RETENTION = Duration.ofDays(7);
    /** The time the clock starts at. */
    protected static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    /** The clock the store under test reads. */
    protected ManualClock clock;
    /** The store under test, new for each test. */
    protected DossierOutbox store;
    private int counter;

    /**
     * A new, empty store reading {@code clock}, with a retention window of {@link #RETENTION} if it has one.
     *
     * @param clock the test's clock
     * @return the store
     */
    protected abstract DossierOutbox newStore(ManualClock clock);

    /** Creates the clock and the store under test. */
    @BeforeEach
    public void createStore() {
        clock = new ManualClock(T0);
        store = newStore(clock);
    }

    /** Closes the store under test. */
    @AfterEach
    public void closeStore() {
        store.close();
    }

    /**
     * A new item with a fresh key, of dossier {@code maHoSo}, whose payload holds Vietnamese text.
     *
     * @param maHoSo the dossier code
     * @return the item
     */
    protected OutboxItem item(String maHoSo) {
        counter++;
        return new OutboxItem("key-" + counter, OutboxKind.values()[counter % 3], maHoSo,
                "{\"MaHoSo\":\"" + maHoSo + "\",\"TenThuTuc\":\"Đăng ký khai sinh lần " + counter + "\"}");
    }

    /**
     * A new item with a fresh key.
     *
     * @return the item
     */
    protected OutboxItem item() {
        return item("000.00.01.H01-261207-" + String.format("%04d", counter + 1));
    }

    private OutboxEntry one(OutboxItem item) {
        List<OutboxEntry> e = store.enqueue(List.of(item));
        assertEquals(1, e.size());
        return e.get(0);
    }

    private OutboxEntry get(long sequence) {
        return store.find(sequence).orElseThrow(() -> new AssertionError("entry " + sequence + " is gone"));
    }

    private static List<Long> sequences(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::sequence).toList();
    }

    private static void assertRefused(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.errors().get(0).path(), e.getMessage());
        assertFalse(e.getMessage().contains(": null"), e.getMessage());
    }

    @Test
    public void anEnqueuedItemIsPendingWithNoAttemptAndComesBackWhole() {
        OutboxItem item = new OutboxItem("k-1", OutboxKind.DOSSIER, "000.00.01.H01-261207-0001",
                "{\"TenThuTuc\":\"Cấp giấy phép xây dựng\",\"GhiChu\":\"tab\\t và \\\"ngoặc\\\"\"}");
        OutboxEntry e = one(item);
        assertTrue(e.sequence() > 0);
        assertEquals(item, e.item());
        assertEquals(OutboxState.PENDING, e.state());
        assertEquals(0, e.attempts());
        assertEquals("", e.lastError());
        assertEquals(T0, e.enqueuedAt());
        assertEquals(T0, e.updatedAt());
        assertEquals(T0, e.nextAttemptAt(), "for states other than FAILED, nextAttemptAt is the last change");
        assertEquals(e, get(e.sequence()));
    }

    @Test
    public void sequencesIncreaseInTheOrderItemsWereRecorded() {
        List<OutboxEntry> first = store.enqueue(List.of(item(), item(), item()));
        clock.advance(Duration.ofSeconds(1));
        List<OutboxEntry> second = store.enqueue(List.of(item(), item()));
        List<Long> all = new ArrayList<>(sequences(first));
        all.addAll(sequences(second));
        List<Long> sorted = new ArrayList<>(all);
        Collections.sort(sorted);
        assertEquals(sorted, all, "in the order given");
        assertEquals(5, new HashSet<>(all).size(), "distinct");
        assertEquals(all, sequences(store.due(10, clock.instant())));
    }

    @Test
    public void anEmptyEnqueueRecordsNothing() {
        assertEquals(List.of(), store.enqueue(List.of()));
        assertEquals(0L, store.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    public void aKnownKeyIsNotRecordedAgainAndItsHeldEntryIsReturned() {
        OutboxItem item = item();
        OutboxEntry first = one(item);
        store.markSending(List.of(first.sequence()));
        clock.advance(Duration.ofMinutes(1));
        OutboxItem again = new OutboxItem(item.key(), OutboxKind.STATUS, "other", "{\"changed\":true}");
        OutboxEntry second = one(again);
        assertEquals(get(first.sequence()), second, "the entry already held, in its current state");
        assertEquals(item, second.item(), "the first item is kept");
        assertEquals(OutboxState.SENDING, second.state());
        assertEquals(1L, store.counts().get(OutboxState.SENDING));
        assertEquals(1, store.due(10, clock.instant()).size());
    }

    @Test
    public void aKeyTwiceInOneCallIsRecordedOnce() {
        OutboxItem a = item();
        OutboxItem b = item();
        List<OutboxEntry> e = store.enqueue(List.of(a, b, a));
        assertEquals(3, e.size());
        assertEquals(e.get(0), e.get(2));
        assertTrue(e.get(0).sequence() < e.get(1).sequence());
        assertEquals(2, store.due(10, clock.instant()).size());
    }

    @Test
    public void aFinalEntrysKeyStillDeduplicates() {
        OutboxItem item = item();
        OutboxEntry e = one(item);
        store.markSending(List.of(e.sequence()));
        store.markSent(List.of(e.sequence()));
        OutboxEntry again = one(item);
        assertEquals(e.sequence(), again.sequence());
        assertEquals(OutboxState.SENT, again.state());
        assertEquals(List.of(), store.due(10, clock.instant()), "nothing is sent twice");
    }

    @Test
    public void dueHoldsPendingSendingAndFailedAtOrAfterTheirTimeInSequenceOrder() {
        List<OutboxEntry> e = store.enqueue(List.of(item(), item(), item(), item(), item(), item()));
        long pending = e.get(0).sequence();
        long sending = e.get(1).sequence();
        long failedNow = e.get(2).sequence();
        long failedLater = e.get(3).sequence();
        long sent = e.get(4).sequence();
        long givenUp = e.get(5).sequence();
        store.markSending(List.of(sending, failedNow, failedLater, sent, givenUp));
        Instant at = T0.plusSeconds(60);
        store.markFailed(List.of(failedNow), "HTTP 503 từ cổng", at);
        store.markFailed(List.of(failedLater), "timeout", at.plusMillis(1));
        store.markSent(List.of(sent));
        store.markGivenUp(List.of(givenUp), "error_code -1: thiếu MaHoSo");
        assertEquals(List.of(pending, sending), sequences(store.due(10, at.minusMillis(1))));
        assertEquals(List.of(pending, sending, failedNow), sequences(store.due(10, at)), "at nextAttemptAt");
        assertEquals(List.of(pending, sending, failedNow, failedLater), sequences(store.due(10, at.plusSeconds(1))));
        assertEquals(List.of(pending, sending), sequences(store.due(2, at.plusSeconds(1))), "at most max, oldest");
        assertEquals(List.of(pending), sequences(store.due(1, at.plusSeconds(1))));
    }

    @Test
    public void dueSkipsFinalEntriesToFillMax() {
        List<OutboxEntry> e = store.enqueue(List.of(item(), item(), item(), item()));
        store.markSending(List.of(e.get(0).sequence(), e.get(1).sequence()));
        store.markSent(List.of(e.get(0).sequence(), e.get(1).sequence()));
        assertEquals(List.of(e.get(2).sequence(), e.get(3).sequence()), sequences(store.due(2, clock.instant())));
    }

    @Test
    public void aSendCountsAnAttemptAndTheOutcomeIsRecorded() {
        OutboxEntry e = one(item());
        long s = e.sequence();
        clock.advance(Duration.ofSeconds(5));
        store.markSending(List.of(s));
        OutboxEntry sending = get(s);
        assertEquals(OutboxState.SENDING, sending.state());
        assertEquals(1, sending.attempts());
        assertEquals(T0.plusSeconds(5), sending.updatedAt());
        assertEquals(T0, sending.enqueuedAt());
        assertEquals(e.item(), sending.item());

        clock.advance(Duration.ofSeconds(5));
        Instant next = T0.plus(Duration.ofMinutes(5));
        store.markFailed(List.of(s), "cổng trả lời HTTP 502", next);
        OutboxEntry failed = get(s);
        assertEquals(OutboxState.FAILED, failed.state());
        assertEquals(1, failed.attempts(), "a failure is not a new attempt");
        assertEquals("cổng trả lời HTTP 502", failed.lastError());
        assertEquals(next, failed.nextAttemptAt());
        assertEquals(T0.plusSeconds(10), failed.updatedAt());

        store.markSending(List.of(s));
        assertEquals(2, get(s).attempts());
        assertEquals(OutboxState.SENDING, get(s).state());
        clock.advance(Duration.ofSeconds(1));
        store.markSent(List.of(s));
        OutboxEntry sent = get(s);
        assertEquals(OutboxState.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertEquals(T0.plusSeconds(11), sent.updatedAt());
        assertEquals(sent.updatedAt(), sent.nextAttemptAt());
    }

    @Test
    public void aGivenUpEntryKeepsItsReason() {
        long s = one(item()).sequence();
        store.markSending(List.of(s));
        store.markGivenUp(List.of(s), "error_code -1: MaHoSo sai định dạng");
        OutboxEntry e = get(s);
        assertEquals(OutboxState.GIVEN_UP, e.state());
        assertEquals("error_code -1: MaHoSo sai định dạng", e.lastError());
        assertEquals(1, e.attempts());
    }

    @Test
    public void aMarkAppliesToEveryEntryOfTheBatch() {
        List<OutboxEntry> e = store.enqueue(List.of(item(), item(), item()));
        List<Long> all = sequences(e);
        store.markSending(all);
        all.forEach(s -> assertEquals(OutboxState.SENDING, get(s).state()));
        store.markFailed(all, "outage", T0.plusSeconds(30));
        all.forEach(s -> assertEquals(OutboxState.FAILED, get(s).state()));
        store.markSending(all);
        store.markSent(all);
        all.forEach(s -> {
            assertEquals(OutboxState.SENT, get(s).state());
            assertEquals(2, get(s).attempts());
        });
    }

    @Test
    public void marksOnFinalEntriesAreIgnored() {
        List<OutboxEntry> e = store.enqueue(List.of(item(), item()));
        long sent = e.get(0).sequence();
        long givenUp = e.get(1).sequence();
        store.markSending(List.of(sent, givenUp));
        store.markSent(List.of(sent));
        store.markGivenUp(List.of(givenUp), "refused");
        OutboxEntry sentBefore = get(sent);
        OutboxEntry givenUpBefore = get(givenUp);
        clock.advance(Duration.ofMinutes(1));
        store.markSending(List.of(sent, givenUp));
        store.markFailed(List.of(sent, givenUp), "late", T0);
        store.markGivenUp(List.of(sent), "late");
        store.markSent(List.of(givenUp));
        assertEquals(sentBefore, get(sent));
        assertEquals(givenUpBefore, get(givenUp));
    }

    @Test
    public void unknownSequencesAreIgnoredAndTheOthersApplied() {
        long s = one(item()).sequence();
        store.markSending(List.of(s + 1000, s, -1L, 0L));
        assertEquals(OutboxState.SENDING, get(s).state());
        store.markSent(List.of(s + 1000));
        store.markFailed(List.of(s + 1001), "x", T0);
        store.markGivenUp(List.of(s + 1002), "x");
        assertEquals(OutboxState.SENDING, get(s).state());
        assertTrue(store.find(s + 1000).isEmpty());
        assertTrue(store.find(0).isEmpty());
        assertTrue(store.find(-5).isEmpty());
        assertEquals(1L, store.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    public void emptyMarksChangeNothing() {
        OutboxEntry e = one(item());
        store.markSending(List.of());
        store.markSent(List.of());
        store.markFailed(List.of(), "x", T0);
        store.markGivenUp(List.of(), "x");
        assertEquals(e, get(e.sequence()));
    }

    @Test
    public void countsHoldEveryStateAndAddUp() {
        Map<OutboxState, Long> empty = store.counts();
        assertEquals(Set.of(OutboxState.values()), empty.keySet());
        empty.values().forEach(v -> assertEquals(0L, v));
        List<Long> s = sequences(store.enqueue(List.of(item(), item(), item(), item(), item(), item(), item())));
        store.markSending(s.subList(1, 7));
        store.markFailed(s.subList(2, 4), "x", T0.plusSeconds(1));
        store.markSent(s.subList(4, 6));
        store.markGivenUp(s.subList(6, 7), "x");
        Map<OutboxState, Long> c = store.counts();
        assertEquals(Map.of(OutboxState.PENDING, 1L, OutboxState.SENDING, 1L, OutboxState.FAILED, 2L,
                OutboxState.SENT, 2L, OutboxState.GIVEN_UP, 1L), c);
    }

    @Test
    public void pruneForgetsFinalEntriesOlderThanTheRetentionAndNothingElse() {
        List<Long> s = sequences(store.enqueue(List.of(item(), item(), item(), item(), item())));
        store.markSending(s.subList(1, 5));
        store.markFailed(s.subList(2, 3), "x", T0.plusSeconds(1));
        store.markSent(s.subList(3, 4));
        store.markGivenUp(s.subList(4, 5), "x");
        clock.advance(RETENTION.plusDays(1));
        assertEquals(2, store.prune());
        assertTrue(store.find(s.get(3)).isEmpty());
        assertTrue(store.find(s.get(4)).isEmpty());
        for (int i = 0; i < 3; i++) {
            assertTrue(store.find(s.get(i)).isPresent(), "not final: kept however old");
        }
        assertEquals(0L, store.counts().get(OutboxState.SENT));
        assertEquals(0L, store.counts().get(OutboxState.GIVEN_UP));
        assertEquals(3L, store.counts().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0, store.prune(), "nothing more to prune");
    }

    @Test
    public void aPrunedKeyMayBeRecordedAgainUnderANewSequence() {
        OutboxItem item = item();
        long first = one(item).sequence();
        long other = one(item()).sequence();
        store.markSending(List.of(first, other));
        store.markSent(List.of(first, other));
        clock.advance(RETENTION.plusDays(1));
        assertEquals(2, store.prune());
        OutboxEntry again = one(item);
        assertTrue(again.sequence() > other, "sequences are never reused, even after a prune: " + again);
        assertEquals(OutboxState.PENDING, again.state());
        assertEquals(0, again.attempts());
    }

    @Test
    public void nullsAreValidationErrorsNamingTheArgument() {
        long s = one(item()).sequence();
        OutboxEntry before = get(s);
        assertRefused("items", () -> store.enqueue(null));
        assertRefused("items", () -> store.enqueue(Arrays.asList(item(), null)));
        assertRefused("sequences", () -> store.markSending(null));
        assertRefused("sequences", () -> store.markSending(Arrays.asList(s, null)));
        assertRefused("sequences", () -> store.markSent(null));
        assertRefused("sequences", () -> store.markSent(Arrays.asList(null, s)));
        assertRefused("sequences", () -> store.markFailed(null, "x", T0));
        assertRefused("reason", () -> store.markFailed(List.of(s), null, T0));
        assertRefused("nextAttemptAt", () -> store.markFailed(List.of(s), "x", null));
        assertRefused("sequences", () -> store.markGivenUp(null, "x"));
        assertRefused("reason", () -> store.markGivenUp(List.of(s), null));
        assertRefused("now", () -> store.due(1, null));
        assertRefused("max", () -> store.due(0, T0));
        assertRefused("max", () -> store.due(-1, T0));
        assertEquals(before, get(s), "a refused call changes nothing");
        assertEquals(1L, store.counts().values().stream().mapToLong(Long::longValue).sum(),
                "a refused enqueue records none of its items");
    }

    @Test
    @Timeout(120)
    public void threadsEnqueueingAndMarkingAtOnceLoseNothingAndNumberEverythingOnce() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<OutboxItem> shared = List.of(item(), item(), item());
        try {
            List<Future<List<OutboxEntry>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<OutboxItem> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(item());
                }
                runs.add(pool.submit(() -> {
                    start.await();
                    List<OutboxEntry> got = new ArrayList<>();
                    for (int i = 0; i < perThread; i += 5) {
                        List<OutboxItem> batch = new ArrayList<>(mine.subList(i, i + 5));
                        batch.add(shared.get(i % shared.size()));
                        List<OutboxEntry> e = store.enqueue(batch);
                        got.addAll(e.subList(0, 5));
                        List<Long> s = sequences(e.subList(0, 5));
                        store.markSending(s);
                        store.markFailed(s.subList(0, 1), "retry", T0);
                        store.markSent(s.subList(1, 4));
                        store.markGivenUp(s.subList(4, 5), "refused");
                    }
                    return got;
                }));
            }
            start.countDown();
            Set<Long> seen = new HashSet<>();
            for (Future<List<OutboxEntry>> f : runs) {
                for (OutboxEntry e : f.get(100, TimeUnit.SECONDS)) {
                    assertTrue(seen.add(e.sequence()), "sequence " + e.sequence() + " given twice");
                }
            }
            assertEquals(threads * perThread, seen.size());
            Map<OutboxState, Long> c = store.counts();
            long total = threads * perThread;
            assertEquals(total / 5, c.get(OutboxState.FAILED));
            assertEquals(total * 3 / 5, c.get(OutboxState.SENT));
            assertEquals(total / 5, c.get(OutboxState.GIVEN_UP));
            assertEquals((long) shared.size(), c.get(OutboxState.PENDING), "shared keys recorded once each");
            assertEquals(0L, c.get(OutboxState.SENDING));
            for (long s : seen) {
                assertEquals(1, get(s).attempts(), "entry " + s);
            }
            List<OutboxEntry> due = store.due(Integer.MAX_VALUE, T0);
            assertEquals(total / 5 + shared.size(), due.size());
            List<Long> order = sequences(due);
            List<Long> sorted = new ArrayList<>(order);
            Collections.sort(sorted);
            assertEquals(sorted, order);
        } finally {
            pool.shutdownNow();
        }
    }
}
