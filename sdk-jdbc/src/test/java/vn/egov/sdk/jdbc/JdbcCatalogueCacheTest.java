package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.CatalogueCache;
import vn.egov.sdk.dossier.CatalogueCacheException;
import vn.egov.sdk.dossier.CatalogueSnapshot;
import vn.egov.sdk.dossier.Procedure;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** The catalogue in a table: what is saved loads back whole on any node; a foreign row is a typed error. */
class JdbcCatalogueCacheTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    private static CatalogueSnapshot snapshot(String... names) {
        List<Procedure> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(Procedure.parse(("{\"MATTHC\":\"1.00000" + i + "\",\"TENTTHC\":\"" + names[i]
                    + "\",\"LINHVUCTHUCHIEN\":[{\"MALINHVUC\":\"G1\"}],\"KHAC\":{\"a\":[1,2]}}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return new CatalogueSnapshot(Instant.parse("2026-12-07T01:00:00Z"), list);
    }

    @Test
    void aSavedSnapshotLoadsBackEqualOnAnotherNodeAndASaveReplacesItWhole() {
        CatalogueCache cache = JdbcCatalogueCache.builder(PG.dataSource()).name("t1").build();
        assertTrue(cache.load().isEmpty());
        CatalogueSnapshot s = snapshot("Cấp bản sao", "Đăng ký kinh doanh");
        cache.save(s);
        CatalogueCache other = JdbcCatalogueCache.builder(PG.dataSource()).name("t1").build();
        assertEquals(s, other.load().orElseThrow());
        assertEquals(s.hashes(), other.load().orElseThrow().hashes());
        other.save(snapshot("Một"));
        assertEquals(1, cache.load().orElseThrow().procedures().size());
        assertTrue(JdbcCatalogueCache.builder(PG.dataSource()).name("t2").build().load().isEmpty(),
                "caches of other names are apart");
    }

    @Test
    void aForeignRowIsATypedErrorThatIsNotRetryable() throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO egov_catalogue_cache (name, synced_at, snapshot)"
                    + " VALUES ('foreign', now(), '{\"format\":\"other\"}')");
        }
        CatalogueCacheException e = assertThrows(CatalogueCacheException.class,
                () -> JdbcCatalogueCache.builder(PG.dataSource()).name("foreign").build().load());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("egov_catalogue_cache row 'foreign'"), e.getMessage());
    }

    @Test
    void aMissingTableIsATypedError() {
        CatalogueCache cache = JdbcCatalogueCache.builder(PG.dataSource()).tables(new JdbcTables("none_")).build();
        assertFalse(assertThrows(CatalogueCacheException.class, cache::load).retryable());
        assertThrows(CatalogueCacheException.class, () -> cache.save(snapshot("x")));
    }

    @Test
    void badArgumentsNameTheField() {
        assertEquals("dataSource", assertThrows(ValidationException.class,
                () -> JdbcCatalogueCache.builder(null)).errors().get(0).path());
        JdbcCatalogueCache.Builder b = JdbcCatalogueCache.builder(PG.dataSource());
        assertEquals("name", assertThrows(ValidationException.class, () -> b.name(" ")).errors().get(0).path());
        assertEquals("name", assertThrows(ValidationException.class, () -> b.name("x".repeat(101))).errors().get(0)
                .path());
        assertEquals("tables", assertThrows(ValidationException.class, () -> b.tables(null)).errors().get(0).path());
        assertEquals("snapshot", assertThrows(ValidationException.class, () -> b.build().save(null)).errors().get(0)
                .path());
    }
}
