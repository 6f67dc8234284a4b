package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** The in-memory outbox: the shared contract, plus its bound on final entries. */
class InMemoryDossierOutboxTest extends DossierOutboxContract {
    @Override
    protected DossierOutbox newStore(ManualClock clock) {
        return new InMemoryDossierOutbox(clock, 100_000);
    }

    @Test
    void beyondTheBoundTheOldestFinalEntriesAreDroppedAndTheirKeysForgotten() {
        InMemoryDossierOutbox small = new InMemoryDossierOutbox(clock, 2);
        List<OutboxItem> items = List.of(item(), item(), item(), item());
        List<Long> s = small.enqueue(items).stream().map(OutboxEntry::sequence).toList();
        small.markSending(s);
        small.markSent(List.of(s.get(2), s.get(0), s.get(1)));
        assertTrue(small.find(s.get(0)).isEmpty(), "the oldest final entry is dropped");
        assertTrue(small.find(s.get(1)).isPresent());
        assertTrue(small.find(s.get(2)).isPresent());
        assertEquals(OutboxState.SENDING, small.find(s.get(3)).orElseThrow().state(), "never a live entry");
        long again = small.enqueue(List.of(items.get(0))).get(0).sequence();
        assertTrue(again > s.get(3));
    }

    @Test
    void aRecentFinalEntryIsPrunedToo() {
        long s = store.enqueue(List.of(item())).get(0).sequence();
        store.markSending(List.of(s));
        store.markSent(List.of(s));
        assertEquals(1, store.prune(), "an in-memory outbox has no retention window");
    }

    @Test
    void aBadSettingIsAValidationError() {
        assertEquals("clock", assertThrows(ValidationException.class,
                () -> new InMemoryDossierOutbox(null, 1)).errors().get(0).path());
        assertEquals("maxFinalEntries", assertThrows(ValidationException.class,
                () -> new InMemoryDossierOutbox(clock, 0)).errors().get(0).path());
    }
}
