package vn.egov.sdk.dossier.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.internal.journal.JournalCodec;
import vn.egov.sdk.core.internal.journal.JournalLines;
import vn.egov.sdk.core.internal.journal.JournalRecord;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.dossier.OutboxState;

/**
 * The line format of the outbox journal (framed by {@link JournalLines}: CRC-32, tab, body, newline). Bodies:
 * <ul>
 *   <li>{@code <seq>\tH\t<highest sequence ever given>}</li>
 *   <li>{@code <seq>\tE\t<position>/<size>\t<sequence>\t<STATE>\t<attempts>\t<KIND>\t<enqueuedAt>\t<updatedAt>\t<nextAttemptAt>
 *       \t<key>\t<MaHoSo>\t<lastError>\t<payload>}: times as ISO-8601 instants (exact to the nanosecond), the four
 *       texts {@linkplain JournalLines#escape escaped} so that they hold no tab or newline and come back
 *       byte-exactly (Vietnamese in NFC or NFD alike).</li>
 * </ul>
 */
public final class OutboxRecords implements JournalCodec<OutboxRecord> {
    /** The first line of every outbox journal. */
    public static final String HEADER = "EGOV-DOSSIER-OUTBOX-JOURNAL 1";
    /** The codec. */
    public static final OutboxRecords CODEC = new OutboxRecords();
    /** Longest record looked for inside a damaged line: a dossier record with its attachments list fits. */
    private static final int MAX_RECORD = 4 * 1024 * 1024;

    private OutboxRecords() {
    }

    @Override
    public List<String> headers() {
        return List.of(HEADER);
    }

    @Override
    public String body(OutboxRecord r, long seq) {
        if (r.isHighWater()) {
            return seq + "\tH\t" + r.highWater();
        }
        OutboxEntry e = r.entry();
        OutboxItem i = e.item();
        return seq + "\tE\t" + r.position() + "/" + r.size() + "\t" + e.sequence() + "\t" + e.state().name() + "\t" + e.attempts() + "\t"
                + i.kind().name() + "\t" + e.enqueuedAt() + "\t" + e.updatedAt() + "\t" + e.nextAttemptAt() + "\t"
                + JournalLines.escape(i.key()) + "\t" + JournalLines.escape(i.maHoSo()) + "\t"
                + JournalLines.escape(e.lastError()) + "\t" + JournalLines.escape(i.payload());
    }

    @Override
    public Optional<JournalRecord<OutboxRecord>> decode(String body) {
        String[] f = body.split("\t", -1);
        long seq = Long.parseLong(f[0]);
        if (seq < 1) {
            return Optional.empty();
        }
        if (f.length == 3 && f[1].equals("H")) {
            return Optional.of(new JournalRecord<>(OutboxRecord.highWater(Long.parseLong(f[2])), seq));
        }
        if (f.length != 14 || !f[1].equals("E")) {
            return Optional.empty();
        }
        int slash = f[2].indexOf('/');
        int position = Integer.parseInt(f[2].substring(0, slash));
        int size = Integer.parseInt(f[2].substring(slash + 1));
        if (position < 0 || size < 1 || position >= size) {
            return Optional.empty();
        }
        OutboxItem item = new OutboxItem(JournalLines.unescape(f[10]), OutboxKind.valueOf(f[6]),
                JournalLines.unescape(f[11]), JournalLines.unescape(f[13]));
        OutboxEntry e = new OutboxEntry(Long.parseLong(f[3]), item, OutboxState.valueOf(f[4]),
                Integer.parseInt(f[5]), JournalLines.unescape(f[12]), Instant.parse(f[9]), Instant.parse(f[7]),
                Instant.parse(f[8]));
        return Optional.of(new JournalRecord<>(OutboxRecord.of(e, position, size), seq));
    }

    /** The idempotency key of a damaged entry record (crc, seq, E, position/size, …, key at 11), when a tab follows it. */
    @Override
    public Optional<String> keyIn(String[] f) {
        if (f.length >= 13 && f[2].equals("E")) {
            return Optional.of(JournalLines.unescape(f[11]));
        }
        return Optional.empty();
    }

    @Override
    public int maxRecordBytes() {
        return MAX_RECORD;
    }
}
