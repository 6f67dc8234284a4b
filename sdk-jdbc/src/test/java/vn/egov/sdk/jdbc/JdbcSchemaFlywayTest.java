package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** The scripts as a vendor runs them: with Flyway, the prefix as a Flyway placeholder. */
class JdbcSchemaFlywayTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Test
    void flywayRunsEveryScriptWithThePrefixPlaceholderAndTheStoresWorkOnTheResult() {
        Flyway flyway = Flyway.configure().dataSource(PG.dataSource())
                .locations("classpath:" + JdbcSchema.LOCATION)
                .placeholders(Map.of("egov_prefix", "motcua_"))
                .load();
        MigrateResult result = flyway.migrate();
        assertEquals(JdbcSchema.scripts().size(), result.migrationsExecuted);
        List<String> scripts = JdbcSchema.scripts();
        assertEquals(String.valueOf(JdbcSchema.version(scripts.get(scripts.size() - 1))), result.targetSchemaVersion);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second run applies nothing");
        assertEquals(0, flyway.validateWithResult().invalidMigrations.size());

        JdbcTables tables = new JdbcTables("motcua_");
        CheckpointStore checkpoints = JdbcCheckpointStore.builder(PG.dataSource()).tables(tables).build();
        assertEquals(1, checkpoints.markAttempt("doc-1"));
        DossierOutbox outbox = JdbcDossierOutbox.builder(PG.dataSource()).tables(tables).build();
        assertEquals(1, outbox.enqueue(List.of(new OutboxItem("k", OutboxKind.DOSSIER, "H01-1", "{}"))).size());
        assertTrue(JdbcCatalogueCache.builder(PG.dataSource()).tables(tables).build().load().isEmpty());
    }

    @Test
    void theScriptListNamesEveryScriptInTheFolderInVersionOrder() throws IOException, URISyntaxException {
        Path folder = Path.of(JdbcSchema.class.getClassLoader().getResource(JdbcSchema.LOCATION).toURI());
        List<String> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString()).sorted((a, b) -> Integer.compare(JdbcSchema.version(a),
                    JdbcSchema.version(b))).toList();
        }
        assertEquals(files, JdbcSchema.scripts());
        for (int i = 0; i < files.size(); i++) {
            assertTrue(files.get(i).matches("V[0-9]+__[a-z0-9_]+\\.sql"), files.get(i));
            assertTrue(i == 0 || JdbcSchema.version(files.get(i - 1)) < JdbcSchema.version(files.get(i)),
                    "no version twice: " + files);
        }
    }
}
