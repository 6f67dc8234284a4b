package vn.egov.sdk.spring.dossier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.dossier.CatalogueCache;
import vn.egov.sdk.dossier.CatalogueSync;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DossierStatusMapping;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierSyncBuilder;
import vn.egov.sdk.dossier.DrainLeadership;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgCatalogueClient;
import vn.egov.sdk.dossier.FileCatalogueCache;
import vn.egov.sdk.dossier.FileDossierOutbox;
import vn.egov.sdk.dossier.SyncListener;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;

/**
 * Auto-configures one-stop-shop dossier sync with the national public-service portal: binds
 * {@link EgovDossierProperties} ({@code egov.dossier.*}) and, only when {@code egov.dossier.url} is set (or the
 * application gives its own {@link DvcqgAdapterClient} bean):
 * <ul>
 *   <li>a {@link DvcqgAdapterClient} (client name {@code dossier} for the {@link EgovClientCustomizer}s), closed
 *       with the context;</li>
 *   <li>a {@link DvcqgCatalogueClient} and a {@link CatalogueSync} (its snapshot in the {@link CatalogueCache}
 *       bean, sdk-jdbc's or the application's, else in {@code egov.dossier.catalogue.cache-file}, else in memory)
 *       and, with
 *       {@code egov.dossier.catalogue.refresh-interval}, a {@link CatalogueRefreshLifecycle} handing the changes to
 *       the application's {@link CatalogueChangesHandler} bean;</li>
 *   <li>a {@link FileDossierOutbox} at {@code egov.dossier.outbox.file} when no {@link DossierOutbox} bean exists
 *       (sdk-jdbc's, ordered before this configuration, replaces it);</li>
 *   <li>a {@link DossierSync} on the client and the outbox, with the application's {@link DrainLeadership},
 *       {@link SyncListener} and {@link DossierStatusMapping} beans if any;</li>
 *   <li>its drain as a {@link DossierSyncLifecycle} (unless {@code egov.dossier.sync.enabled=false}): started with
 *       the context, drained and stopped with it.</li>
 * </ul>
 * Every bean is {@code @ConditionalOnMissingBean}: an application's own bean of the type replaces the starter's.
 */
@AutoConfiguration(after = EgovAxisAutoConfiguration.class)
@ConditionalOnClass(DvcqgAdapterClient.class)
@EnableConfigurationProperties(EgovDossierProperties.class)
public class EgovDossierAutoConfiguration {
    /** Created by Spring. */
    public EgovDossierAutoConfiguration() {
        // configuration class
    }

    /**
     * The portal's adapter client, configured from {@code egov.dossier.*}.
     *
     * @param properties the bound (and validated) properties
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.dossier", name = "url")
    public DvcqgAdapterClient egovDossierClient(EgovDossierProperties properties,
            ObjectProvider<EgovClientCustomizer> customizers) {
        return DvcqgAdapterClient.builder()
                .settings(ClientSettingsFactory.settings("dossier", properties, customizers))
                .account(properties.getUsername(), properties.getPassword())
                .madonvi(properties.getMadonvi())
                .dstcode(properties.getDstcode())
                .sessionLifetime(properties.getSessionLifetime())
                .build();
    }

    /**
     * The national catalogue's client, on the adapter client.
     *
     * @param adapter the adapter client
     * @return the catalogue client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DvcqgAdapterClient.class)
    public DvcqgCatalogueClient egovCatalogueClient(DvcqgAdapterClient adapter) {
        return DvcqgCatalogueClient.builder(adapter).build();
    }

    /**
     * The local copy of the national catalogue, saying what changed at each sync.
     *
     * A {@link CatalogueCache} bean (sdk-jdbc's, or the application's) keeps its snapshot; else the file at
     * {@code egov.dossier.catalogue.cache-file}; else memory.
     *
     * @param properties the bound properties
     * @param client the catalogue client
     * @param cache the application's (or sdk-jdbc's) catalogue cache, if any
     * @return the catalogue sync
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DvcqgCatalogueClient.class)
    public CatalogueSync egovCatalogueSync(EgovDossierProperties properties, DvcqgCatalogueClient client,
            ObjectProvider<CatalogueCache> cache) {
        EgovDossierProperties.Catalogue settings = properties.getCatalogue();
        CatalogueSync.Builder b = CatalogueSync.builder(client).fetchDetails(settings.isFetchDetails());
        CatalogueCache own = cache.getIfUnique();
        if (own != null) {
            b.cache(own);
        } else if (settings.getCacheFile() != null) {
            b.cache(new FileCatalogueCache(settings.getCacheFile()));
        }
        return b.build();
    }

    /**
     * The catalogue's background refresh, when {@code egov.dossier.catalogue.refresh-interval} is set.
     *
     * @param properties the bound properties
     * @param catalogue the catalogue sync
     * @param handler the application's handler of the changes, if any
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CatalogueSync.class)
    @ConditionalOnProperty(prefix = "egov.dossier.catalogue", name = "refresh-interval")
    public CatalogueRefreshLifecycle egovCatalogueRefresh(EgovDossierProperties properties, CatalogueSync catalogue,
            ObjectProvider<CatalogueChangesHandler> handler) {
        CatalogueChangesHandler apply = handler.getIfAvailable(() -> changes -> { });
        return new CatalogueRefreshLifecycle(catalogue, apply, properties.getCatalogue().getRefreshInterval(),
                properties.getSync().getStopTimeout());
    }

    /**
     * The file outbox, when the application (or sdk-jdbc) gives no {@link DossierOutbox} bean.
     *
     * @param properties the bound properties
     * @return the outbox; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DossierOutbox.class)
    @ConditionalOnBean(DvcqgAdapterClient.class)
    public FileDossierOutbox egovDossierOutbox(EgovDossierProperties properties) {
        EgovDossierProperties.Outbox outbox = properties.getOutbox();
        return FileDossierOutbox.builder(outbox.getFile()).retention(outbox.getRetention()).build();
    }

    /**
     * The sync that records each change in the outbox and drains it to the portal.
     *
     * @param properties the bound properties
     * @param client the adapter client, the sync's transport
     * @param outbox the outbox
     * @param leadership the application's drain leadership (several nodes on one outbox), if any
     * @param listener the application's listener of each entry's outcome, if any
     * @param statusMapping the application's mapping of its own statuses, if any
     * @return the sync
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({DvcqgAdapterClient.class, DossierOutbox.class})
    public DossierSync egovDossierSync(EgovDossierProperties properties, DvcqgAdapterClient client,
            DossierOutbox outbox, ObjectProvider<DrainLeadership> leadership, ObjectProvider<SyncListener> listener,
            ObjectProvider<DossierStatusMapping> statusMapping) {
        EgovDossierProperties.Sync settings = properties.getSync();
        DossierSyncBuilder b = DossierSync.builder(client).outbox(outbox)
                .loopInterval(settings.getInterval())
                .loopMaxBackoff(settings.getMaxBackoff())
                .closeTimeout(settings.getStopTimeout())
                .batchSize(settings.getBatchSize())
                .maxAttempts(settings.getMaxAttempts());
        leadership.ifAvailable(b::leadership);
        listener.ifAvailable(b::listener);
        statusMapping.ifAvailable(b::statusMapping);
        return b.build();
    }

    /**
     * The sync's drain, run with the context.
     *
     * @param properties the bound properties
     * @param sync the sync
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DossierSync.class)
    @ConditionalOnProperty(prefix = "egov.dossier.sync", name = "enabled", havingValue = "true", matchIfMissing = true)
    public DossierSyncLifecycle egovDossierSyncLifecycle(EgovDossierProperties properties, DossierSync sync) {
        return new DossierSyncLifecycle(sync, properties.getSync().isDrainOnStop());
    }
}
