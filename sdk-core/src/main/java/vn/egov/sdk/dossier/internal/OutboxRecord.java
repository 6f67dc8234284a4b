package vn.egov.sdk.dossier.internal;

import vn.egov.sdk.dossier.OutboxEntry;

/**
 * One record of an outbox journal: a whole entry as one write left it, or the highest sequence ever given (written
 * first in every compacted file, so that a sequence is never reused after its entry was pruned).
 *
 * @param entry the entry, or null for a high-water record
 * @param rest for an entry, how many more records the same write holds after this one (a write is applied only
 *        when all of them are intact: a call with several entries is applied to all of them or to none)
 * @param highWater for a high-water record, the highest sequence ever given
 */
public record OutboxRecord(OutboxEntry entry, int rest, long highWater) {
    /**
     * An entry record.
     *
     * @param entry the entry
     * @param rest how many more records its write holds after it
     * @return the record
     */
    public static OutboxRecord of(OutboxEntry entry, int rest) {
        return new OutboxRecord(entry, rest, 0);
    }

    /**
     * A high-water record.
     *
     * @param lastSequence the highest sequence ever given
     * @return the record
     */
    public static OutboxRecord highWater(long lastSequence) {
        return new OutboxRecord(null, 0, lastSequence);
    }

    /** Whether this is a high-water record. */
    public boolean isHighWater() {
        return entry == null;
    }
}
