package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;

/**
 * Outboxes written by several transactions (nodes recording in their own transactions): an entry whose recording
 * transaction commits after later entries were sent shows up below them and is sent in the same drain; an outbox
 * that does not record outcomes still ends the drain.
 */
class DossierSyncLateCommitTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-12-06T02:00:00Z"));
    private final FakePortal portal = new FakePortal();
    private final InMemoryDossierOutbox store = new InMemoryDossierOutbox(clock, 1000);

    /** Hides entries from {@code due} while {@code hidden} says so (not committed yet); may forget marks. */
    private static final class View implements DossierOutbox {
        final DossierOutbox inner;
        Predicate<OutboxEntry> hidden = e -> false;
        boolean forgetsMarks;

        View(DossierOutbox inner) {
            this.inner = inner;
        }

        @Override
        public List<OutboxEntry> enqueue(List<OutboxItem> items) {
            return inner.enqueue(items);
        }

        @Override
        public List<OutboxEntry> due(int max, Instant now) {
            List<OutboxEntry> due = inner.due(max, now).stream().filter(hidden.negate()).toList();
            hidden = e -> false; // committed now
            return due;
        }

        @Override
        public Optional<OutboxEntry> find(long sequence) {
            return inner.find(sequence);
        }

        @Override
        public void markSending(List<Long> sequences) {
            inner.markSending(sequences);
        }

        @Override
        public void markSent(List<Long> sequences) {
            if (!forgetsMarks) {
                inner.markSent(sequences);
            }
        }

        @Override
        public void markFailed(List<Long> sequences, String reason, Instant nextAttemptAt) {
            inner.markFailed(sequences, reason, nextAttemptAt);
        }

        @Override
        public void markGivenUp(List<Long> sequences, String reason) {
            inner.markGivenUp(sequences, reason);
        }

        @Override
        public Map<OutboxState, Long> counts() {
            return inner.counts();
        }
    }

    @Test
    void anEntryCommittedAfterLaterOnesWereSentIsSentInTheSameDrain() {
        View view = new View(store);
        DossierSync sync = DossierSync.builder(portal).clock(clock).outbox(view).build();
        sync.record(DossierSyncTest.dossier(1));
        sync.record(DossierSyncTest.dossier(2));
        view.hidden = e -> e.sequence() == 1;
        DrainReport report = sync.drain();
        assertTrue(report.complete(), report.toString());
        assertEquals(2, report.sent());
        assertEquals(List.of(DossierSyncTest.code(2), DossierSyncTest.code(1)), List.copyOf(portal.dossiers.keySet()));
    }

    @Test
    void anOutboxThatDoesNotRecordOutcomesEndsTheDrain() {
        View view = new View(store);
        view.forgetsMarks = true;
        DossierSync sync = DossierSync.builder(portal).clock(clock).outbox(view).build();
        sync.record(DossierSyncTest.dossier(1));
        DrainReport report = sync.drain();
        assertTrue(report.stoppedBy().orElseThrow().contains("did not record the outcome of entry #1"),
                report.toString());
        assertEquals(1, portal.calls("DongBoHoSoMC").size());
    }
}
