package vn.egov.sdk.core.internal.journal;

/**
 * A record read back from a journal.
 *
 * @param value what it holds
 * @param seq its number in the file, 0 for a format without numbers
 * @param <T> what a record holds
 */
public record JournalRecord<T>(T value, long seq) {
}
