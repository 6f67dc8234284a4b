package vn.egov.sdk.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;

/**
 * Keeps a local copy of the national catalogue of procedures and says what changed since the last sync, so a vendor
 * updates only those procedures.
 *
 * <p>Each {@link #sync} reads every procedure through a {@link DvcqgCatalogueClient} ({@code LayDanhSachTTHC}, page
 * by page when it is so configured; with {@link Builder#fetchDetails(boolean)} also {@code LayThuTuc} for each, for a
 * portal whose list holds summaries), compares each procedure's {@linkplain Procedure#contentHash() content hash}
 * with the snapshot in the {@link CatalogueCache}, and reports the {@link CatalogueChanges}: added, changed and
 * removed procedures. The portal has no "changed since" parameter that we know of, so the whole list is read every
 * time and the comparison is local.
 *
 * <p>{@link #sync(Consumer)} hands the changes to the vendor's code first and saves the new snapshot only when that
 * returns normally: if applying fails (or the process dies), the next sync reports the same changes again. A read
 * that fails saves nothing. A portal answering an empty list while procedures are cached is refused (an outage
 * would otherwise remove the whole catalogue) unless {@link Builder#allowEmpty(boolean)}. A procedure without
 * {@code MATTHC} cannot be tracked and is left out; one listed twice is kept once (the first). One sync runs at a
 * time per instance; thread-safe.
 *
 * <pre>{@code
 * CatalogueSync sync = CatalogueSync.builder(DvcqgCatalogueClient.builder(adapter).build())
 *         .cache(new FileCatalogueCache(Path.of("/var/lib/motcua/dvcqg-catalogue.json")))
 *         .build();
 * sync.sync(changes -> vendorCatalogue.apply(changes.added(), changes.changed(), changes.removed()));
 * }</pre>
 */
public final class CatalogueSync {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSync.class);

    private final DvcqgCatalogueClient client;
    private final CatalogueCache cache;
    private final Clock clock;
    private final boolean fetchDetails;
    private final boolean allowEmpty;

    private CatalogueSync(Builder b) {
        this.client = b.client;
        this.cache = b.cache;
        this.clock = b.clock;
        this.fetchDetails = b.fetchDetails;
        this.allowEmpty = b.allowEmpty;
    }

    /**
     * A builder over a catalogue client.
     *
     * @param client the client that reads the catalogue
     * @return a new builder: an {@link InMemoryCatalogueCache}, the system clock, no details, empty lists refused
     * @throws ValidationException when {@code client} is {@code null}
     */
    public static Builder builder(DvcqgCatalogueClient client) {
        return new Builder(ValidationException.requireNonNull(client, "client"));
    }

    /**
     * Reads the catalogue, saves it as the new snapshot and returns what changed.
     *
     * @return the changes since the last sync (everything added on the first)
     * @throws AdapterException when the portal refuses or fails, or answers an empty list while procedures are
     *     cached; nothing is saved
     * @throws DossierFormatException when the portal's answer is not a list of procedures; nothing is saved
     * @throws CatalogueCacheException when the cache cannot be read or written
     */
    public CatalogueChanges sync() {
        return sync(changes -> { });
    }

    /**
     * Reads the catalogue, hands what changed to {@code apply}, and saves the new snapshot only when it returns
     * normally.
     *
     * @param apply the vendor's update of its own catalogue; an exception it throws leaves the snapshot as it was
     *     and reaches the caller
     * @return the changes since the last sync
     * @throws ValidationException when {@code apply} is {@code null}
     * @throws AdapterException when the portal refuses or fails, or answers an empty list while procedures are
     *     cached; nothing is saved
     * @throws DossierFormatException when the portal's answer is not a list of procedures; nothing is saved
     * @throws CatalogueCacheException when the cache cannot be read or written
     */
    public synchronized CatalogueChanges sync(Consumer<CatalogueChanges> apply) {
        ValidationException.requireNonNull(apply, "apply");
        Optional<CatalogueSnapshot> before = cache.load();
        Instant now = clock.instant();
        List<Procedure> read = read();
        if (read.isEmpty() && !allowEmpty && before.map(s -> !s.procedures().isEmpty()).orElse(false)) {
            throw new AdapterException("the portal listed no procedure while " + before.get().procedures().size()
                    + " are cached: not treated as removing them all (allowEmpty to accept an empty catalogue)",
                    ErrorDetails.of(Fault.PLATFORM, true), null, DvcqgAdapterClient.PROCEDURES, null, false);
        }
        CatalogueSnapshot after = new CatalogueSnapshot(now, read);
        CatalogueChanges changes = compare(before.orElse(null), after);
        apply.accept(changes);
        cache.save(after);
        LOG.debug("DVCQG catalogue synced: {}", changes);
        return changes;
    }

    /**
     * The snapshot the last sync saved, to read the local catalogue without calling the portal.
     *
     * @return the snapshot, or empty before the first sync
     * @throws CatalogueCacheException when the cache cannot be read
     */
    public Optional<CatalogueSnapshot> snapshot() {
        return cache.load();
    }

    private List<Procedure> read() {
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        int untracked = 0;
        for (Procedure p : client.procedures()) {
            if (p.code() == null || p.code().isBlank()) {
                untracked++;
            } else if (byCode.putIfAbsent(p.code(), p) != null) {
                LOG.debug("DVCQG catalogue lists procedure {} twice; the first is kept", p.code());
            }
        }
        if (untracked > 0) {
            LOG.warn("DVCQG catalogue: {} procedure(s) without MATTHC left out", untracked);
        }
        if (!fetchDetails) {
            return List.copyOf(byCode.values());
        }
        List<Procedure> detailed = new ArrayList<>(byCode.size());
        byCode.keySet().forEach(code -> detailed.add(client.procedure(code)));
        return detailed;
    }

    private static CatalogueChanges compare(CatalogueSnapshot before, CatalogueSnapshot after) {
        Map<String, String> old = before == null ? Map.of() : before.hashes();
        List<Procedure> added = new ArrayList<>();
        List<Procedure> changed = new ArrayList<>();
        int unchanged = 0;
        for (Procedure p : after.procedures()) {
            String hash = old.get(p.code());
            if (hash == null) {
                added.add(p);
            } else if (!hash.equals(p.contentHash())) {
                changed.add(p);
            } else {
                unchanged++;
            }
        }
        List<Procedure> removed = new ArrayList<>();
        if (before != null) {
            java.util.Set<String> now = after.hashes().keySet();
            before.procedures().stream().filter(p -> !now.contains(p.code())).forEach(removed::add);
        }
        return new CatalogueChanges(after.syncedAt(), before == null ? null : before.syncedAt(), added, changed,
                removed, unchanged);
    }

    @Override
    public String toString() {
        return "CatalogueSync[" + cache + "]";
    }

    /** Builds a {@link CatalogueSync}; get one from {@link CatalogueSync#builder}. Not thread-safe. */
    public static final class Builder {
        private final DvcqgCatalogueClient client;
        private CatalogueCache cache = new InMemoryCatalogueCache();
        private Clock clock = Clock.systemUTC();
        private boolean fetchDetails;
        private boolean allowEmpty;

        private Builder(DvcqgCatalogueClient client) {
            this.client = client;
        }

        /**
         * Sets where the snapshot is kept.
         *
         * @param cache the cache, an {@link InMemoryCatalogueCache} by default
         * @return this builder
         * @throws ValidationException when {@code cache} is {@code null}
         */
        public Builder cache(CatalogueCache cache) {
            this.cache = ValidationException.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Sets the clock that stamps each snapshot.
         *
         * @param clock the clock, the system's by default
         * @return this builder
         * @throws ValidationException when {@code clock} is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = ValidationException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether to read each procedure with {@code LayThuTuc} after listing them, for a portal whose list holds
         * only summaries (one more call per procedure).
         *
         * @param fetchDetails {@code true} to read each; {@code false} by default
         * @return this builder
         */
        public Builder fetchDetails(boolean fetchDetails) {
            this.fetchDetails = fetchDetails;
            return this;
        }

        /**
         * Whether an empty list from the portal may remove every cached procedure.
         *
         * @param allowEmpty {@code true} to accept it; {@code false} (refused as a portal failure) by default
         * @return this builder
         */
        public Builder allowEmpty(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
            return this;
        }

        /**
         * The sync.
         *
         * @return a new sync
         */
        public CatalogueSync build() {
            return new CatalogueSync(this);
        }
    }
}
