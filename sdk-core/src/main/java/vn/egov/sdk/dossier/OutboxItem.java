package vn.egov.sdk.dossier;

import vn.egov.sdk.core.ValidationException;

/**
 * Something to record in a {@link DossierOutbox}: what to send, not yet numbered.
 *
 * @param key the idempotency key: enqueueing an item whose key the outbox already holds does nothing, so a vendor
 *        that records the same change twice (a retried transaction, a replayed event) sends it once
 * @param kind what it sends
 * @param maHoSo the dossier it belongs to ({@code MaHoSo}); entries of one dossier are sent in the order recorded
 * @param payload the record exactly as it goes on the wire: one JSON object with the portal's field names
 */
public record OutboxItem(String key, OutboxKind kind, String maHoSo, String payload) {
    /**
     * Validates the components.
     *
     * @param key the idempotency key, non-blank, at most 200 characters
     * @param kind what it sends, non-null
     * @param maHoSo the dossier code, non-blank
     * @param payload the wire JSON object, non-blank
     * @throws ValidationException naming the component that is missing or too long
     */
    public OutboxItem {
        require(key, "key", "give the idempotency key of the outbox item");
        if (key.length() > 200) {
            throw ValidationException.of("outbox.key.tooLong", "key", "an outbox key is at most 200 characters");
        }
        if (kind == null) {
            throw ValidationException.of("outbox.kind.missing", "kind", "give what the outbox item sends");
        }
        require(maHoSo, "maHoSo", "give the dossier code (MaHoSo) of the outbox item");
        require(payload, "payload", "give the wire JSON of the outbox item");
    }

    static void require(String value, String field, String rule) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("outbox." + field + ".blank", field, rule);
        }
    }
}
