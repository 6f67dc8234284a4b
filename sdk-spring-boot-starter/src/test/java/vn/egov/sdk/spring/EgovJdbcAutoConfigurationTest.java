package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.dossier.CatalogueCache;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DrainLeadership;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.jdbc.JdbcCatalogueCache;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;
import vn.egov.sdk.jdbc.JdbcDossierOutbox;
import vn.egov.sdk.jdbc.JdbcDrainLeadership;
import vn.egov.sdk.jdbc.JdbcPaymentStore;
import vn.egov.sdk.jdbc.JdbcPendingLoginStore;
import vn.egov.sdk.jdbc.JdbcReceiveCoordinator;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcSendOutbox;
import vn.egov.sdk.jdbc.TransactionalPackageHandler;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.spring.internal.EgovValidationFailureAnalyzer;
import vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.jdbc.EgovJdbcSchema;
import vn.egov.sdk.spring.jdbc.SendOutboxRelayLifecycle;

/** Which stores the starter chooses with and without a DataSource, against a real PostgreSQL. */
class EgovJdbcAutoConfigurationTest {
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    private static ApplicationContextRunner runner() {
        return StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class));
    }

    @Test
    void withoutADataSourceNoJdbcBean() {
        runner().run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(EgovJdbcSchema.class).length);
            assertEquals(0, context.getBeanNamesForType(CheckpointStore.class).length);
            assertEquals(0, context.getBeanNamesForType(JdbcSendOutbox.class).length);
        });
    }

    @Test
    void withOneDataSourceEveryStoreIsTheJdbcOne() {
        runner().withBean(DataSource.class, db::dataSource)
                .withPropertyValues("egov.jdbc.initialize-schema=true")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(JdbcCheckpointStore.class, context.getBean(CheckpointStore.class));
                    assertInstanceOf(JdbcDossierOutbox.class, context.getBean(DossierOutbox.class));
                    assertInstanceOf(JdbcDrainLeadership.class, context.getBean(DrainLeadership.class));
                    assertInstanceOf(JdbcCatalogueCache.class, context.getBean(CatalogueCache.class));
                    assertInstanceOf(JdbcPendingLoginStore.class, context.getBean(PendingLoginStore.class));
                    assertInstanceOf(JdbcPaymentStore.class, context.getBean(PaymentStore.class));
                    assertNotNull(context.getBean(JdbcSendOutbox.class));
                    // no receive loop asked for, no axis client: no coordinator, no relay
                    assertEquals(0, context.getBeanNamesForType(JdbcReceiveCoordinator.class).length);
                    assertEquals(0, context.getBeanNamesForType(SendOutboxRelayLifecycle.class).length);
                    // and the store works on the database
                    CheckpointStore store = context.getBean(CheckpointStore.class);
                    store.markAttempt("doc-jdbc-1");
                    store.markHandled("doc-jdbc-1");
                    store.markDone("doc-jdbc-1");
                    assertEquals(CheckpointState.DONE, store.find("doc-jdbc-1").orElseThrow().state());
                    assertEquals("DONE", db.text("SELECT state FROM egov_axis_checkpoint WHERE doc_id = 'doc-jdbc-1'"));
                });
    }

    @Test
    void boot3sOwnDataSourceAutoConfigurationIsUsedInWhicheverOrderTheyAreListed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class,
                        EgovAxisAutoConfiguration.class, DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=postgres")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(JdbcCheckpointStore.class, context.getBean(CheckpointStore.class));
                });
    }

    @Test
    void twoDataSourcesWithoutAPrimaryOrEgovJdbcEnabledFalseLeaveTheDefaultsAPrimaryIsUsed() {
        runner().withBean("one", DataSource.class, db::dataSource).withBean("two", DataSource.class, db::dataSource)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(CheckpointStore.class).length);
                });
        runner().withBean("one", DataSource.class, db::dataSource)
                .withBean("two", DataSource.class, db::dataSource, definition -> definition.setPrimary(true))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(JdbcCheckpointStore.class, context.getBean(CheckpointStore.class),
                            "with a primary DataSource the stores use it");
                });
        runner().withBean(DataSource.class, db::dataSource).withPropertyValues("egov.jdbc.enabled=false")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(EgovJdbcSchema.class).length);
                    assertEquals(0, context.getBeanNamesForType(PaymentStore.class).length);
                });
    }

    @Test
    void thePaymentsInMemoryDefaultGivesWayToTheJdbcStore() {
        // listed first, the payments' auto-configuration still runs after this one (its afterName, this one's
        // beforeName)
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EgovPaymentAutoConfiguration.class,
                        EgovJdbcAutoConfiguration.class, EgovAxisAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(JdbcPaymentStore.class, context.getBean(PaymentStore.class));
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EgovPaymentAutoConfiguration.class,
                        EgovJdbcAutoConfiguration.class, EgovAxisAutoConfiguration.class))
                .withPropertyValues("egov.payment.keypay.url=http://127.0.0.1:9", "egov.payment.keypay.client-id=vendor",
                        "egov.payment.keypay.hash-key1=key-one", "egov.payment.keypay.hash-key2=key-two")
                .run(context -> assertInstanceOf(InMemoryPaymentStore.class, context.getBean(PaymentStore.class)));
    }

    @Test
    void theApplicationsOwnStoresWin() {
        runner().withBean(DataSource.class, db::dataSource).withUserConfiguration(VendorStores.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(InMemoryCheckpointStore.class, context.getBean(CheckpointStore.class));
                    assertInstanceOf(InMemoryPaymentStore.class, context.getBean(PaymentStore.class));
                    assertEquals(0, context.getBeanNamesForType(JdbcCheckpointStore.class).length);
                    assertEquals(0, context.getBeanNamesForType(JdbcPaymentStore.class).length);
                    // the ones the application did not give are still the JDBC ones
                    assertInstanceOf(JdbcPendingLoginStore.class, context.getBean(PendingLoginStore.class));
                });
    }

    @Test
    void theSchemaIsCreatedOnlyWhenOptedIn() throws SQLException {
        try (TestDatabase fresh = TestDatabase.create()) {
            runner().withBean(DataSource.class, fresh::dataSource)
                    .withPropertyValues("egov.jdbc.table-prefix=app_egov_")
                    .run(context -> {
                        assertNull(context.getStartupFailure());
                        assertTrue(context.getBean(EgovJdbcSchema.class).applied().isEmpty());
                        assertNull(fresh.text("SELECT to_regclass('app_egov_axis_checkpoint')"),
                                "nothing created without egov.jdbc.initialize-schema");
                    });
            runner().withBean(DataSource.class, fresh::dataSource)
                    .withPropertyValues("egov.jdbc.table-prefix=app_egov_", "egov.jdbc.initialize-schema=true")
                    .run(context -> {
                        assertNull(context.getStartupFailure());
                        EgovJdbcSchema schema = context.getBean(EgovJdbcSchema.class);
                        assertEquals(JdbcSchema.scripts(), schema.applied());
                        assertEquals("app_egov_", schema.tables().prefix());
                        for (String table : List.of("axis_checkpoint", "receive_claims", "send_outbox",
                                "dossier_outbox", "payment", "pending_login", "catalogue_cache")) {
                            assertNotNull(fresh.text("SELECT to_regclass('app_egov_" + table + "')"), table);
                        }
                        assertNull(fresh.text("SELECT to_regclass('egov_axis_checkpoint')"), "the prefix was used");
                        context.getBean(CheckpointStore.class).markAttempt("doc-prefixed");
                        assertEquals(1, fresh.number("SELECT count(*) FROM app_egov_axis_checkpoint"));
                    });
            // a second start (another node) finds the schema up to date
            runner().withBean(DataSource.class, fresh::dataSource)
                    .withPropertyValues("egov.jdbc.table-prefix=app_egov_", "egov.jdbc.initialize-schema=true")
                    .run(context -> assertEquals(List.of(), context.getBean(EgovJdbcSchema.class).applied()));
        }
    }

    @Test
    void brokenSettingsStopTheStartNamingThePropertyAndTheRule() {
        runner().withBean(DataSource.class, db::dataSource)
                .withPropertyValues("egov.jdbc.table-prefix=Egov-", "egov.jdbc.relay.batch-size=0",
                        "egov.jdbc.receive.lease=500ms", "egov.jdbc.receive.retention=10m",
                        "egov.jdbc.relay.max-attempts=21", "egov.jdbc.node-id= ", "egov.jdbc.relay.poll-interval=0s")
                .run(context -> {
                    assertNotNull(context.getStartupFailure());
                    String messages = StarterTestSupport.messages(context.getStartupFailure());
                    for (String expected : List.of(
                            "egov.jdbc.table-prefix must be lower-case letters, digits and _",
                            "(got 'Egov-')",
                            "egov.jdbc.relay.batch-size must be 1 to 1000 (got 0)",
                            "egov.jdbc.receive.lease must be at least 1s (got PT0.5S)",
                            "egov.jdbc.receive.retention must be at least 1h (got PT10M)",
                            "egov.jdbc.relay.max-attempts must be 1 to 20 (got 21)",
                            "egov.jdbc.node-id must be 1 to 200 characters",
                            "egov.jdbc.relay.poll-interval must be positive (got PT0S)")) {
                        assertTrue(messages.contains(expected), expected + " in:\n" + messages);
                    }
                });
    }

    @Test
    void aDatabaseThatRefusesTheSchemaStopsTheStartSayingWhy() throws SQLException {
        try (TestDatabase fresh = TestDatabase.create()) {
            fresh.execute("CREATE TABLE egov_axis_checkpoint (unrelated INT)");
            runner().withBean(DataSource.class, fresh::dataSource)
                    .withPropertyValues("egov.jdbc.initialize-schema=true")
                    .run(context -> {
                        assertNotNull(context.getStartupFailure());
                        String messages = StarterTestSupport.messages(context.getStartupFailure());
                        assertTrue(messages.contains("egov.jdbc.initialize-schema=true but the SDK could not create "
                                + "its tables egov_*"), messages);
                    });
            assertFalse(Optional.ofNullable(fresh.text("SELECT to_regclass('egov_schema_history')")).isPresent(),
                    "nothing of the failed install was kept");
        }
    }

    @Test
    void aTransactionalHandlerBecomesThePackageHandlerAndNeedsTheJdbcCheckpointStore() {
        runner().withBean(DataSource.class, db::dataSource)
                .withBean(TransactionalPackageHandler.class, () -> (pkg, tx) -> { })
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertNotNull(context.getBean(PackageHandler.class), "the receive loop's handler");
                });
        runner().withBean(DataSource.class, db::dataSource)
                .withBean(TransactionalPackageHandler.class, () -> (pkg, tx) -> { })
                .withUserConfiguration(VendorStores.class)
                .run(context -> {
                    assertNotNull(context.getStartupFailure());
                    assertTrue(StarterTestSupport.messages(context.getStartupFailure()).contains("a "
                            + "TransactionalPackageHandler bean needs the CheckpointStore bean to be a "
                            + "JdbcCheckpointStore (found vn.egov.sdk.axis.InMemoryCheckpointStore)"));
                    FailureAnalysis analysis = new EgovValidationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertNotNull(analysis, "Boot's failure report names the problem");
                    assertTrue(analysis.getDescription().contains("Property: CheckpointStore"), analysis.getDescription());
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorStores {
        @Bean
        CheckpointStore vendorCheckpoints() {
            return new InMemoryCheckpointStore();
        }

        @Bean
        PaymentStore vendorPayments() {
            return new InMemoryPaymentStore();
        }
    }
}
