package vn.egov.sdk.core.internal.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a journal file's bytes (see {@link JournalCodec} for the line format), recovering every intact record wherever the damage is: line by line, and inside
 * a damaged line by trying every place a record may start (a lost or damaged newline glues two records into one
 * line; both are still intact). Counts what could not be read: records by the gaps in their sequence numbers
 * (exact inside the file) and the pieces of a damaged end; bytes exactly.
 *
 * @param <T> what a record holds
 */
public final class JournalScan<T> {
    /** How many later candidate starts are tried as the end of a record found inside a damaged line. */
    private static final int MAX_STARTS_INSIDE = 16;

    private final JournalCodec<T> codec;
    /** Longest record tried when looking for records inside a damaged line. */
    private final int maxRecord;
    private final List<T> records = new ArrayList<>();
    private final List<long[]> intact = new ArrayList<>();
    private final List<JournalRecord<T>> decoded = new ArrayList<>();
    private boolean headerOk;
    private boolean resemblesJournal;
    private int recordsLost;
    private long bytesLost;
    private final Set<String> keys = new LinkedHashSet<>();
    /** Bytes found where a record's newline should be (a damaged newline): lost, but not a record. */
    private final Set<Integer> separators = new java.util.HashSet<>();

    private JournalScan(JournalCodec<T> codec) {
        this.codec = codec;
        this.maxRecord = codec.maxRecordBytes();
    }

    /**
     * Scans a journal's bytes.
     *
     * @param b the whole file
     * @param codec the journal's record format
     * @param <T> what a record holds
     * @return what was found
     */
    public static <T> JournalScan<T> of(byte[] b, JournalCodec<T> codec) {
        JournalScan<T> s = new JournalScan<>(codec);
        s.scan(b);
        return s;
    }

    /** The intact records in file order. */
    public List<T> records() {
        return records;
    }

    /** Whether every byte was the header or an intact record (an empty file is clean). */
    public boolean clean() {
        return bytesLost == 0 && recordsLost == 0 && headerOk;
    }

    /** Whether the first line was not a journal header (false for an empty file). */
    public boolean headerDamaged() {
        return !headerOk;
    }

    /**
     * Whether the file is a (possibly damaged) journal rather than some other file: it has the header, or an
     * intact record, or starts with bytes close to the header, or holds only NUL bytes (what a crash can leave).
     */
    public boolean isJournal() {
        return headerOk || !records.isEmpty() || resemblesJournal;
    }

    /** Records that could not be read. */
    public int recordsLost() {
        return recordsLost;
    }

    /** Bytes that belonged to no intact record or header. */
    public long bytesLost() {
        return bytesLost;
    }

    /** The keys named in damaged records, in file order. */
    public List<String> keysAffected() {
        return List.copyOf(keys);
    }

    private void scan(byte[] b) {
        int n = b.length;
        if (n == 0) {
            headerOk = true;
            return;
        }
        int pos = header(b);
        headerOk = pos > 0;
        resemblesJournal = resemblesHeader(b) || allZero(b);
        if (headerOk) {
            intact.add(new long[] {0, pos});
        }
        while (pos < n) {
            int nl = indexOf(b, pos, n);
            int end = nl < 0 ? n : nl;
            Optional<JournalRecord<T>> d = decode(b, pos, end);
            if (d.isPresent()) {
                add(d.get(), pos, nl < 0 ? n : nl + 1);
            } else {
                resync(b, pos, end, n);
            }
            pos = nl < 0 ? n : nl + 1;
        }
        account(b);
    }

    /** The length of the header line with its newline, or 0 if the file does not start with one. */
    private int header(byte[] b) {
        for (String h : codec.headers()) {
            byte[] hb = h.getBytes(StandardCharsets.US_ASCII);
            if (b.length >= hb.length && startsWith(b, hb)) {
                if (b.length == hb.length) {
                    return hb.length; // cut right after the header: nothing else was there
                }
                if (b[hb.length] == '\n') {
                    return hb.length + 1;
                }
            }
        }
        return 0;
    }

    /** Looks for intact records inside the damaged line {@code b[from, to)}. */
    private void resync(byte[] b, int from, int to, int n) {
        List<Integer> starts = new ArrayList<>();
        starts.add(from);
        for (int i = from + 1; i + 9 <= to; i++) {
            if (b[i + 8] == '\t' && hex8(b, i)) {
                starts.add(i);
            }
        }
        int i = 0;
        while (i < starts.size()) {
            int s = starts.get(i);
            int found = -1;
            int foundEnd = -1;
            // a record holds at most a few places that look like a record start (8 hex digits before a tab)
            int last = Math.min(starts.size(), i + MAX_STARTS_INSIDE);
            for (int j = i + 1; j <= last && found < 0; j++) {
                int next = j < starts.size() ? starts.get(j) : to;
                if (next - s > maxRecord) {
                    break;
                }
                // the record ends where the next one starts, or one byte before (a damaged newline)
                int[] ends = new int[] {next - 1, next};
                for (int e : ends) {
                    Optional<JournalRecord<T>> d = e > s ? decode(b, s, e) : Optional.empty();
                    if (d.isPresent()) {
                        found = e;
                        foundEnd = e == to && to < n ? to + 1 : e;
                        add(d.get(), s, foundEnd);
                        if (e == next - 1) {
                            separators.add(e);
                        }
                        break;
                    }
                }
            }
            if (found < 0) {
                i++;
            } else {
                while (i < starts.size() && starts.get(i) < found) {
                    i++;
                }
            }
        }
    }

    private Optional<JournalRecord<T>> decode(byte[] b, int from, int to) {
        Optional<String> body = JournalLines.unframe(b, from, to);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            return codec.decode(body.get());
        } catch (RuntimeException e) {
            return Optional.empty(); // a checksum that matches fields this version cannot read: damaged
        }
    }

    private void add(JournalRecord<T> d, int from, int to) {
        decoded.add(d);
        records.add(d.value());
        intact.add(new long[] {from, to});
    }

    /** Counts the bytes and records lost from the gaps between intact stretches. */
    private void account(byte[] b) {
        List<int[]> gaps = new ArrayList<>();
        long at = 0;
        for (long[] r : intact) {
            if (r[0] > at) {
                gaps.add(new int[] {(int) at, (int) r[0]});
            }
            at = Math.max(at, r[1]);
        }
        if (at < b.length) {
            gaps.add(new int[] {(int) at, b.length});
        }
        boolean numbered = decoded.stream().anyMatch(d -> d.seq() > 0);
        long prev = 0;
        for (JournalRecord<T> d : decoded) {
            if (d.seq() > prev + 1) {
                recordsLost += (int) Math.min(Integer.MAX_VALUE, d.seq() - prev - 1);
            }
            prev = Math.max(prev, d.seq());
        }
        for (int[] g : gaps) {
            bytesLost += g[1] - g[0];
            int pieces = 0;
            boolean first = true;
            int p = g[0];
            while (p < g[1]) {
                int nl = indexOf(b, p, g[1]);
                int e = nl < 0 ? g[1] : nl;
                int from = separators.contains(p) ? p + 1 : p;
                if (e > from && !(!headerOk && p == 0)) {
                    // the first piece of a gap is a record (or what is left of one); a later piece only if it
                    // starts like one, else it is the rest of a record split by a stray newline
                    if (first || startsLikeRecord(b, from, e)) {
                        pieces++;
                    }
                    first = false;
                    keyIn(b, from, e).ifPresent(keys::add);
                }
                p = e + 1;
            }
            boolean atEnd = g[1] == b.length;
            // numbered records: a gap inside the file is counted by the sequence numbers; the end only by pieces
            if (!numbered || atEnd) {
                recordsLost += pieces;
            }
        }
    }

    /**
     * Whether {@code b[from, to)} starts like a record: 8 lowercase hex digits and a tab (or a prefix of that, for
     * a torn end), then digits (the sequence number, or a version 1 time) up to the next tab.
     */
    private static boolean startsLikeRecord(byte[] b, int from, int to) {
        int i = from;
        for (; i < to && i < from + 8; i++) {
            if (!(b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'f')) {
                return false;
            }
        }
        if (i == to) {
            return true;
        }
        if (b[i++] != '\t') {
            return false;
        }
        int digits = 0;
        for (; i < to && b[i] != '\t'; i++, digits++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return digits > 0 || i == to;
    }

    private static boolean hex8(byte[] b, int i) {
        for (int k = i; k < i + 8; k++) {
            byte c = b[k];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> keyIn(byte[] b, int from, int to) {
        try {
            return codec.keyIn(new String(b, from, to - from, StandardCharsets.UTF_8).split("\t", -1))
                    .filter(k -> !k.isBlank()).map(JournalLines::printable);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean resemblesHeader(byte[] b) {
        for (String h : codec.headers()) {
            byte[] hb = h.getBytes(StandardCharsets.US_ASCII);
            int len = Math.min(b.length, hb.length);
            int diff = 0;
            for (int i = 0; i < len; i++) {
                if (b[i] != hb[i]) {
                    diff++;
                }
            }
            if (diff <= 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
