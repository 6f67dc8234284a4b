package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.CatalogueCache;
import vn.egov.sdk.dossier.CatalogueChanges;
import vn.egov.sdk.dossier.CatalogueSync;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierTransport;
import vn.egov.sdk.dossier.DrainLeadership;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgCatalogueClient;
import vn.egov.sdk.dossier.FileDossierOutbox;
import vn.egov.sdk.dossier.InMemoryCatalogueCache;
import vn.egov.sdk.dossier.InMemoryDossierOutbox;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.spring.dossier.CatalogueChangesHandler;
import vn.egov.sdk.spring.dossier.CatalogueRefreshLifecycle;
import vn.egov.sdk.spring.dossier.DossierSyncLifecycle;
import vn.egov.sdk.spring.dossier.EgovDossierAutoConfiguration;
import vn.egov.sdk.spring.dossier.EgovDossierProperties;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * Dossier sync from {@code egov.dossier.*}: the adapter client, the outbox, the sync and its drain as a lifecycle,
 * the catalogue, against the sandbox's simulated national public-service portal.
 */
@ExtendWith(NationalSandboxExtension.class)
class EgovDossierAutoConfigurationTest {
    private static final String SECRET = "dossier-s3cr3t-never-printed-4Z";

    static ApplicationContextRunner runner() {
        return StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovDossierAutoConfiguration.class));
    }

    static ApplicationContextRunner portal(NationalSandbox sandbox, Path dir, String... more) {
        return runner().withPropertyValues("egov.dossier.url=" + sandbox.dvcqg().adapterUrl(),
                "egov.dossier.username=" + DvcqgPortalSandbox.USERNAME,
                "egov.dossier.password=" + DvcqgPortalSandbox.PASSWORD,
                "egov.dossier.madonvi=" + DvcqgPortalSandbox.MADONVI,
                "egov.dossier.dstcode=" + DvcqgPortalSandbox.DSTCODE,
                "egov.dossier.outbox.file=" + dir.resolve("outbox.log"))
                .withPropertyValues(more);
    }

    /** A valid dossier received now, with a province-prefixed code. */
    static Dossier dossier(String maHoSo) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Dossier.builder()
                .dossierCode(maHoSo)
                .procedureCode("1.009972.000.00.00.H41")
                .procedureName("Cấp giấy phép xây dựng")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .holderName("Nguyễn Văn An")
                .subjectType(SubjectType.CITIZEN)
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ")
                .receivedAt(at)
                .dueAt(at.plus(Duration.ofDays(15)))
                .status(DossierStatus.NEW)
                .delivery(DeliveryMethod.OTHER)
                .handlingUnit("UBND thành phố Vinh")
                .build();
    }

    private static String failure(String... properties) {
        String[] out = new String[1];
        runner().withPropertyValues(properties).run(context -> {
            assertNotNull(context.getStartupFailure(), "start-up must fail");
            out[0] = StarterTestSupport.messages(context.getStartupFailure());
        });
        return out[0];
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(50);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    @Test
    void nothingWithoutUrl() {
        runner().run(context -> {
            assertNull(context.getStartupFailure());
            for (Class<?> type : List.of(DvcqgAdapterClient.class, DvcqgCatalogueClient.class, CatalogueSync.class,
                    DossierOutbox.class, DossierSync.class, DossierSyncLifecycle.class)) {
                assertEquals(0, context.getBeanNamesForType(type).length, type.getSimpleName());
            }
            assertEquals(1, context.getBeanNamesForType(EgovDossierProperties.class).length);
        });
        assertFalse(Files.exists(Path.of(EgovDossierProperties.DEFAULT_OUTBOX_FILE)), "no outbox file was opened");
    }

    @Test
    void aDossierRecordedReachesThePortalThroughTheLifecycleDrain(NationalSandbox sandbox, @TempDir Path dir)
            throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        DossierSyncLifecycle[] lifecycle = new DossierSyncLifecycle[1];
        portal(sandbox, dir, "egov.dossier.read-timeout=10s", "egov.dossier.sync.interval=100ms")
                .withBean("auditCustomizer", EgovClientCustomizer.class,
                        () -> (client, settings) -> settings.addInterceptor(new HttpInterceptor() {
                            @Override
                            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext attempt) {
                                seen.add(client);
                                return request;
                            }
                        }))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    lifecycle[0] = context.getBean(DossierSyncLifecycle.class);
                    assertTrue(lifecycle[0].isRunning(), "the drain started with the context");
                    DossierSync sync = context.getBean(DossierSync.class);
                    FileDossierOutbox outbox = context.getBean(FileDossierOutbox.class);
                    assertSame(outbox, sync.outbox());
                    assertEquals(dir.resolve("outbox.log").toAbsolutePath(), outbox.file());
                    sync.record(dossier("000.00.12.H99-251207-00001"));
                    await("the portal holds the dossier",
                            () -> sandbox.dvcqg().dossier("000.00.12.H99-251207-00001").isPresent());
                    assertEquals(DossierStatus.NEW.code(),
                            sandbox.dvcqg().dossier("000.00.12.H99-251207-00001").orElseThrow().status());
                    await("the entry is marked sent", () -> outbox.counts().getOrDefault(OutboxState.SENT, 0L) == 1);
                    assertTrue(!seen.isEmpty() && seen.stream().allMatch("dossier"::equals), seen.toString());
                });
        assertFalse(lifecycle[0].isRunning(), "stopped with the context");
    }

    @Test
    void stoppingTheContextDrainsWhatIsDue(NationalSandbox sandbox, @TempDir Path dir) throws Exception {
        HeldLeadership.LEADS.set(false);
        String code = "000.00.12.H99-251207-00002";
        DossierSyncLifecycle[] lifecycle = new DossierSyncLifecycle[1];
        // another node "leads" while the context runs, and the loop asks again only after an hour
        portal(sandbox, dir, "egov.dossier.sync.interval=1h", "egov.dossier.sync.max-backoff=1h")
                .withUserConfiguration(HeldLeadership.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    lifecycle[0] = context.getBean(DossierSyncLifecycle.class);
                    await("the first drain", () -> lifecycle[0].loop().drains() >= 1);
                    context.getBean(DossierSync.class).record(dossier(code));
                    await("the drain the record woke", () -> lifecycle[0].loop().drains() >= 2);
                    assertTrue(lifecycle[0].loop().lastReport().orElseThrow().stoppedBy().isPresent());
                    assertTrue(sandbox.dvcqg().dossier(code).isEmpty(), "nothing sent while another node leads");
                    HeldLeadership.LEADS.set(true);
                    // the context closes now: the loop stops, then drains once more
                });
        assertFalse(lifecycle[0].isRunning());
        assertTrue(sandbox.dvcqg().dossier(code).isPresent(), "the last drain on stop sent the dossier");
        try (FileDossierOutbox outbox = FileDossierOutbox.open(dir.resolve("outbox.log"))) {
            assertEquals(1L, outbox.counts().getOrDefault(OutboxState.SENT, 0L), outbox.counts().toString());
        }
    }

    @Test
    void withoutTheLastDrainTheEntryWaitsInTheFileForTheNextStart(NationalSandbox sandbox, @TempDir Path dir)
            throws Exception {
        HeldLeadership.LEADS.set(false);
        String code = "000.00.12.H99-251207-00003";
        portal(sandbox, dir, "egov.dossier.sync.interval=1h", "egov.dossier.sync.drain-on-stop=false")
                .withUserConfiguration(HeldLeadership.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    context.getBean(DossierSync.class).record(dossier(code));
                });
        assertTrue(sandbox.dvcqg().dossier(code).isEmpty(), "not drained on stop when told not to");
        try (FileDossierOutbox outbox = FileDossierOutbox.open(dir.resolve("outbox.log"))) {
            assertEquals(1L, outbox.counts().getOrDefault(OutboxState.PENDING, 0L), outbox.counts().toString());
        }
        // the next start drains it from the same file
        portal(sandbox, dir, "egov.dossier.sync.interval=100ms").run(context -> {
            assertNull(context.getStartupFailure());
            await("the portal holds the dossier after a restart", () -> sandbox.dvcqg().dossier(code).isPresent());
        });
    }

    @Test
    void theDrainStopsAfterTheReceiveLoopsAndTheWebServer() {
        DossierSyncLifecycle drain = new DossierSyncLifecycle(DossierSync.builder(new NoTransport()).build(), true);
        ReceiveLoopLifecycle receive = new ReceiveLoopLifecycle(() -> {
            throw new AssertionError("not started");
        });
        // a lower phase stops later; the receive loops stop with the web server (Boot's start/stop phase)
        assertTrue(drain.getPhase() < receive.getPhase(), drain.getPhase() + " < " + receive.getPhase());
        assertTrue(drain.getPhase() < SmartLifecycle.DEFAULT_PHASE - 2048);
    }

    @Test
    void aVendorsOutboxReplacesTheFileOne(NationalSandbox sandbox, @TempDir Path dir) {
        portal(sandbox, dir).withBean("vendorOutbox", DossierOutbox.class, InMemoryDossierOutbox::new)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(FileDossierOutbox.class).length);
                    assertSame(context.getBean("vendorOutbox"), context.getBean(DossierSync.class).outbox());
                });
        assertFalse(Files.exists(dir.resolve("outbox.log")), "no file outbox was opened");
    }

    @Test
    void syncDisabledLeavesTheDrainToTheApplication(NationalSandbox sandbox, @TempDir Path dir) {
        portal(sandbox, dir, "egov.dossier.sync.enabled=false").run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(DossierSyncLifecycle.class).length);
            DossierSync sync = context.getBean(DossierSync.class);
            sync.record(dossier("000.00.12.H99-251207-00004"));
            assertTrue(sandbox.dvcqg().dossier("000.00.12.H99-251207-00004").isEmpty());
            assertEquals(1, sync.drain().sent());
            assertTrue(sandbox.dvcqg().dossier("000.00.12.H99-251207-00004").isPresent());
        });
    }

    @Test
    void theCatalogueIsRefreshedIntoTheApplicationsHandler(NationalSandbox sandbox, @TempDir Path dir)
            throws Exception {
        CatalogueHandler.CHANGES.clear();
        portal(sandbox, dir, "egov.dossier.catalogue.refresh-interval=1h",
                "egov.dossier.catalogue.cache-file=" + dir.resolve("catalogue.json"))
                .withUserConfiguration(CatalogueHandler.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertTrue(context.getBean(CatalogueRefreshLifecycle.class).isRunning());
                    CatalogueChanges first = CatalogueHandler.CHANGES.poll(20, TimeUnit.SECONDS);
                    assertNotNull(first, "the refresh ran at start");
                    assertEquals(sandbox.dvcqg().procedures().size(), first.added().size());
                    assertFalse(first.added().isEmpty());
                    await("the snapshot saved", () -> Files.exists(dir.resolve("catalogue.json")));
                    assertEquals(first.added().size(), context.getBean(DvcqgCatalogueClient.class).procedures().size());
                });
        portal(sandbox, dir).run(context -> {
            assertEquals(0, context.getBeanNamesForType(CatalogueRefreshLifecycle.class).length);
            assertEquals(1, context.getBeanNamesForType(CatalogueSync.class).length);
        });
    }

    @Test
    void aCatalogueCacheBeanKeepsTheSnapshotInsteadOfTheFile(NationalSandbox sandbox, @TempDir Path dir) {
        portal(sandbox, dir, "egov.dossier.catalogue.cache-file=" + dir.resolve("catalogue.json"))
                .withBean(CatalogueCache.class, InMemoryCatalogueCache::new)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    CatalogueCache cache = context.getBean(CatalogueCache.class);
                    assertTrue(cache.load().isEmpty());
                    CatalogueChanges changes = context.getBean(CatalogueSync.class).sync();
                    assertFalse(changes.added().isEmpty());
                    assertEquals(changes.added().size(), cache.load().orElseThrow().procedures().size());
                    assertFalse(Files.exists(dir.resolve("catalogue.json")), "the bean, not the file, is used");
                });
    }

    @Test
    void urlWithoutAccountNamesEveryMissingProperty() {
        String m = failure("egov.dossier.url=https://dvcqg.example.gov.vn/adapter");
        for (String property : List.of("username", "madonvi", "dstcode")) {
            assertTrue(m.contains("egov.dossier." + property + " is required when egov.dossier.url is set"), m);
        }
        assertTrue(m.contains("egov.dossier.password is required when egov.dossier.url is set (bind it from "
                + "EGOV_DOSSIER_PASSWORD)"), m);
    }

    @Test
    void brokenValuesAreNamedAndTheSecretIsNot() {
        String m = failure("egov.dossier.url=dvcqg.example.gov.vn", "egov.dossier.username=u",
                "egov.dossier.password=" + SECRET, "egov.dossier.madonvi=H99", "egov.dossier.dstcode=has space",
                "egov.dossier.connect-timeout=0s", "egov.dossier.session-lifetime=-1m",
                "egov.dossier.sync.interval=0s", "egov.dossier.sync.batch-size=0", "egov.dossier.sync.max-attempts=-1",
                "egov.dossier.sync.stop-timeout=-1s", "egov.dossier.catalogue.refresh-interval=0s",
                "egov.dossier.outbox.retention=0d");
        assertTrue(m.contains("egov.dossier.url must be an absolute http or https URL (got 'dvcqg.example.gov.vn')"),
                m);
        assertTrue(m.contains("egov.dossier.dstcode must be visible ASCII characters (it is sent as a header)"), m);
        assertTrue(m.contains("egov.dossier.connect-timeout must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.dossier.session-lifetime must be positive (got PT-1M)"), m);
        assertTrue(m.contains("egov.dossier.sync.interval must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.dossier.sync.batch-size must be 1 to 1000 (got 0)"), m);
        assertTrue(m.contains("egov.dossier.sync.max-attempts must be 0 or more (got -1)"), m);
        assertTrue(m.contains("egov.dossier.sync.stop-timeout must be 0 or more (got PT-1S)"), m);
        assertTrue(m.contains("egov.dossier.catalogue.refresh-interval must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.dossier.outbox.retention must be positive (got PT0S)"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void thePasswordBindsFromTheEnvironmentAndIsNeverPrinted(NationalSandbox sandbox, @TempDir Path dir) {
        runner().withInitializer(EnvironmentSecret.of("EGOV_DOSSIER_PASSWORD", DvcqgPortalSandbox.PASSWORD))
                .withPropertyValues("egov.dossier.url=" + sandbox.dvcqg().adapterUrl(),
                        "egov.dossier.username=" + DvcqgPortalSandbox.USERNAME,
                        "egov.dossier.madonvi=" + DvcqgPortalSandbox.MADONVI,
                        "egov.dossier.dstcode=" + DvcqgPortalSandbox.DSTCODE,
                        "egov.dossier.outbox.file=" + dir.resolve("outbox.log"), "egov.dossier.sync.enabled=false")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    EgovDossierProperties p = context.getBean(EgovDossierProperties.class);
                    assertTrue(p.getPassword().matches(DvcqgPortalSandbox.PASSWORD));
                    assertFalse(p.toString().contains(DvcqgPortalSandbox.PASSWORD), p.toString());
                    assertTrue(p.toString().contains("password=***"), p.toString());
                    // a login the sandbox accepts only with the account's password
                    assertFalse(context.getBean(DvcqgCatalogueClient.class).procedures().isEmpty());
                });
    }

    /** A transport never called. */
    static final class NoTransport implements DossierTransport {
        @Override
        public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
            throw new AssertionError();
        }

        @Override
        public AdapterReply pushProgress(List<ObjectNode> rows) {
            throw new AssertionError();
        }

        @Override
        public AdapterReply pushStatus(List<ObjectNode> statuses) {
            throw new AssertionError();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HeldLeadership {
        static final AtomicBoolean LEADS = new AtomicBoolean();

        @Bean
        DrainLeadership leadership() {
            return LEADS::get;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CatalogueHandler {
        static final BlockingQueue<CatalogueChanges> CHANGES = new LinkedBlockingQueue<>();

        @Bean
        CatalogueChangesHandler catalogueChanges() {
            return CHANGES::add;
        }
    }
}
