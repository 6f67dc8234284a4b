package vn.egov.sdk.axis.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;

/**
 * The line format of the checkpoint journal: one whole entry per line,
 * {@code <crc32 hex>\t<seq>\t<updatedAt epoch ms>\t<STATE>\t<attempts>\t<docId>\t<lastError>\n}, the two texts
 * percent-encoded (UTF-8) so they hold no tab or newline, the CRC-32 taken over the bytes after the first tab up to
 * the newline. {@code seq} numbers the records of a file 1, 2, 3, … (a compacted file starts again at 1), so a
 * record missing inside the file is noticed and counted. Version 1 files (header {@link #HEADER_V1}, lines without
 * {@code seq}) are still read.
 */
public final class CheckpointRecords {
    /** The first line of every journal file this version writes. */
    public static final String HEADER = "EGOV-CHECKPOINT-JOURNAL 2";
    /** The first line of a version 1 journal (records without sequence numbers). */
    public static final String HEADER_V1 = "EGOV-CHECKPOINT-JOURNAL 1";

    private CheckpointRecords() {
    }

    /**
     * A record read back.
     *
     * @param entry the entry
     * @param seq its number in the file, 0 for a version 1 record
     */
    public record Decoded(CheckpointEntry entry, long seq) {
    }

    /**
     * The line of an entry, with its newline.
     *
     * @param e the entry
     * @param seq its number in the file (1 for the first record after the header)
     * @return the line
     */
    public static String encode(CheckpointEntry e, long seq) {
        String body = seq + "\t" + e.updatedAt().toEpochMilli() + "\t" + e.state().name() + "\t" + e.attempts()
                + "\t" + URLEncoder.encode(e.docId(), StandardCharsets.UTF_8) + "\t"
                + URLEncoder.encode(e.lastError(), StandardCharsets.UTF_8);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return hex(crc(bytes, 0, bytes.length)) + "\t" + body + "\n";
    }

    /**
     * The record in {@code buf[from, to)} (a line without its newline), or empty when those bytes are not one
     * whole record whose checksum matches.
     *
     * @param buf the file's bytes
     * @param from the first byte of the line
     * @param to the end of the line (exclusive; the newline is not included)
     * @return the record, if intact
     */
    public static Optional<Decoded> decode(byte[] buf, int from, int to) {
        if (to - from < 10 || buf[from + 8] != '\t') {
            return Optional.empty();
        }
        long expected = 0;
        for (int i = from; i < from + 8; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0 || Character.isUpperCase(buf[i])) {
                return Optional.empty();
            }
            expected = (expected << 4) | d;
        }
        if (crc(buf, from + 9, to) != expected) {
            return Optional.empty();
        }
        String[] f = new String(buf, from + 9, to - from - 9, StandardCharsets.UTF_8).split("\t", -1);
        try {
            if (f.length == 6) {
                return Optional.of(new Decoded(entry(f[1], f[2], f[3], f[4], f[5]), seq(f[0])));
            }
            if (f.length == 5) {
                return Optional.of(new Decoded(entry(f[0], f[1], f[2], f[3], f[4]), 0));
            }
        } catch (RuntimeException e) {
            // a checksum that matches fields this version cannot read: treated as damaged
        }
        return Optional.empty();
    }

    /**
     * The docId named in a damaged line, if its docId field is complete (read from unchecked bytes).
     *
     * @param buf the file's bytes
     * @param from the first byte of the damaged piece
     * @param to its end (exclusive)
     * @return the docId, with control characters replaced, if one can be read
     */
    public static Optional<String> docIdIn(byte[] buf, int from, int to) {
        String[] f = new String(buf, from, to - from, StandardCharsets.UTF_8).split("\t", -1);
        int at;
        if (f.length >= 7 && isState(f[3])) {
            at = 5; // crc, seq, ts, STATE, attempts, docId, lastError: docId complete when a tab follows it
        } else if (f.length >= 6 && isState(f[2])) {
            at = 4; // version 1: crc, ts, STATE, attempts, docId, lastError
        } else {
            return Optional.empty();
        }
        try {
            String id = URLDecoder.decode(f[at], StandardCharsets.UTF_8);
            return id.isBlank() ? Optional.empty() : Optional.of(printable(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Text safe for one log line: control characters become {@code ?}, and at most 200 characters are kept.
     *
     * @param text any text
     * @return the printable text
     */
    public static String printable(String text) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && s.length() < 200; i++) {
            char c = text.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.toString();
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

    private static long crc(byte[] buf, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(buf, from, to - from);
        return crc.getValue();
    }

    private static String hex(long crc) {
        return String.format("%08x", crc);
    }
}
