package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.LoginStateFailure;
import vn.egov.sdk.identity.PendingLogin;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.identity.PendingLoginStoreContract;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.Sql;

/** The pending-login store on PostgreSQL: the shared contract, plus its bound, pruning and settings. */
class JdbcPendingLoginStoreTest extends PendingLoginStoreContract {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Override
    protected PendingLoginStore newStore(ManualClock clock) {
        Sql.installAndEmpty(PG.dataSource(), JdbcTables.defaults(), "pending_login");
        return JdbcPendingLoginStore.builder(PG.dataSource()).clock(clock).ttl(TTL).build();
    }

    private static int rows(String where) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM egov_pending_login WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void whenFullTheOldestSavedIsEvicted() throws SQLException {
        PendingLoginStore small = JdbcPendingLoginStore.builder(PG.dataSource()).clock(clock).maxEntries(3).build();
        PendingLogin first = login();
        String firstBinding = small.save(first);
        List<PendingLogin> rest = List.of(login(), login(), login());
        List<String> bindings = rest.stream().map(small::save).toList();
        assertEquals(3, rows("NOT taken"));
        LoginStateException e = assertThrows(LoginStateException.class, () -> small.take(first.state(), firstBinding));
        assertEquals(LoginStateFailure.UNKNOWN_STATE, e.failure());
        for (int i = 0; i < 3; i++) {
            assertEquals(rest.get(i), small.take(rest.get(i).state(), bindings.get(i)));
        }
        assertEquals(3, rows("taken"), "taken states are remembered, within the same bound");
        PendingLogin last = login();
        small.take(last.state(), small.save(last));
        assertEquals(3, rows("taken"), "the oldest taken state is forgotten beyond the bound");
    }

    @Test
    void aTakenLoginKeepsNoSecretsAndExpiredRowsArePruned() throws SQLException {
        PendingLogin a = login();
        store.take(a.state(), store.save(a));
        store.save(login());
        assertEquals(0, rows("taken AND (nonce IS NOT NULL OR code_verifier IS NOT NULL)"));
        assertEquals(2, rows("TRUE"));
        clock.advance(Duration.ofMinutes(11));
        store.save(login());
        assertEquals(1, rows("TRUE"), "the expired pending and taken rows went with the next save");
    }

    @Test
    void aStateIsSavedOnlyOnce() {
        PendingLogin login = login();
        store.save(login);
        assertEquals("PendingLogin.state", assertThrows(ValidationException.class, () -> store.save(login))
                .errors().get(0).path());
    }

    @Test
    void badSettingsAreValidationExceptions() {
        assertThrows(ValidationException.class, () -> JdbcPendingLoginStore.builder(null));
        JdbcPendingLoginStore.Builder b = JdbcPendingLoginStore.builder(PG.dataSource());
        assertThrows(ValidationException.class, () -> b.ttl(Duration.ZERO));
        assertThrows(ValidationException.class, () -> b.ttl(Duration.ofDays(1)));
        assertThrows(ValidationException.class, () -> b.ttl(null));
        assertThrows(ValidationException.class, () -> b.maxEntries(0));
        assertThrows(ValidationException.class, () -> b.clock(null));
        assertThrows(ValidationException.class, () -> b.tables(null));
    }
}
