package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.CheckpointStoreContract;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.testsupport.Postgres;

class JdbcCheckpointStoreTest extends CheckpointStoreContract {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    @Override
    protected CheckpointStore newStore(ManualClock clock, Duration retention) {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE egov_axis_checkpoint");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return JdbcCheckpointStore.builder(PG.dataSource()).clock(clock).retention(retention).build();
    }

    @Test
    void aSecondStoreOnTheSameDatabaseSeesEveryMark() {
        store.markAttempt("a");
        store.markHandled("a");
        store.markFailed("b", "x");
        CheckpointStore other = JdbcCheckpointStore.builder(PG.dataSource()).clock(clock).build();
        assertEquals(CheckpointState.HANDLED, other.find("a").orElseThrow().state());
        other.markDone("a");
        assertTrue(store.isDone("a"));
        assertEquals(2, other.markFailed("b", "y"));
    }

    @Test
    void aMissingTableIsATypedErrorThatIsNotRetryable() {
        CheckpointStore elsewhere = JdbcCheckpointStore.builder(PG.dataSource())
                .tables(new JdbcTables("nowhere_")).clock(clock).build();
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> elsewhere.markDone("a"));
        assertTrue(e.getMessage().contains("nowhere_axis_checkpoint"), e.getMessage());
        assertTrue(!e.retryable(), e.getMessage());
    }

    @Test
    void aNulInADocIdIsRefusedAndInAReasonIsReplaced() {
        assertEquals("docId", assertThrows(ValidationException.class, () -> store.markDone("a\0b"))
                .errors().get(0).path());
        store.markFailed("a", "bad\0byte");
        assertEquals("bad\uFFFDbyte", store.find("a").orElseThrow().lastError());
    }

    @Test
    void badBuilderArgumentsNameTheField() {
        assertEquals("dataSource", assertThrows(ValidationException.class,
                () -> JdbcCheckpointStore.builder(null)).errors().get(0).path());
        JdbcCheckpointStore.Builder b = JdbcCheckpointStore.builder(PG.dataSource());
        assertEquals("retention", assertThrows(ValidationException.class, () -> b.retention(Duration.ZERO))
                .errors().get(0).path());
        assertEquals("clock", assertThrows(ValidationException.class, () -> b.clock(null)).errors().get(0).path());
        assertEquals("tables", assertThrows(ValidationException.class, () -> b.tables(null)).errors().get(0).path());
    }

    @Test
    void marksAreCommittedWhenThePoolHandsOutConnectionsOutsideAutoCommit() {
        DataSource manual = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(PG.dataSource(), args);
                        if (result instanceof Connection c) {
                            c.setAutoCommit(false);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CheckpointStore onManual = JdbcCheckpointStore.builder(manual).clock(clock).build();
        assertEquals(1, onManual.markAttempt("m"));
        onManual.markHandled("m");
        assertEquals(CheckpointState.HANDLED, store.find("m").orElseThrow().state());
        onManual.markDone("m");
        assertEquals(1, onManual.markAttempt("m")); // refused (DONE is final): the count is read back
        assertTrue(store.isDone("m"));
        assertEquals(CheckpointState.DONE, onManual.find("m").orElseThrow().state());
    }
}
