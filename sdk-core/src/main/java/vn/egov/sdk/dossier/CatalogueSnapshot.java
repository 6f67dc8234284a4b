package vn.egov.sdk.dossier;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The national catalogue's procedures as one sync read them, with when. Immutable; the procedures keep the portal's
 * order and their codes are unique.
 *
 * @param syncedAt when the sync read them
 * @param procedures the procedures, each with a {@code MATTHC}, no code twice
 */
public record CatalogueSnapshot(Instant syncedAt, List<Procedure> procedures) {
    /**
     * Checks and copies.
     *
     * @param syncedAt when the sync read them
     * @param procedures the procedures
     * @throws ValidationException when a value is {@code null}, a procedure has no code or a code is there twice
     */
    public CatalogueSnapshot {
        ValidationException.requireNonNull(syncedAt, "CatalogueSnapshot.syncedAt");
        procedures = List.copyOf(ValidationException.requireElements(procedures, "CatalogueSnapshot.procedures"));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < procedures.size(); i++) {
            String code = procedures.get(i).code();
            String path = "CatalogueSnapshot.procedures[" + i + "].MATTHC";
            ValidationException.requireText(code, path);
            if (!seen.add(code)) {
                throw ValidationException.of("duplicate", path, path + " is there twice");
            }
        }
    }

    /**
     * One procedure.
     *
     * @param maTTHC its code
     * @return the procedure, or empty
     */
    public Optional<Procedure> procedure(String maTTHC) {
        return procedures.stream().filter(p -> p.code().equals(maTTHC)).findFirst();
    }

    /**
     * The {@linkplain Procedure#contentHash() content hash} of each procedure, by code, in the snapshot's order.
     *
     * @return a new unmodifiable map
     */
    public Map<String, String> hashes() {
        Map<String, String> out = new LinkedHashMap<>();
        procedures.forEach(p -> out.put(p.code(), p.contentHash()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The snapshot as the caches store it: UTF-8 JSON with a format tag, the sync time and the procedures in their
     * wire form (what {@link FileCatalogueCache} writes, and what a cache in a database keeps).
     *
     * @return the JSON bytes
     * @throws CatalogueCacheException if it cannot be written
     */
    public byte[] toJson() {
        return vn.egov.sdk.dossier.internal.CatalogueFile.encode(this);
    }

    /**
     * Reads a snapshot written by {@link #toJson()}, within the caches' size and depth limits.
     *
     * @param json the bytes
     * @param where where they came from, for the message (a file, a table row)
     * @return the snapshot
     * @throws CatalogueCacheException (not retryable) naming {@code where} when the bytes are not such a snapshot
     */
    public static CatalogueSnapshot parse(byte[] json, String where) {
        vn.egov.sdk.core.ValidationException.requireNonNull(json, "json");
        return vn.egov.sdk.dossier.internal.CatalogueFile.decode(json, where == null ? "" : where);
    }

    @Override
    public String toString() {
        return "CatalogueSnapshot[" + syncedAt + ", " + procedures.size() + " procedures]";
    }
}
