package vn.egov.sdk.axis;

import java.time.Instant;
import vn.egov.sdk.core.ValidationException;

/**
 * What a {@link CheckpointStore} knows about one received package.
 *
 * @param docId the axis' id of the package (the deduplication key)
 * @param state how far it got
 * @param attempts how many attempts began: each is counted when it begins, before the package is fetched
 *        ({@link CheckpointStore#markAttempt}), so an attempt the process died in counts too; a failure recorded
 *        without an attempt begun ({@link CheckpointStore#markFailed}) counts one
 * @param lastError why the last attempt failed (or the reason of the quarantine), "" if none did
 * @param updatedAt when the entry last changed (pruning is measured from here)
 */
public record CheckpointEntry(String docId, CheckpointState state, int attempts, String lastError,
        Instant updatedAt) {
    /**
     * Validates the components.
     *
     * @param docId the axis' id of the package, non-blank
     * @param state how far it got, non-null
     * @param attempts how many attempts began, zero or more
     * @param lastError why the last attempt failed; null is stored as ""
     * @param updatedAt when the entry last changed, non-null
     * @throws ValidationException naming the component that is missing, blank or negative
     */
    public CheckpointEntry {
        CheckpointEntry.requireDocId(docId);
        if (state == null) {
            throw ValidationException.of("checkpoint.state.missing", "state", "give a checkpoint state");
        }
        if (attempts < 0) {
            throw ValidationException.of("checkpoint.attempts.negative", "attempts", "attempts must be >= 0");
        }
        if (updatedAt == null) {
            throw ValidationException.of("checkpoint.updatedAt.missing", "updatedAt", "give the time of the change");
        }
        lastError = lastError == null ? "" : lastError;
    }

    /**
     * Checks a docId argument.
     *
     * @param docId the axis id
     * @return the same id
     * @throws ValidationException if it is null or blank
     */
    public static String requireDocId(String docId) {
        if (docId == null || docId.isBlank()) {
            throw ValidationException.of("checkpoint.docId.blank", "docId", "give the axis docId of the package");
        }
        return docId;
    }
}
