package vn.egov.sdk.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * What changed in the national catalogue since the last sync, by procedure code ({@code MATTHC}) and
 * {@linkplain Procedure#contentHash() content hash}: a vendor updates only these. Immutable.
 *
 * @param syncedAt when this sync read the catalogue
 * @param previousSync when the sync before it did, {@code null} for the first (then every procedure is added)
 * @param added procedures not there before, in the portal's order
 * @param changed procedures whose content differs from before, as they are now
 * @param removed procedures no longer listed, as they were
 * @param unchanged how many procedures are as before
 */
public record CatalogueChanges(Instant syncedAt, Instant previousSync, List<Procedure> added,
        List<Procedure> changed, List<Procedure> removed, int unchanged) {
    /**
     * Copies the lists.
     *
     * @param syncedAt when this sync read the catalogue
     * @param previousSync when the one before did, or {@code null}
     * @param added the added procedures
     * @param changed the changed procedures
     * @param removed the removed procedures
     * @param unchanged how many are as before
     * @throws ValidationException when a list or {@code syncedAt} is {@code null}
     */
    public CatalogueChanges {
        ValidationException.requireNonNull(syncedAt, "CatalogueChanges.syncedAt");
        added = List.copyOf(ValidationException.requireElements(added, "CatalogueChanges.added"));
        changed = List.copyOf(ValidationException.requireElements(changed, "CatalogueChanges.changed"));
        removed = List.copyOf(ValidationException.requireElements(removed, "CatalogueChanges.removed"));
    }

    /**
     * When the previous sync read the catalogue.
     *
     * @return the instant, or empty for the first sync
     */
    public Optional<Instant> previous() {
        return Optional.ofNullable(previousSync);
    }

    /**
     * Whether nothing changed.
     *
     * @return {@code true} when nothing was added, changed or removed
     */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    @Override
    public String toString() {
        return "CatalogueChanges[" + added.size() + " added, " + changed.size() + " changed, " + removed.size()
                + " removed, " + unchanged + " unchanged]";
    }
}
