package vn.egov.sdk.core.internal.journal;

import java.util.List;
import java.util.Optional;

/**
 * How one kind of journal writes and reads its records. A record is one line
 * {@code <crc32 hex>\t<body>\n} (see {@link JournalLines}); the body starts with the record's number in the file
 * (1, 2, 3, … after each rewrite; older formats may start with another number and report 0), then tab-separated
 * fields that hold no tab or newline.
 *
 * @param <T> what a record holds
 */
public interface JournalCodec<T> {
    /**
     * The header lines this codec reads; the first is the one written.
     *
     * @return the headers, at least one
     */
    List<String> headers();

    /**
     * The body of a record (no CRC, no newline).
     *
     * @param record what to write
     * @param seq its number in the file
     * @return the body
     */
    String body(T record, long seq);

    /**
     * The record in a verified body, or empty when the body's fields cannot be read by this version.
     *
     * @param body the bytes after the CRC and its tab, up to the newline, checksum verified
     * @return the record and its number in the file (0 for a format without numbers)
     */
    Optional<JournalRecord<T>> decode(String body);

    /**
     * The key (for an operator: what a damaged record was about) named in a damaged line, if its field is whole.
     *
     * @param fields the damaged line split at tabs, the CRC field first (unverified text)
     * @return the key, printable, if one can be read
     */
    Optional<String> keyIn(String[] fields);

    /**
     * The longest record this journal writes, in bytes: records inside a damaged line are looked for up to this
     * length.
     *
     * @return the bound
     */
    int maxRecordBytes();
}
