package vn.egov.sdk.dossier;

import java.time.Instant;
import vn.egov.sdk.core.ValidationException;

/**
 * What a {@link DossierOutbox} holds about one item to send.
 *
 * @param sequence the outbox's number for it, increasing in the order items were recorded (the send order)
 * @param item what to send
 * @param state how far it got
 * @param attempts how many sends began ({@link DossierOutbox#markSending} adds one), a send the process died in
 *        included
 * @param lastError why the last send failed (or why it was given up), "" if none did; no secrets
 * @param nextAttemptAt when a {@link OutboxState#FAILED} entry is due again (for other states, when it was last
 *        changed)
 * @param enqueuedAt when it was recorded
 * @param updatedAt when it last changed
 */
public record OutboxEntry(long sequence, OutboxItem item, OutboxState state, int attempts, String lastError,
        Instant nextAttemptAt, Instant enqueuedAt, Instant updatedAt) {
    /**
     * Validates the components.
     *
     * @param sequence the outbox's number, positive
     * @param item what to send, non-null
     * @param state how far it got, non-null
     * @param attempts sends begun, zero or more
     * @param lastError why the last send failed; null is stored as ""
     * @param nextAttemptAt when it is due again, non-null
     * @param enqueuedAt when it was recorded, non-null
     * @param updatedAt when it last changed, non-null
     * @throws ValidationException naming the component that is missing or out of range
     */
    public OutboxEntry {
        if (sequence <= 0) {
            throw ValidationException.of("outbox.sequence.notPositive", "sequence", "an outbox sequence is > 0");
        }
        if (item == null || state == null) {
            String field = item == null ? "item" : "state";
            throw ValidationException.of("outbox." + field + ".missing", field, "give the entry's " + field);
        }
        if (attempts < 0) {
            throw ValidationException.of("outbox.attempts.negative", "attempts", "attempts must be >= 0");
        }
        if (nextAttemptAt == null || enqueuedAt == null || updatedAt == null) {
            throw ValidationException.of("outbox.time.missing", "nextAttemptAt/enqueuedAt/updatedAt",
                    "give the entry's times");
        }
        lastError = lastError == null ? "" : lastError;
    }
}
