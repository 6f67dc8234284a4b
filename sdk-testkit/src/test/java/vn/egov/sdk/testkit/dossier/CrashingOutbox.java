package vn.egov.sdk.testkit.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.OutboxStoreException;

/**
 * An outbox that "crashes" once: the chosen {@code markSent} call throws instead of recording, as a process killed
 * between the portal's reply and the outbox write would leave it (the entries stay SENDING).
 */
final class CrashingOutbox implements DossierOutbox {
    private final DossierOutbox inner;
    private int marksBeforeCrash;

    /**
     * @param inner the real store, which survives the crash
     * @param crashOnMarkSent which {@code markSent} call crashes (1 = the first)
     */
    CrashingOutbox(DossierOutbox inner, int crashOnMarkSent) {
        this.inner = inner;
        this.marksBeforeCrash = crashOnMarkSent;
    }

    @Override
    public void markSent(List<Long> sequences) {
        if (--marksBeforeCrash == 0) {
            throw new OutboxStoreException("simulated crash before the outcome was written", false, null);
        }
        inner.markSent(sequences);
    }

    @Override
    public List<OutboxEntry> enqueue(List<OutboxItem> items) {
        return inner.enqueue(items);
    }

    @Override
    public List<OutboxEntry> due(int max, Instant now) {
        return inner.due(max, now);
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
