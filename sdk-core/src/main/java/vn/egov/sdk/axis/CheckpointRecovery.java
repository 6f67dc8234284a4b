package vn.egov.sdk.axis;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.journal.JournalDamage;

/**
 * What a {@link FileCheckpointStore} found when it opened its journal: how many records it read, and, when the file
 * was damaged, exactly what could not be recovered and where the damaged file was kept.
 *
 * <p>Records are numbered in the file, so a damaged or missing stretch inside the file is counted exactly. A file
 * cut short is different: the record the cut went through counts as lost, but records that were after the cut
 * leave no trace and cannot be counted. A record whose mark never returned (a crash during the append) is
 * harmless: the loop never acted on it.
 *
 * @param recordsRecovered records read intact (each verified by its CRC-32)
 * @param recordsLost records that could not be read (see above for a file cut short)
 * @param bytesLost bytes of the file that belonged to no intact record or header
 * @param docIdsAffected docIds named in damaged records (read from unverified bytes, so possibly themselves
 *        damaged): their latest change may be lost, so their entry may be older than it was, or missing
 * @param headerDamaged whether the file's first line was not the journal header
 * @param unreadable why the file could not be read at all, if it could not (it was then moved aside whole)
 * @param damagedCopy where the damaged file was kept (next to the journal, named
 *        {@code <journal>.damaged-<UTC time>}), if it was damaged
 */
public record CheckpointRecovery(int recordsRecovered, int recordsLost, long bytesLost, List<String> docIdsAffected,
        boolean headerDamaged, Optional<String> unreadable, Optional<Path> damagedCopy) {
    /**
     * Validates the components and copies the list.
     *
     * @param recordsRecovered records read intact, zero or more
     * @param recordsLost records that could not be read, zero or more
     * @param bytesLost bytes that belonged to no intact record or header, zero or more
     * @param docIdsAffected docIds named in damaged records, non-null (copied; empty if none)
     * @param headerDamaged whether the file's first line was not the journal header
     * @param unreadable why the file could not be read at all, non-null (empty if it could)
     * @param damagedCopy where the damaged file was kept, non-null (empty if it was not damaged)
     * @throws ValidationException if a count is negative or a list or optional is null
     */
    public CheckpointRecovery {
        if (recordsRecovered < 0 || recordsLost < 0 || bytesLost < 0) {
            throw ValidationException.of("checkpointRecovery.count.negative", "recordsLost",
                    "counts must be >= 0");
        }
        docIdsAffected = List.copyOf(ValidationException.requireNonNull(docIdsAffected,
                "CheckpointRecovery.docIdsAffected"));
        ValidationException.requireNonNull(unreadable, "CheckpointRecovery.unreadable");
        ValidationException.requireNonNull(damagedCopy, "CheckpointRecovery.damagedCopy");
    }

    /**
     * The recovery of an intact journal.
     *
     * @param records the records read
     * @return a report with nothing lost
     */
    public static CheckpointRecovery intact(int records) {
        return new CheckpointRecovery(records, 0, 0, List.of(), false, Optional.empty(), Optional.empty());
    }

    /**
     * Whether nothing was damaged: every byte of the file was the header or an intact record.
     *
     * @return true if nothing was lost, the header was intact and the file was readable
     */
    public boolean clean() {
        return recordsLost == 0 && bytesLost == 0 && !headerDamaged && unreadable.isEmpty();
    }

    /**
     * One line for an operator: what was recovered, what was lost (at most 20 docIds named) and where the damaged
     * file is.
     *
     * @return the summary
     */
    public String summary() {
        return JournalDamage.summary(recordsRecovered, recordsLost, bytesLost, docIdsAffected, "docIds",
                headerDamaged, unreadable, damagedCopy);
    }
}
