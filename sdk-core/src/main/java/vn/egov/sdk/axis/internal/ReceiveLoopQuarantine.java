package vn.egov.sdk.axis.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.core.Causes;

/**
 * Keeps the raw bytes of a quarantined package in a directory, fetched with
 * {@link DocumentAxisClient#fetchTo} (which does not parse them): written to a hidden {@code .part} file, fsync'ed,
 * then moved to its name atomically, with a small {@code .txt} beside it saying why. File names are safe whatever
 * the docId holds: only {@code [A-Za-z0-9._-]} of it are kept (anything else becomes {@code _}, at most 64
 * characters, no leading dot), followed by {@code -} and 16 hex digits of the docId's SHA-256 so that different
 * docIds never share a file.
 */
public final class ReceiveLoopQuarantine {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.receive");
    private static final int MAX_NAME_CHARS = 64;

    private final DocumentAxisClient client;
    private final Path dir;

    /**
     * A quarantine.
     *
     * @param client the axis, to fetch raw bytes from
     * @param dir the directory (created when first needed)
     */
    public ReceiveLoopQuarantine(DocumentAxisClient client, Path dir) {
        this.client = client;
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Where a package's bytes were kept, or why they could not be.
     *
     * @param file the file, if kept
     * @param notKept why not, if not
     */
    public record Kept(Optional<Path> file, Optional<String> notKept) {
    }

    /**
     * The file name of a docId's bytes.
     *
     * @param docId any text
     * @return a name of {@code [A-Za-z0-9._-]} characters that is never {@code .}, {@code ..} or hidden
     */
    public static String fileName(String docId) {
        StringBuilder s = new StringBuilder();
        docId.codePoints().limit(MAX_NAME_CHARS).forEach(c -> s.append(
                c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? (char) c : '_'));
        if (s.length() > 0 && s.charAt(0) == '.') {
            s.setCharAt(0, '_');
        }
        return s + "-" + sha256(docId).substring(0, 16) + ".edxml";
    }

    /**
     * Keeps a package's raw bytes (once: bytes already kept are not fetched again) and a note beside them. Never
     * throws: any failure, whatever was thrown, is returned as the reason.
     *
     * @param docId the axis id
     * @param attempts the attempts made, for the note
     * @param lastFailure the last failure, for the note
     * @return where the bytes are, or why they are not
     */
    public Kept keep(String docId, int attempts, String lastFailure) {
        String name = fileName(docId);
        Path target = dir.resolve(name);
        Path part = dir.resolve("." + name + ".part");
        if (!dir.equals(target.getParent())) {
            return notKept("no safe file name for the docId");
        }
        try {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch))) {
                    client.fetchTo(docId, out);
                    out.flush();
                    ch.force(true);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                syncDirectory();
            }
        } catch (Throwable t) { // whatever keeping the bytes throws, the quarantine goes on without them
            deleteQuietly(part);
            return notKept(describe(t));
        }
        writeNote(dir.resolve(name.substring(0, name.length() - ".edxml".length()) + ".txt"), docId, attempts,
                lastFailure);
        return new Kept(Optional.of(target), Optional.empty());
    }

    private Kept notKept(String why) {
        return new Kept(Optional.empty(), Optional.of("could not keep the bytes in " + dir + ": " + why));
    }

    private static void writeNote(Path note, String docId, int attempts, String lastFailure) {
        String text = "docId: " + CheckpointRecords.printable(docId) + "\nattempts: " + attempts
                + "\nlast failure: " + CheckpointRecords.printable(lastFailure)
                + "\nquarantined: acknowledged fail to the axis, never handed over again\n";
        try {
            Files.write(note, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not write the quarantine note {}: {}", note, e.toString());
        }
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync not supported for {}: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // a leftover .part file is overwritten by the next try
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * A throwable in words: its class and message, on one line.
     *
     * @param t any throwable
     * @return the description
     */
    public static String describe(Throwable t) {
        return CheckpointRecords.printable(Causes.describeWithType(t));
    }
}
