package vn.egov.sdk.dossier.internal;

import vn.egov.sdk.dossier.OutboxEntry;

/**
 * One record of an outbox journal: a whole entry as one write left it, or the highest sequence ever given (written
 * first in every compacted file, so that a sequence is never reused after its entry was pruned).
 *
 * @param entry the entry, or null for a high-water record
 * @param position for an entry, its place in the write that holds it (0 for the first)
 * @param size for an entry, how many records that write holds (a write is applied only when all of them are
 *        intact: a call with several entries is applied to all of them or to none)
 * @param highWater for a high-water record, the highest sequence ever given
 */
public record OutboxRecord(OutboxEntry entry, int position, int size, long highWater) {
    /**
     * An entry record.
     *
     * @param entry the entry
     * @param position its place in its write, from 0
     * @param size how many records its write holds
     * @return the record
     */
    public static OutboxRecord of(OutboxEntry entry, int position, int size) {
        return new OutboxRecord(entry, position, size, 0);
    }

    /**
     * A high-water record.
     *
     * @param lastSequence the highest sequence ever given
     * @return the record
     */
    public static OutboxRecord highWater(long lastSequence) {
        return new OutboxRecord(null, 0, 1, lastSequence);
    }

    /** Whether this is a high-water record. */
    public boolean isHighWater() {
        return entry == null;
    }
}
