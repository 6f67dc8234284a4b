package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.ManualClock;

class CheckpointInMemoryStoreTest {
    private final ManualClock clock = new ManualClock();
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore(clock, Duration.ofDays(1));

    @Test
    void lifecycle() {
        assertTrue(store.find("a").isEmpty());
        assertEquals(1, store.markFailed("a", "boom"));
        assertEquals(2, store.markFailed("a", "boom again"));
        store.markHandled("a");
        assertFalse(store.isDone("a"));
        store.markDone("a");
        assertTrue(store.isDone("a"));
        CheckpointEntry e = store.find("a").orElseThrow();
        assertEquals(2, e.attempts());
        assertEquals("boom again", e.lastError());
    }

    @Test
    void terminalStatesStay() {
        store.markGivenUp("a", "spent");
        store.markDone("a");
        store.markHandled("a");
        assertEquals(CheckpointState.GAVE_UP, store.find("a").orElseThrow().state());
    }

    @Test
    void longReasonsAreCut() {
        store.markFailed("a", "x".repeat(5000));
        assertEquals(500, store.find("a").orElseThrow().lastError().length());
    }

    @Test
    void prunesOldEntries() {
        store.markDone("old");
        clock.advance(Duration.ofHours(25));
        store.markDone("new");
        assertTrue(store.find("old").isEmpty());
        assertTrue(store.isDone("new"));
        clock.advance(Duration.ofHours(25));
        assertEquals(1, store.prune());
        assertTrue(store.entries().isEmpty());
    }

    @Test
    void concurrentMarkDone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        store.markDone(thread + "-" + i);
                        store.markDone("shared-" + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8 * 500 + 500, store.entries().size());
    }

    @Test
    void badArgumentsNameTheField() {
        assertEquals("clock", assertThrows(ValidationException.class,
                () -> new InMemoryCheckpointStore(null, Duration.ofDays(1))).errors().get(0).path());
        assertEquals("retention", assertThrows(ValidationException.class,
                () -> new InMemoryCheckpointStore(clock, Duration.ofDays(-1))).errors().get(0).path());
        assertEquals("docId", assertThrows(ValidationException.class, () -> store.markHandled(""))
                .errors().get(0).path());
        assertEquals("reason", assertThrows(ValidationException.class, () -> store.markGivenUp("a", null))
                .errors().get(0).path());
    }
}
