package vn.egov.sdk.dossier;

import java.util.Optional;

/**
 * Where {@link CatalogueSync} keeps the national catalogue between syncs: the last {@link CatalogueSnapshot} it
 * saved. Implementations: {@link InMemoryCatalogueCache} (lost on restart: every procedure is "added" again) and
 * {@link FileCatalogueCache} (a JSON file, replaced atomically); a vendor may keep it in its own database.
 *
 * <p>Implementations must be thread-safe and hand out snapshots that later saves do not change; a save replaces the
 * whole snapshot at once or not at all.
 */
public interface CatalogueCache {
    /**
     * The last snapshot saved.
     *
     * @return the snapshot, or empty when none was ever saved
     * @throws CatalogueCacheException when it cannot be read
     */
    Optional<CatalogueSnapshot> load();

    /**
     * Replaces the snapshot, whole.
     *
     * @param snapshot the new snapshot
     * @throws CatalogueCacheException when it cannot be written (the previous one is then kept)
     */
    void save(CatalogueSnapshot snapshot);
}
