package vn.egov.sdk.spring.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveCoordinator;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.dossier.CatalogueCache;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DrainLeadership;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.jdbc.DuplicateCheck;
import vn.egov.sdk.jdbc.JdbcCatalogueCache;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;
import vn.egov.sdk.jdbc.JdbcDossierOutbox;
import vn.egov.sdk.jdbc.JdbcDrainLeadership;
import vn.egov.sdk.jdbc.JdbcPaymentStore;
import vn.egov.sdk.jdbc.JdbcPendingLoginStore;
import vn.egov.sdk.jdbc.JdbcReceiveCoordinator;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcSendOutbox;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.jdbc.SendOutboxRelay;
import vn.egov.sdk.jdbc.TransactionalPackageHandler;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.spring.jdbc.internal.NodeIds;
import vn.egov.sdk.spring.jdbc.internal.RelayAxes;

/**
 * Auto-configures the SDK's stores on the application's PostgreSQL ({@code sdk-jdbc}) when the application has one
 * {@link DataSource} (Boot's, or its own) and {@code egov.jdbc.enabled} is not {@code false}: every JDBC store as the
 * bean of its SDK interface ({@link CheckpointStore}, {@link DossierOutbox} with a {@link DrainLeadership},
 * {@link CatalogueCache}, {@link PendingLoginStore}, and {@code PaymentStore} when sdk-payment is present), each
 * replaced by an application's own bean of that interface; the {@link JdbcSendOutbox} to record sends in the
 * application's transactions, and on every node a {@link SendOutboxRelayLifecycle} that sends them through an
 * axis client ({@code egov.jdbc.relay.axis}); with {@code egov.axis.receive.enabled=true} and an axis client, a
 * {@link JdbcReceiveCoordinator} that the receive loop uses so that the nodes share the axis inbox, and, for an
 * application's {@link TransactionalPackageHandler} bean, the {@link PackageHandler} that runs it in the checkpoint's
 * transaction.
 *
 * <p>Nothing creates a table unless {@code egov.jdbc.initialize-schema=true} ({@link JdbcSchema#install}); run the
 * scripts under {@code db/egov/postgresql} with your own Flyway otherwise. Ordered after Boot's
 * {@code DataSourceAutoConfiguration} (Boot 3 and Boot 4 names) and the axes, and before the receive loop, payment,
 * SSO and dossier auto-configurations, whose default stores give way to these.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "vn.egov.sdk.spring.EgovAxisAutoConfiguration", "vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration"},
        beforeName = {"vn.egov.sdk.spring.EgovReceiveAutoConfiguration",
                "vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration",
                "vn.egov.sdk.spring.identity.EgovSsoAutoConfiguration",
                "vn.egov.sdk.spring.dossier.EgovDossierAutoConfiguration"})
@ConditionalOnClass({JdbcTables.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "egov.jdbc", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EgovJdbcProperties.class)
public class EgovJdbcAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EgovJdbcAutoConfiguration.class);

    /** Created by Spring. */
    public EgovJdbcAutoConfiguration() {
        // configuration class
    }

    /**
     * The SDK's tables: their names, created or updated first when {@code egov.jdbc.initialize-schema=true}.
     *
     * @param dataSource the application's database
     * @param properties the bound properties
     * @return the schema
     * @throws IllegalStateException when the database refuses a script (nothing of it is kept)
     */
    @Bean
    @ConditionalOnMissingBean
    public EgovJdbcSchema egovJdbcSchema(DataSource dataSource, EgovJdbcProperties properties) {
        JdbcTables tables = new JdbcTables(properties.getTablePrefix());
        if (!properties.isInitializeSchema()) {
            return new EgovJdbcSchema(tables, List.of());
        }
        try {
            List<String> applied = JdbcSchema.install(dataSource, tables);
            LOG.info("egov.jdbc.initialize-schema: applied {} to the tables {}*", applied.isEmpty() ? "nothing"
                    : applied, tables.prefix());
            return new EgovJdbcSchema(tables, applied);
        } catch (SQLException e) {
            throw new IllegalStateException("egov.jdbc.initialize-schema=true but the SDK could not create its tables "
                    + tables.prefix() + "* (SQLState " + e.getSQLState() + ": " + e.getMessage() + ")", e);
        }
    }

    /**
     * The checkpoints of received packages, shared by the nodes.
     *
     * @param dataSource the application's database
     * @param schema the tables
     * @param properties the bound properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(CheckpointStore.class)
    public JdbcCheckpointStore egovJdbcCheckpointStore(DataSource dataSource, EgovJdbcSchema schema,
            EgovJdbcProperties properties) {
        return JdbcCheckpointStore.builder(dataSource).tables(schema.tables())
                .retention(properties.getCheckpointRetention()).build();
    }

    /**
     * This node's share of the axis inbox, used by the receive loop: one node lists, every node claims.
     *
     * @param dataSource the application's database
     * @param schema the tables
     * @param properties the bound properties
     * @return the coordinator, its heartbeat running; closed with the context, after the receive loop stopped
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ReceiveCoordinator.class)
    @ConditionalOnProperty(prefix = "egov.axis.receive", name = "enabled", havingValue = "true")
    @ConditionalOnBean(DocumentAxisClient.class)
    public JdbcReceiveCoordinator egovJdbcReceiveCoordinator(DataSource dataSource, EgovJdbcSchema schema,
            EgovJdbcProperties properties) {
        String node = NodeIds.nodeId(properties.getNodeId());
        LOG.info("egov receive loop shared through {}receive_claims as node {}", schema.tables().prefix(), node);
        return JdbcReceiveCoordinator.open(dataSource, schema.tables(), node, properties.getReceive().getLease(),
                properties.getReceive().getRetention());
    }

    /**
     * The application's {@link TransactionalPackageHandler} as the receive loop's handler: its writes and the
     * package's checkpoint commit in one transaction (through the coordinator's claim, when there is one).
     *
     * @param handler the application's handler
     * @param checkpoints the checkpoint store, which must be a {@link JdbcCheckpointStore}
     * @param coordinator the JDBC receive coordinator, if any
     * @return the handler the receive loop runs
     * @throws ValidationException when the {@link CheckpointStore} bean is not a {@link JdbcCheckpointStore}
     */
    @Bean
    @ConditionalOnBean(TransactionalPackageHandler.class)
    @ConditionalOnMissingBean(PackageHandler.class)
    public PackageHandler egovTransactionalPackageHandler(TransactionalPackageHandler handler,
            CheckpointStore checkpoints, ObjectProvider<JdbcReceiveCoordinator> coordinator) {
        if (!(checkpoints instanceof JdbcCheckpointStore jdbc)) {
            throw ValidationException.of("required", "CheckpointStore", "a TransactionalPackageHandler bean needs "
                    + "the CheckpointStore bean to be a JdbcCheckpointStore (found " + checkpoints.getClass()
                    .getName() + "): remove the application's CheckpointStore bean or define a PackageHandler");
        }
        JdbcReceiveCoordinator claims = coordinator.getIfUnique();
        return claims == null ? jdbc.transactional(handler) : claims.transactional(jdbc, handler);
    }

    /**
     * The dossier outbox, shared by the nodes.
     *
     * @param dataSource the application's database
     * @param schema the tables
     * @param properties the bound properties
     * @return the outbox
     */
    @Bean
    @ConditionalOnMissingBean(DossierOutbox.class)
    public JdbcDossierOutbox egovJdbcDossierOutbox(DataSource dataSource, EgovJdbcSchema schema,
            EgovJdbcProperties properties) {
        return JdbcDossierOutbox.builder(dataSource).tables(schema.tables())
                .retention(properties.getDossierRetention()).build();
    }

    /**
     * Which node drains the shared dossier outbox: the one holding its advisory lock.
     *
     * @param dataSource the application's database
     * @param schema the tables
     * @return the leadership; closed with the context, handing the lead over at once
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DrainLeadership.class)
    public JdbcDrainLeadership egovJdbcDrainLeadership(DataSource dataSource, EgovJdbcSchema schema) {
        return JdbcDrainLeadership.open(dataSource, schema.tables());
    }

    /**
     * The national catalogue's cache, shared by the nodes.
     *
     * @param dataSource the application's database
     * @param schema the tables
     * @return the cache
     */
    @Bean
    @ConditionalOnMissingBean(CatalogueCache.class)
    public JdbcCatalogueCache egovJdbcCatalogueCache(DataSource dataSource, EgovJdbcSchema schema) {
        return JdbcCatalogueCache.builder(dataSource).tables(schema.tables()).build();
    }

    /**
     * The pending SSO logins, so the login's callback may reach any node.
     *
     * @param dataSource the application's database
     * @param schema the tables
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(PendingLoginStore.class)
    public JdbcPendingLoginStore egovJdbcPendingLoginStore(DataSource dataSource, EgovJdbcSchema schema) {
        return JdbcPendingLoginStore.builder(dataSource).tables(schema.tables()).build();
    }

    /**
     * The send outbox: {@code enqueue(tx, aggregateId, package)} in the application's own transaction.
     *
     * @param schema the tables
     * @return the outbox
     */
    @Bean
    @ConditionalOnMissingBean
    public JdbcSendOutbox egovJdbcSendOutbox(EgovJdbcSchema schema) {
        return new JdbcSendOutbox(schema.tables());
    }

    /**
     * This node's relay of the send outbox, run with the context, when the application has an axis client: the
     * one chosen by {@code egov.jdbc.relay.axis}, else the only one, else the national one.
     *
     * @param dataSource the application's database
     * @param clients the application's axis clients
     * @param schema the tables
     * @param properties the bound properties
     * @param duplicateCheck the application's {@link DuplicateCheck}, if any
     * @return the lifecycle
     * @throws ValidationException naming {@code egov.jdbc.relay.axis} when the chosen client is missing, or when
     *         there are several and none is the national one
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DocumentAxisClient.class)
    @ConditionalOnProperty(prefix = "egov.jdbc.relay", name = "enabled", havingValue = "true", matchIfMissing = true)
    public SendOutboxRelayLifecycle egovSendOutboxRelay(DataSource dataSource,
            ObjectProvider<DocumentAxisClient> clients, EgovJdbcSchema schema, EgovJdbcProperties properties,
            ObjectProvider<DuplicateCheck> duplicateCheck) {
        EgovJdbcProperties.Relay relay = properties.getRelay();
        DocumentAxisClient axis = RelayAxes.choose(relay.getAxis(), clients);
        return new SendOutboxRelayLifecycle(axis, () -> {
            SendOutboxRelay.Builder b = SendOutboxRelay.builder(dataSource, axis)
                    .tables(schema.tables())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(relay.getMaxAttempts())
                            .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofMinutes(10)).build())
                    .lease(relay.getLease())
                    .pollInterval(relay.getPollInterval())
                    .batchSize(relay.getBatchSize())
                    .retention(relay.getRetention());
            duplicateCheck.ifAvailable(b::duplicateCheck);
            return b.build();
        });
    }

    /** The payment store, when sdk-payment is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "vn.egov.sdk.payment.PaymentStore")
    public static class Payments {
        /** Created by Spring. */
        public Payments() {
            // configuration class
        }

        /**
         * The payments and their callbacks, applied once across the nodes.
         *
         * @param dataSource the application's database
         * @param schema the tables
         * @return the store
         */
        @Bean
        @ConditionalOnMissingBean(PaymentStore.class)
        public JdbcPaymentStore egovJdbcPaymentStore(DataSource dataSource, EgovJdbcSchema schema) {
            return new JdbcPaymentStore(dataSource, schema.tables());
        }
    }
}
