package vn.egov.sdk.spring.dossier;

import vn.egov.sdk.dossier.CatalogueChanges;

/**
 * The application's code that applies what changed in the national catalogue, called by the starter's background
 * refresh ({@code egov.dossier.catalogue.refresh-interval}). Define one as a bean. The new snapshot is saved only
 * when it returns normally: if it throws, the next refresh reports the same changes again.
 */
@FunctionalInterface
public interface CatalogueChangesHandler {
    /**
     * Applies the procedures added, changed and removed since the last refresh (everything added on the first).
     *
     * @param changes the changes
     */
    void apply(CatalogueChanges changes);
}
