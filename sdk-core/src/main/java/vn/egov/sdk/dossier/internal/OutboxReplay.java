package vn.egov.sdk.dossier.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.egov.sdk.core.internal.journal.JournalLines;
import vn.egov.sdk.dossier.OutboxEntry;

/**
 * Replays the intact records of an outbox journal into a table, write by write: each record of one write carries
 * its place in the write and the write's size, and a write is applied only when its records are all there, in
 * order. What is dropped is counted and its keys named.
 */
public final class OutboxReplay {
    private final OutboxTable table;
    private final List<OutboxEntry> write = new ArrayList<>();
    private final Set<String> droppedKeys = new LinkedHashSet<>();
    private int dropped;
    /** The size of the open write. */
    private int size;

    private OutboxReplay(OutboxTable table) {
        this.table = table;
    }

    /**
     * Replays records into a table.
     *
     * @param records the intact records in file order
     * @param table the table to fill
     * @return what was dropped
     */
    public static OutboxReplay of(List<OutboxRecord> records, OutboxTable table) {
        OutboxReplay r = new OutboxReplay(table);
        for (OutboxRecord record : records) {
            r.add(record);
        }
        r.drop(); // a write still open at the end of the file never finished
        return r;
    }

    /** How many intact records were dropped because their write is incomplete. */
    public int dropped() {
        return dropped;
    }

    /** The keys of the dropped records. */
    public List<String> droppedKeys() {
        return List.copyOf(droppedKeys);
    }

    private void add(OutboxRecord r) {
        if (r.isHighWater()) {
            drop();
            table.raiseLastSequence(r.highWater());
            return;
        }
        // sequences the file names are never given again, whether or not their write is applied
        table.raiseLastSequence(r.entry().sequence());
        if (!write.isEmpty() && (r.position() != write.size() || r.size() != size)) {
            drop(); // a record of the open write is missing: it is not applied
        }
        if (write.isEmpty()) {
            size = r.size();
        }
        write.add(r.entry());
        if (r.position() != write.size() - 1) {
            drop(); // the first records of this write are missing
        } else if (write.size() == size) {
            table.apply(write);
            write.clear();
        }
    }

    private void drop() {
        dropped += write.size();
        write.forEach(e -> droppedKeys.add(JournalLines.printable(e.item().key())));
        write.clear();
    }
}
