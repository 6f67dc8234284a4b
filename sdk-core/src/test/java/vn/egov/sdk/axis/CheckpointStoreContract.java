package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * What every {@link CheckpointStore} must do, as tests: the rules of its javadoc. Extend this class in a store's own
 * test, return a new empty store on the given clock with a retention window of {@link #RETENTION} from
 * {@link #newStore(ManualClock, Duration)}, and run it. Part of sdk-core's test-jar, so a store on a database runs
 * the same tests as the in-memory and file stores. Written against the interface only.
 */
public abstract class CheckpointStoreContract {
    /** The retention window every store under test is built with. */
    protected static final Duration RETENTION = Duration.ofDays(1);
    /** The time the clock starts at. */
    protected static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    /** The clock the store under test reads. */
    protected ManualClock clock;
    /** The store under test, new for each test. */
    protected CheckpointStore store;

    /**
     * A new, empty store reading {@code clock}.
     *
     * @param clock the test's clock
     * @param retention how long an unchanged entry is kept
     * @return the store
     */
    protected abstract CheckpointStore newStore(ManualClock clock, Duration retention);

    /** Creates the clock and the store under test. */
    @BeforeEach
    public void createStore() {
        clock = new ManualClock(T0);
        store = newStore(clock, RETENTION);
    }

    /** Closes the store under test. */
    @AfterEach
    public void closeStore() {
        store.close();
    }

    private CheckpointEntry get(String docId) {
        return store.find(docId).orElseThrow(() -> new AssertionError("no entry for " + docId));
    }

    private static void assertRefused(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.errors().get(0).path(), e.getMessage());
        assertFalse(e.getMessage().contains(": null"), e.getMessage());
    }

    @Test
    public void anUnknownDocIdHasNoEntry() {
        assertTrue(store.find("a").isEmpty());
        assertFalse(store.isDone("a"));
    }

    @Test
    public void lifecycle() {
        assertEquals(1, store.markFailed("a", "boom"));
        assertEquals(2, store.markFailed("a", "boom again"));
        store.markHandled("a");
        assertFalse(store.isDone("a"));
        store.markDone("a");
        assertTrue(store.isDone("a"));
        CheckpointEntry e = get("a");
        assertEquals(2, e.attempts());
        assertEquals("boom again", e.lastError());
        assertEquals(T0, e.updatedAt());
    }

    @Test
    public void anAttemptIsCountedWhenItBeginsAndItsFailureIsNotCountedAgain() {
        assertEquals(1, store.markAttempt("a"));
        assertEquals(CheckpointState.IN_PROGRESS, get("a").state());
        assertEquals(1, store.markFailed("a", "fetch failed"), "the outcome of the attempt in progress");
        assertEquals(2, store.markAttempt("a"));
        assertEquals(3, store.markAttempt("a"), "an attempt that never finished, then a new one");
        clock.advance(Duration.ofSeconds(3));
        store.markHandled("a");
        CheckpointEntry e = get("a");
        assertEquals(CheckpointState.HANDLED, e.state());
        assertEquals(3, e.attempts());
        assertEquals("fetch failed", e.lastError());
        assertEquals(T0.plusSeconds(3), e.updatedAt());
    }

    @Test
    public void terminalStatesStay() {
        store.markGivenUp("a", "spent");
        store.markDone("a");
        store.markHandled("a");
        assertEquals(0, store.markAttempt("a") - get("a").attempts(), "returns the current count");
        assertEquals(CheckpointState.GAVE_UP, get("a").state());
        assertEquals("spent", get("a").lastError());
    }

    @Test
    public void statesOnlyMoveForward() {
        store.markDone("a");
        store.markHandled("a");
        assertEquals(0, store.markFailed("a", "late"));
        assertEquals(0, store.markAttempt("a"));
        store.markGivenUp("a", "late");
        assertTrue(store.isDone("a"));
        assertEquals("", get("a").lastError());
        store.markHandled("b");
        store.markFailed("b", "late");
        store.markAttempt("b");
        store.markGivenUp("b", "late");
        assertEquals(CheckpointState.HANDLED, get("b").state());
        store.markDone("b");
        assertTrue(store.isDone("b"));
    }

    @Test
    public void anIgnoredMarkDoesNotTouchTheEntry() {
        store.markDone("a");
        CheckpointEntry before = get("a");
        clock.advance(Duration.ofMinutes(5));
        store.markHandled("a");
        store.markFailed("a", "late");
        assertEquals(before, get("a"));
    }

    @Test
    public void longReasonsAreCut() {
        store.markFailed("a", "x".repeat(5000));
        assertEquals(500, get("a").lastError().length());
        store.markGivenUp("b", "y".repeat(501));
        assertEquals(500, get("b").lastError().length());
    }

    @Test
    public void docIdsAndReasonsComeBackExactly() {
        String odd = "c\tweird\nid ' \" ; -- Công văn số 12/UBND";
        assertEquals(1, store.markFailed(odd, "handler failed: x\ny 'trích dẫn'"));
        CheckpointEntry e = get(odd);
        assertEquals(odd, e.docId());
        assertEquals("handler failed: x\ny 'trích dẫn'", e.lastError());
        assertTrue(store.find("c").isEmpty());
    }

    @Test
    public void pruneForgetsEntriesUnchangedForLongerThanTheRetention() {
        store.markDone("a");
        clock.advance(RETENTION.dividedBy(2));
        store.markAttempt("b");
        clock.advance(RETENTION.dividedBy(2).plusSeconds(1));
        assertEquals(1, store.prune());
        assertTrue(store.find("a").isEmpty());
        assertEquals(CheckpointState.IN_PROGRESS, get("b").state());
        clock.advance(RETENTION);
        assertEquals(1, store.prune(), "any state is pruned once old");
        assertTrue(store.find("b").isEmpty());
        assertEquals(0, store.prune());
        assertEquals(1, store.markAttempt("a"), "a pruned docId starts over");
    }

    @Test
    @Timeout(120)
    public void concurrentMarksFromManyThreadsAreAllKept() throws Exception {
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        store.markAttempt(thread + "-" + i);
                        store.markHandled(thread + "-" + i);
                        store.markDone(thread + "-" + i);
                        store.markAttempt("shared-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                CheckpointEntry e = get(t + "-" + i);
                assertEquals(CheckpointState.DONE, e.state());
                assertEquals(1, e.attempts());
            }
        }
        for (int i = 0; i < each; i++) {
            assertEquals(threads, get("shared-" + i).attempts(), "every attempt counted once");
        }
    }

    @Test
    public void badArgumentsNameTheField() {
        assertRefused("docId", () -> store.markHandled(""));
        assertRefused("docId", () -> store.markDone(" "));
        assertRefused("docId", () -> store.markAttempt(null));
        assertRefused("docId", () -> store.find(null));
        assertRefused("docId", () -> store.markFailed(null, "x"));
        assertRefused("reason", () -> store.markFailed("a", null));
        assertRefused("reason", () -> store.markGivenUp("a", null));
        assertTrue(store.find("a").isEmpty(), "a refused mark records nothing");
    }
}
