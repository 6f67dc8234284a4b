package vn.egov.sdk.axis.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.core.internal.journal.JournalCodec;
import vn.egov.sdk.core.internal.journal.JournalLines;
import vn.egov.sdk.core.internal.journal.JournalRecord;

/**
 * The line format of the checkpoint journal: one whole entry per line,
 * {@code <crc32 hex>\t<seq>\t<updatedAt epoch ms>\t<STATE>\t<attempts>\t<docId>\t<lastError>\n}, the two texts
 * percent-encoded (UTF-8) so they hold no tab or newline, the CRC-32 taken over the bytes after the first tab up to
 * the newline. {@code seq} numbers the records of a file 1, 2, 3, … (a compacted file starts again at 1), so a
 * record missing inside the file is noticed and counted. Version 1 files (header {@link #HEADER_V1}, lines without
 * {@code seq}) are still read.
 */
public final class CheckpointRecords implements JournalCodec<CheckpointEntry> {
    /** The first line of every journal file this version writes. */
    public static final String HEADER = "EGOV-CHECKPOINT-JOURNAL 2";
    /** The first line of a version 1 journal (records without sequence numbers). */
    public static final String HEADER_V1 = "EGOV-CHECKPOINT-JOURNAL 1";
    /** The codec. */
    public static final CheckpointRecords CODEC = new CheckpointRecords();
    /** Longest record tried when looking for records inside a damaged line (a docId and a 500-char reason). */
    private static final int MAX_RECORD = 64 * 1024;

    private CheckpointRecords() {
    }

    @Override
    public List<String> headers() {
        return List.of(HEADER, HEADER_V1);
    }

    @Override
    public String body(CheckpointEntry e, long seq) {
        return seq + "\t" + e.updatedAt().toEpochMilli() + "\t" + e.state().name() + "\t" + e.attempts()
                + "\t" + URLEncoder.encode(e.docId(), StandardCharsets.UTF_8) + "\t"
                + URLEncoder.encode(e.lastError(), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<JournalRecord<CheckpointEntry>> decode(String body) {
        String[] f = body.split("\t", -1);
        if (f.length == 6) {
            return Optional.of(new JournalRecord<>(entry(f[1], f[2], f[3], f[4], f[5]), seq(f[0])));
        }
        if (f.length == 5) {
            return Optional.of(new JournalRecord<>(entry(f[0], f[1], f[2], f[3], f[4]), 0));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> keyIn(String[] f) {
        int at;
        if (f.length >= 7 && isState(f[3])) {
            at = 5; // crc, seq, ts, STATE, attempts, docId, lastError: docId complete when a tab follows it
        } else if (f.length >= 6 && isState(f[2])) {
            at = 4; // version 1: crc, ts, STATE, attempts, docId, lastError
        } else {
            return Optional.empty();
        }
        return Optional.of(URLDecoder.decode(f[at], StandardCharsets.UTF_8));
    }

    @Override
    public int maxRecordBytes() {
        return MAX_RECORD;
    }

    /**
     * Text safe for one log line: control characters become {@code ?}, and at most 200 characters are kept.
     *
     * @param text any text
     * @return the printable text
     */
    public static String printable(String text) {
        return JournalLines.printable(text);
    }

    private static CheckpointEntry entry(String ts, String state, String attempts, String docId,
            String lastError) {
        return new CheckpointEntry(URLDecoder.decode(docId, StandardCharsets.UTF_8), CheckpointState.valueOf(state),
                Integer.parseInt(attempts), URLDecoder.decode(lastError, StandardCharsets.UTF_8),
                Instant.ofEpochMilli(Long.parseLong(ts)));
    }

    private static long seq(String s) {
        long v = Long.parseLong(s);
        if (v < 1) {
            throw new NumberFormatException("seq " + v);
        }
        return v;
    }

    private static boolean isState(String s) {
        for (CheckpointState st : CheckpointState.values()) {
            if (st.name().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
