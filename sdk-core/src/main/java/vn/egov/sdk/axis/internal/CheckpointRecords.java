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
 * {@code <crc32 hex>\t<updatedAt epoch ms>\t<STATE>\t<attempts>\t<docId>\t<lastError>\n}, the two texts
 * percent-encoded (UTF-8) so they hold no tab or newline, the CRC-32 taken over everything after the first tab.
 */
public final class CheckpointRecords {
    /** The first line of every journal file. */
    public static final String HEADER = "EGOV-CHECKPOINT-JOURNAL 1";

    private CheckpointRecords() {
    }

    /** The line of an entry, with its newline. */
    public static String encode(CheckpointEntry e) {
        String body = e.updatedAt().toEpochMilli() + "\t" + e.state().name() + "\t" + e.attempts() + "\t"
                + URLEncoder.encode(e.docId(), StandardCharsets.UTF_8) + "\t"
                + URLEncoder.encode(e.lastError(), StandardCharsets.UTF_8);
        return crc(body) + "\t" + body + "\n";
    }

    /**
     * The entry of a line (without its newline), or empty when the line is torn or corrupt.
     *
     * @param line one line of the journal
     * @return the entry, if the line is whole and its checksum matches
     */
    public static Optional<CheckpointEntry> decode(String line) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
            return Optional.empty();
        }
        String body = line.substring(tab + 1);
        if (!line.substring(0, tab).equals(crc(body))) {
            return Optional.empty();
        }
        String[] f = body.split("\t", -1);
        if (f.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CheckpointEntry(URLDecoder.decode(f[3], StandardCharsets.UTF_8),
                    CheckpointState.valueOf(f[1]), Integer.parseInt(f[2]),
                    URLDecoder.decode(f[4], StandardCharsets.UTF_8), Instant.ofEpochMilli(Long.parseLong(f[0]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
