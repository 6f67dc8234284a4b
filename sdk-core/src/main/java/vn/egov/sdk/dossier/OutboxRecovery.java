package vn.egov.sdk.dossier;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.journal.JournalDamage;

/**
 * What a {@link FileDossierOutbox} found when it opened its journal: how many records it read, and, when the file
 * was damaged, exactly what could not be recovered and where the damaged file was kept.
 *
 * <p>Records are numbered in the file, so a damaged or missing stretch inside the file is counted exactly; of a
 * file cut short, the record the cut went through counts as lost, and records after the cut leave no trace. A
 * write of several entries (one {@code enqueue} or {@code mark…} call) is applied whole or not at all: its intact
 * records are dropped when one of them is missing, and counted in {@link #recordsOfUnfinishedWrites()}. A write cut
 * off at the end of the file is one whose call never returned, so nothing acted on it.
 *
 * @param recordsRecovered records read intact (each verified by its CRC-32)
 * @param recordsLost records that could not be read
 * @param bytesLost bytes of the file that belonged to no intact record or header
 * @param keysAffected idempotency keys named in damaged records or in dropped writes (read from unverified bytes,
 *        so possibly themselves damaged): their entry may be older than it was, or missing
 * @param recordsOfUnfinishedWrites intact records dropped because the write they belonged to is incomplete
 * @param headerDamaged whether the file's first line was not the journal header
 * @param unreadable why the file could not be read at all, if it could not (it was then moved aside whole)
 * @param damagedCopy where the damaged file was kept ({@code <journal>.damaged-<UTC time>}), if it was damaged
 */
public record OutboxRecovery(int recordsRecovered, int recordsLost, long bytesLost, List<String> keysAffected,
        int recordsOfUnfinishedWrites, boolean headerDamaged, Optional<String> unreadable,
        Optional<Path> damagedCopy) {
    /**
     * Validates the components and copies the list.
     *
     * @param recordsRecovered records read intact, zero or more
     * @param recordsLost records that could not be read, zero or more
     * @param bytesLost bytes lost, zero or more
     * @param keysAffected keys named in damaged records or dropped writes, non-null (copied)
     * @param recordsOfUnfinishedWrites intact records dropped with an incomplete write, zero or more
     * @param headerDamaged whether the header was damaged
     * @param unreadable why the file could not be read, non-null (empty if it could)
     * @param damagedCopy where the damaged file was kept, non-null (empty if it was not damaged)
     * @throws ValidationException if a count is negative or a list or optional is null
     */
    public OutboxRecovery {
        if (recordsRecovered < 0 || recordsLost < 0 || bytesLost < 0 || recordsOfUnfinishedWrites < 0) {
            throw ValidationException.of("outboxRecovery.count.negative", "recordsLost", "counts must be >= 0");
        }
        keysAffected = List.copyOf(ValidationException.requireNonNull(keysAffected, "OutboxRecovery.keysAffected"));
        ValidationException.requireNonNull(unreadable, "OutboxRecovery.unreadable");
        ValidationException.requireNonNull(damagedCopy, "OutboxRecovery.damagedCopy");
    }

    /**
     * Whether nothing was damaged or dropped.
     *
     * @return true if every byte was the header or an intact record of a complete write
     */
    public boolean clean() {
        return recordsLost == 0 && bytesLost == 0 && recordsOfUnfinishedWrites == 0 && !headerDamaged
                && unreadable.isEmpty();
    }

    /**
     * One line for an operator: what was recovered, what was lost (at most 20 keys named) and where the damaged
     * file is.
     *
     * @return the summary
     */
    public String summary() {
        String s = JournalDamage.summary(recordsRecovered, recordsLost, bytesLost, keysAffected, "keys",
                headerDamaged, unreadable, damagedCopy);
        return recordsOfUnfinishedWrites == 0 ? s
                : s + "; " + recordsOfUnfinishedWrites + " intact record(s) of unfinished writes dropped";
    }
}
