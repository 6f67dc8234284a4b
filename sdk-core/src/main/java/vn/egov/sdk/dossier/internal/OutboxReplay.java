package vn.egov.sdk.dossier.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.egov.sdk.core.internal.journal.JournalLines;
import vn.egov.sdk.dossier.OutboxEntry;

/**
 * Replays the intact records of an outbox journal into a table, write by write: the records of one write carry
 * {@code rest} counting down to 0, and a write is applied only when its records are all there, in order. What is
 * dropped is counted and its keys named.
 */
public final class OutboxReplay {
    private final OutboxTable table;
    private final List<OutboxEntry> write = new ArrayList<>();
    private final Set<String> droppedKeys = new LinkedHashSet<>();
    private int dropped;
    /** The {@code rest} of the open write's first record. */
    private int restOfWrite;

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
        if (!write.isEmpty() && r.rest() != expectedRest()) {
            drop(); // a record of this write is missing: the write is not applied, a new one starts here
        }
        if (write.isEmpty()) {
            restOfWrite = r.rest();
        }
        write.add(r.entry());
        if (r.rest() == 0) {
            table.apply(write);
            write.clear();
        }
    }

    private int expectedRest() {
        return restOfWrite - write.size();
    }

    private void drop() {
        dropped += write.size();
        write.forEach(e -> droppedKeys.add(JournalLines.printable(e.item().key())));
        write.clear();
    }
}
