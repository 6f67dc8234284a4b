package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** The opt-in installer: applies what is missing once, in the vendor's own schema when the prefix names one. */
class JdbcSchemaInstallTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Test
    void installTwiceAppliesEverythingThenNothing() throws SQLException {
        JdbcTables tables = new JdbcTables("twice_");
        assertEquals(JdbcSchema.scripts(), JdbcSchema.install(PG.dataSource(), tables));
        assertEquals(List.of(), JdbcSchema.install(PG.dataSource(), tables), "the second call applies nothing");
        assertEquals(JdbcSchema.scripts().size(), count("SELECT count(*) FROM twice_schema_history"));
    }

    @Test
    void aSchemaQualifiedPrefixPutsEveryTableInThatSchema() throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA motcua");
        }
        JdbcTables tables = new JdbcTables("motcua.egov_");
        assertEquals(JdbcSchema.scripts(), JdbcSchema.install(PG.dataSource(), tables));
        assertEquals(List.of(), JdbcSchema.install(PG.dataSource(), tables));
        assertEquals(4, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'motcua'"
                + " AND table_name IN ('egov_schema_history', 'egov_axis_checkpoint', 'egov_dossier_outbox',"
                + " 'egov_catalogue_cache')"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name LIKE 'egov\\_%'"), "nothing outside the vendor's schema");

        CheckpointStore checkpoints = JdbcCheckpointStore.builder(PG.dataSource()).tables(tables).build();
        checkpoints.markHandled("doc");
        checkpoints.markDone("doc");
        assertTrue(checkpoints.isDone("doc"));
        DossierOutbox outbox = JdbcDossierOutbox.builder(PG.dataSource()).tables(tables).build();
        long s = outbox.enqueue(List.of(new OutboxItem("k", OutboxKind.STATUS, "H01-1", "{}"))).get(0).sequence();
        outbox.markSending(List.of(s));
        assertEquals(1, outbox.find(s).orElseThrow().attempts());
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
