package vn.egov.sdk.dossier;

/**
 * Told of every entry a {@link DossierSync} drain settled or failed, for logs, metrics and alerts (for example an
 * alert on {@link SyncOutcome.Result#GIVEN_UP}). Called on the draining thread, after the outbox recorded the
 * outcome; keep it quick. What it throws is logged and ignored.
 */
@FunctionalInterface
public interface SyncListener {
    /**
     * One outcome.
     *
     * @param outcome what happened to an entry
     */
    void onOutcome(SyncOutcome outcome);
}
