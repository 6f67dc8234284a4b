package vn.egov.sdk.dossier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.CatalogueFile;

/**
 * A {@link CatalogueCache} in one JSON file, so a restart does not report the whole catalogue as added again.
 * {@code {"format": "vn.egov.sdk.catalogue/1", "syncedAt": "…Z", "procedures": [ …wire form… ]}}, UTF-8. A save
 * writes a temporary file beside it, forces it to disk and moves it over the old one atomically (where the file
 * system cannot, it replaces it), so a crash leaves the old snapshot or the new one, never half of one. Thread-safe
 * within one process; do not point two processes at the same file.
 */
public final class FileCatalogueCache implements CatalogueCache {
    private final Path file;

    /**
     * A cache in a file; its directory is created on the first save.
     *
     * @param file the snapshot file, for example {@code /var/lib/motcua/dvcqg-catalogue.json}
     * @throws ValidationException when {@code file} is {@code null}
     */
    public FileCatalogueCache(Path file) {
        this.file = ValidationException.requireNonNull(file, "file").toAbsolutePath();
    }

    /**
     * The snapshot file.
     *
     * @return its absolute path
     */
    public Path file() {
        return file;
    }

    /**
     * {@inheritDoc}
     *
     * @throws CatalogueCacheException when the file cannot be read, is larger than 256 MiB or is not a snapshot
     *     this class wrote
     */
    @Override
    public synchronized Optional<CatalogueSnapshot> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            if (Files.size(file) > CatalogueFile.MAX_BYTES) {
                throw new CatalogueCacheException("the catalogue snapshot " + file + " is larger than "
                        + CatalogueFile.MAX_BYTES + " bytes", false, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogueCacheException("cannot read the catalogue snapshot " + file + ": " + e, true, e);
        }
        return Optional.of(CatalogueFile.decode(bytes, file.toString()));
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException when {@code snapshot} is {@code null}
     * @throws CatalogueCacheException when the file cannot be written (the old one is kept)
     */
    @Override
    public synchronized void save(CatalogueSnapshot snapshot) {
        ValidationException.requireNonNull(snapshot, "snapshot");
        byte[] bytes = CatalogueFile.encode(snapshot);
        try {
            CatalogueFile.replace(file, bytes);
        } catch (IOException e) {
            throw new CatalogueCacheException("cannot write the catalogue snapshot " + file + ": " + e, true, e);
        }
    }

    @Override
    public String toString() {
        return "FileCatalogueCache[" + file + "]";
    }
}
