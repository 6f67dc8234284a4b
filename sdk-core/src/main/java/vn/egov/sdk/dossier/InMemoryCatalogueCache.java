package vn.egov.sdk.dossier;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import vn.egov.sdk.core.ValidationException;

/** A {@link CatalogueCache} in memory: the default, lost when the process ends. Thread-safe. */
public final class InMemoryCatalogueCache implements CatalogueCache {
    private final AtomicReference<CatalogueSnapshot> snapshot = new AtomicReference<>();

    /** An empty cache. */
    public InMemoryCatalogueCache() {
        // nothing saved yet
    }

    @Override
    public Optional<CatalogueSnapshot> load() {
        return Optional.ofNullable(snapshot.get());
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException when {@code snapshot} is {@code null}
     */
    @Override
    public void save(CatalogueSnapshot snapshot) {
        this.snapshot.set(ValidationException.requireNonNull(snapshot, "snapshot"));
    }

    @Override
    public String toString() {
        CatalogueSnapshot s = snapshot.get();
        return "InMemoryCatalogueCache[" + (s == null ? "empty" : s.procedures().size() + " procedures") + "]";
    }
}
