package vn.egov.sdk.core.internal.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What reading a journal found (the stores turn it into their public recovery report).
 *
 * @param recordsRecovered records read intact
 * @param recordsLost records that could not be read
 * @param bytesLost bytes that belonged to no intact record or header
 * @param keysAffected keys named in damaged records
 * @param headerDamaged whether the first line was not a journal header
 * @param unreadable why the file could not be read at all, if it could not
 * @param damagedCopy where the damaged file was kept, if it was damaged
 */
public record JournalDamage(int recordsRecovered, int recordsLost, long bytesLost, List<String> keysAffected,
        boolean headerDamaged, Optional<String> unreadable, Optional<Path> damagedCopy) {
    /**
     * The report of an intact journal.
     *
     * @param records the records read
     * @return a report with nothing lost
     */
    public static JournalDamage intact(int records) {
        return new JournalDamage(records, 0, 0, List.of(), false, Optional.empty(), Optional.empty());
    }

    /**
     * One line for an operator (the wording the checkpoint store has always logged).
     *
     * @param recordsRecovered records read intact
     * @param recordsLost records that could not be read
     * @param bytesLost bytes lost
     * @param keysAffected keys named in damaged records
     * @param keyNoun what the keys are ("docIds")
     * @param headerDamaged whether the header was damaged
     * @param unreadable why the file was unreadable, if it was
     * @param damagedCopy where the damaged file was kept, if it was
     * @return the summary
     */
    public static String summary(int recordsRecovered, int recordsLost, long bytesLost, List<String> keysAffected,
            String keyNoun, boolean headerDamaged, Optional<String> unreadable, Optional<Path> damagedCopy) {
        if (recordsLost == 0 && bytesLost == 0 && !headerDamaged && unreadable.isEmpty()) {
            return "intact: " + recordsRecovered + " record(s) read";
        }
        StringBuilder s = new StringBuilder();
        unreadable.ifPresent(u -> s.append("unreadable (").append(u).append("); "));
        s.append("recovered ").append(recordsRecovered).append(" record(s); lost ").append(recordsLost)
                .append(" record(s) and ").append(bytesLost).append(" byte(s)");
        if (headerDamaged) {
            s.append("; header damaged");
        }
        if (!keysAffected.isEmpty()) {
            s.append("; ").append(keyNoun).append(" named in damaged records: ")
                    .append(String.join(", ", keysAffected.subList(0, Math.min(20, keysAffected.size()))));
            if (keysAffected.size() > 20) {
                s.append(" and ").append(keysAffected.size() - 20).append(" more");
            }
        }
        damagedCopy.ifPresent(p -> s.append("; damaged file kept as ").append(p));
        return s.toString();
    }
}
