package vn.egov.sdk.dossier;

import java.time.Instant;
import java.util.Optional;

/**
 * What one {@link DossierSync#drain()} did. The outcome of each entry goes to the {@link SyncListener}.
 *
 * @param sent entries the portal accepted ({@link SyncOutcome.Result#SENT} and {@link SyncOutcome.Result#UPDATED})
 * @param updated of those, dossiers sent again as an update after "đã tồn tại"
 * @param alreadyHeld entries found in flight after a crash that the portal already held, so not sent again
 * @param failed entries whose send failed in a way that may pass later (the drain stopped there)
 * @param givenUp entries given up (refused, their dossier refused, or the attempt budget spent)
 * @param calls pushes made to the transport (lookups included)
 * @param stoppedBy why the drain stopped before the outbox was empty: the transient failure, or the entry backing
 *        off; empty when nothing due was left
 * @param retryAt when the first entry left waiting is due again, when the drain stopped on one
 */
public record DrainReport(int sent, int updated, int alreadyHeld, int failed, int givenUp, int calls,
        Optional<String> stoppedBy, Optional<Instant> retryAt) {
    /**
     * Normalises the components.
     *
     * @param sent entries accepted
     * @param updated dossiers updated after "đã tồn tại"
     * @param alreadyHeld entries the portal already held
     * @param failed entries failed
     * @param givenUp entries given up
     * @param calls calls made
     * @param stoppedBy why it stopped early; null is empty
     * @param retryAt when to try again; null is empty
     */
    public DrainReport {
        stoppedBy = stoppedBy == null ? Optional.empty() : stoppedBy;
        retryAt = retryAt == null ? Optional.empty() : retryAt;
    }

    /**
     * Whether every entry due was settled (nothing failed or waits on a back-off).
     *
     * @return true when the drain was not stopped
     */
    public boolean complete() {
        return stoppedBy.isEmpty();
    }
}
