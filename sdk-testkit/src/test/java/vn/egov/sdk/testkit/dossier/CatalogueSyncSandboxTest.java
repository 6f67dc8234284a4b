package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.CatalogueChanges;
import vn.egov.sdk.dossier.CataloguePaging;
import vn.egov.sdk.dossier.CatalogueSync;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgCatalogueClient;
import vn.egov.sdk.dossier.FileCatalogueCache;
import vn.egov.sdk.dossier.InMemoryCatalogueCache;
import vn.egov.sdk.dossier.Procedure;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** The catalogue sync end to end: what changed on the simulated portal is exactly what is reported. */
class CatalogueSyncSandboxTest {
    private static final String BIRTH = "1.000001.000.00.00.H99";
    private static final String BUSINESS = "2.000002.000.00.00.H99";
    private static final String BUILDING = "1.000003.000.00.00.H99";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @TempDir
    Path dir;

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();
    private final DvcqgAdapterClient adapter = CatalogueTestAdapters.adapter(sandbox);
    private final DvcqgCatalogueClient catalogue = DvcqgCatalogueClient.builder(adapter)
            .paging(CataloguePaging.pages(2)).build();

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void theFirstSyncAddsEverythingThenOnlyWhatChangedIsReported() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T01:00:00Z"));
        CatalogueSync sync = CatalogueSync.builder(catalogue).clock(clock).build();
        CatalogueChanges first = sync.sync();
        assertEquals(List.of(BIRTH, BUSINESS, BUILDING), codes(first.added()));
        assertTrue(first.previous().isEmpty());
        assertEquals(0, first.unchanged());

        clock.advance(java.time.Duration.ofHours(1));
        assertTrue(sync.sync().isEmpty());

        String birth = portal.procedures().get(0).replace("\"SOTIEN\":\"8000\"", "\"SOTIEN\":\"10000\"");
        assertTrue(portal.putProcedure(birth));
        portal.putProcedure("{\"MATTHC\":\"1.000004.000.00.00.H99\",\"TENTTHC\":\"Đăng ký khai tử (thử nghiệm)\"}");
        portal.removeProcedure(BUSINESS);
        clock.advance(java.time.Duration.ofHours(1));
        CatalogueChanges changes = sync.sync();
        assertEquals(List.of("1.000004.000.00.00.H99"), codes(changes.added()));
        assertEquals(List.of(BIRTH), codes(changes.changed()));
        assertEquals("10000", changes.changed().get(0).channels().get(0).timings().get(0).fees().get(0).amount());
        assertEquals(List.of(BUSINESS), codes(changes.removed()));
        assertEquals(1, changes.unchanged());
        assertEquals(Instant.parse("2026-12-07T02:00:00Z"), changes.previousSync());
        assertEquals(List.of(BIRTH, BUILDING, "1.000004.000.00.00.H99"),
                codes(sync.snapshot().orElseThrow().procedures()));
    }

    @Test
    void aChangeOnlyInUnicodeFormOrKeyOrderIsNotAChange() {
        CatalogueSync sync = CatalogueSync.builder(catalogue).build();
        sync.sync();
        String building = portal.procedures().get(2);
        String nfd = Normalizer.normalize(building, Normalizer.Form.NFD);
        String reordered = "{\"TRINHTUTHUCHIEN\":" + nfd.substring(nfd.indexOf("\"TRINHTUTHUCHIEN\":") + 18,
                nfd.length() - 1) + "," + nfd.substring(1, nfd.indexOf(",\"TRINHTUTHUCHIEN\"")) + "}";
        portal.putProcedure(reordered);
        assertTrue(sync.sync().isEmpty());
    }

    @Test
    void aFileCacheSurvivesARestart() {
        Path file = dir.resolve("dvcqg-catalogue.json");
        assertEquals(3, CatalogueSync.builder(catalogue).cache(new FileCatalogueCache(file)).build().sync()
                .added().size());
        portal.removeProcedure(BUILDING);

        CatalogueSync restarted = CatalogueSync.builder(catalogue).cache(new FileCatalogueCache(file)).build();
        assertEquals(3, restarted.snapshot().orElseThrow().procedures().size());
        CatalogueChanges changes = restarted.sync();
        assertEquals(List.of(), changes.added());
        assertEquals(List.of(BUILDING), codes(changes.removed()));
        assertEquals(2, changes.unchanged());
    }

    @Test
    void whenApplyingFailsTheSameChangesComeAgain() {
        CatalogueSync sync = CatalogueSync.builder(catalogue).build();
        sync.sync();
        portal.removeProcedure(BIRTH);
        IllegalStateException boom = new IllegalStateException("vendor database down");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> sync.sync(c -> {
            throw boom;
        })));
        assertEquals(List.of(BIRTH), codes(sync.sync().removed()));
        assertTrue(sync.sync().isEmpty());
    }

    @Test
    void aPortalFailureOrAnEmptyListSavesNothing() {
        InMemoryCatalogueCache cache = new InMemoryCatalogueCache();
        CatalogueSync sync = CatalogueSync.builder(catalogue).cache(cache).build();
        sync.sync();
        var before = cache.load().orElseThrow();

        sandbox.faults().on("/dvcqg/share").always().status(503);
        assertThrows(AdapterException.class, sync::sync);
        assertSame(before, cache.load().orElseThrow());
        sandbox.faults().clear();

        for (String code : List.of(BIRTH, BUSINESS, BUILDING)) {
            portal.removeProcedure(code);
        }
        AdapterException empty = assertThrows(AdapterException.class, sync::sync);
        assertTrue(empty.getMessage().contains("3 are cached"), empty.getMessage());
        assertSame(before, cache.load().orElseThrow());
        assertEquals(3, CatalogueSync.builder(catalogue).cache(cache).allowEmpty(true).build().sync()
                .removed().size());
    }

    @Test
    void detailsCanBeReadOneByOne() {
        CatalogueChanges changes = CatalogueSync.builder(DvcqgCatalogueClient.builder(adapter).build())
                .fetchDetails(true).build().sync();
        assertEquals(List.of(BIRTH, BUSINESS, BUILDING), codes(changes.added()));
        assertEquals(catalogue.procedure(BIRTH), changes.added().get(0));
    }

    private static List<String> codes(List<Procedure> procedures) {
        return procedures.stream().map(Procedure::code).toList();
    }
}
