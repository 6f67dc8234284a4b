package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;

/** The catalogue caches: what is saved is loaded back whole; a damaged file is a typed error, never half a snapshot. */
class FileCatalogueCacheTest {
    @TempDir
    Path dir;

    private static CatalogueSnapshot snapshot(String... names) {
        List<Procedure> list = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(Procedure.parse(("{\"MATTHC\":\"1.00000" + i + "\",\"TENTTHC\":\"" + names[i]
                    + "\",\"LINHVUCTHUCHIEN\":[{\"MALINHVUC\":\"G1\"}],\"KHAC\":{\"a\":[1,2]}}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return new CatalogueSnapshot(Instant.parse("2026-12-07T01:00:00Z"), list);
    }

    @Test
    void aSavedSnapshotLoadsBackEqualAcrossInstances() throws Exception {
        Path file = dir.resolve("sub/catalogue.json");
        FileCatalogueCache cache = new FileCatalogueCache(file);
        assertTrue(cache.load().isEmpty());
        CatalogueSnapshot s = snapshot("Cấp bản sao", "Đăng ký kinh doanh");
        cache.save(s);
        assertEquals(s, new FileCatalogueCache(file).load().orElseThrow());
        assertEquals(s.hashes(), new FileCatalogueCache(file).load().orElseThrow().hashes());
        cache.save(snapshot("Một"));
        assertEquals(1, cache.load().orElseThrow().procedures().size());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aDamagedOrForeignFileIsATypedErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("catalogue.json");
        for (String content : new String[] {"{\"format\":\"vn.egov.sdk.catalogue/1\",\"syncedAt\":\"2026",
            "{\"format\":\"other\",\"procedures\":[]}", "[]",
            "{\"format\":\"vn.egov.sdk.catalogue/1\",\"syncedAt\":\"yesterday\",\"procedures\":[]}",
            "{\"format\":\"vn.egov.sdk.catalogue/1\",\"syncedAt\":\"2026-12-07T01:00:00Z\",\"procedures\":{}}",
            "{\"format\":\"vn.egov.sdk.catalogue/1\",\"syncedAt\":\"2026-12-07T01:00:00Z\","
                + "\"procedures\":[{\"MATTHC\":\"1\"},{\"MATTHC\":\"1\"}]}"}) {
            Files.writeString(file, content);
            CatalogueCacheException e = assertThrows(CatalogueCacheException.class,
                    () -> new FileCatalogueCache(file).load(), content);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertEquals(Fault.CALLER, e.fault());
            assertFalse(e.retryable());
        }
    }

    @Test
    void anUnwritableDirectoryIsARetryableTypedErrorAndTheOldSnapshotStays() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        CatalogueCacheException e = assertThrows(CatalogueCacheException.class,
                () -> new FileCatalogueCache(blocker.resolve("c.json")).save(snapshot("A")));
        assertTrue(e.retryable());
        assertThrows(ValidationException.class, () -> new FileCatalogueCache(null));
        assertThrows(ValidationException.class, () -> new FileCatalogueCache(dir.resolve("c.json")).save(null));
    }

    @Test
    void theInMemoryCacheAndTheSnapshotRules() {
        InMemoryCatalogueCache cache = new InMemoryCatalogueCache();
        assertTrue(cache.load().isEmpty());
        CatalogueSnapshot s = snapshot("A", "B");
        cache.save(s);
        assertEquals(s, cache.load().orElseThrow());
        assertEquals("B", s.procedure("1.000001").orElseThrow().name());
        assertThrows(ValidationException.class, () -> cache.save(null));
        Procedure noCode = new Procedure(null, "x", null, null, null, null, null, null, null, null, Map.of());
        assertThrows(ValidationException.class, () -> new CatalogueSnapshot(Instant.EPOCH, List.of(noCode)));
        Procedure p = s.procedures().get(0);
        assertEquals("CatalogueSnapshot.procedures[1].MATTHC", assertThrows(ValidationException.class,
                () -> new CatalogueSnapshot(Instant.EPOCH, List.of(p, p))).errors().get(0).path());
    }
}
