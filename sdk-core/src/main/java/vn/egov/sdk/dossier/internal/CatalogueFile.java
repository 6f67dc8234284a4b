package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.LimitedJson;
import vn.egov.sdk.dossier.CatalogueCacheException;
import vn.egov.sdk.dossier.CatalogueSnapshot;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.Procedure;

/** The file form of a {@link CatalogueSnapshot} and its atomic replacement. */
public final class CatalogueFile {
    /** The format tag written and required. */
    public static final String FORMAT = "vn.egov.sdk.catalogue/1";
    /** The largest snapshot file read. */
    public static final int MAX_BYTES = 256 * 1024 * 1024;
    private static final LimitedJson READER = new LimitedJson(MAX_BYTES, 16, 4 * 1024 * 1024, 50_000_000);

    private CatalogueFile() {
    }

    /** The file's bytes. */
    public static byte[] encode(CatalogueSnapshot snapshot) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("syncedAt", snapshot.syncedAt().toString());
        ArrayNode list = root.putArray("procedures");
        snapshot.procedures().forEach(p -> list.add(p.toWire()));
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new CatalogueCacheException("cannot write the catalogue snapshot as JSON: " + e.getMessage(), false,
                    e);
        }
    }

    /** The snapshot of the file's bytes, or a cache exception naming {@code where}. */
    public static CatalogueSnapshot decode(byte[] bytes, String where) {
        JsonNode root = READER.read(bytes, (problem, at) -> new CatalogueCacheException("the catalogue snapshot "
                + where + " is not readable JSON (" + problem + "); delete it to sync from scratch", false, null));
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new CatalogueCacheException("the catalogue snapshot " + where + " is not in the format " + FORMAT
                    + "; delete it to sync from scratch", false, null);
        }
        try {
            Instant syncedAt = Instant.parse(root.path("syncedAt").asText());
            return new CatalogueSnapshot(syncedAt, Procedure.parseAll(root.get("procedures")));
        } catch (DateTimeParseException | DossierFormatException | vn.egov.sdk.core.ValidationException e) {
            throw new CatalogueCacheException("the catalogue snapshot " + where + " is damaged ("
                    + e.getMessage() + "); delete it to sync from scratch", false, e);
        }
    }

    /** Writes {@code bytes} beside {@code file}, forces them to disk and moves them over it. */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
