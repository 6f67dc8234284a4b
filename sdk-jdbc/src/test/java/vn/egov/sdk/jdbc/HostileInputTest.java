package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.LoginStateFailure;
import vn.egov.sdk.identity.PendingLogin;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.payment.ApplyOutcome;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;

/**
 * Values PostgreSQL cannot store (U+0000) and oversized states: a lookup finds nothing, a write is a
 * ValidationException, never a database error; and a null argument is a ValidationException.
 */
class HostileInputTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final PaymentSystem SYSTEM = PaymentSystem.PAYGOV;

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    @Test
    void nulInPaymentValues() {
        JdbcPaymentStore store = new JdbcPaymentStore(PG.dataSource(), JdbcTables.defaults());
        assertTrue(store.find(SYSTEM, "R\u0000").isEmpty());
        assertTrue(store.findPending(SYSTEM, "H\u0000", 1_000).isEmpty());
        assertEquals(ApplyOutcome.UNKNOWN_REFERENCE,
                store.applyFinalState(SYSTEM, "R\u0000", PaymentState.PAID, "", T0, PaymentEffect.none()));
        PaymentRecord bad = PaymentRecord.pending(SYSTEM, "R\u0000", PaymentOrder.of("H1", 1_000, "Lệ phí"), T0,
                "20261207100000", Map.of());
        assertThrows(ValidationException.class, () -> store.create(bad));
        assertThrows(ValidationException.class, () -> store.findPendingOrCreate(bad));
        PaymentRecord badAttribute = PaymentRecord.pending(SYSTEM, "R2", PaymentOrder.of("H1", 1_000, "Lệ phí"), T0,
                "20261207100000", Map.of("orderId", "x\u0000"));
        assertThrows(ValidationException.class, () -> store.create(badAttribute));
        assertTrue(store.find(SYSTEM, "R2").isEmpty());
    }

    @Test
    void nullArgumentsAreValidationExceptions() {
        assertThrows(ValidationException.class, () -> new JdbcPaymentStore(null, JdbcTables.defaults()));
        assertThrows(ValidationException.class, () -> new JdbcPaymentStore(PG.dataSource(), null));
        JdbcPaymentStore store = new JdbcPaymentStore(PG.dataSource(), JdbcTables.defaults());
        assertThrows(ValidationException.class, () -> store.create(null));
        assertThrows(ValidationException.class, () -> store.updatePending(null));
        assertThrows(ValidationException.class, () -> store.find(null, "R"));
        assertThrows(ValidationException.class, () -> store.find(SYSTEM, null));
        assertThrows(ValidationException.class, () -> store.findPendingOrCreate(null));
        assertThrows(ValidationException.class, () -> store.createdBetween(SYSTEM, null, T0));
        assertThrows(ValidationException.class, () -> store.pendingBetween(SYSTEM, T0, T0, 0));
        assertThrows(ValidationException.class,
                () -> store.applyFinalState(SYSTEM, "R", PaymentState.PAID, "", T0, null));
    }

    @Test
    void nulOrOversizedStatesAreUnknown() {
        JdbcPendingLoginStore store = JdbcPendingLoginStore.builder(PG.dataSource())
                .clock(new ManualClock(T0)).build();
        PendingLogin login = new PendingLogin("state-hostile-Zm9vYmFy", "nonce-h", "verifier-hostile-abcdef",
                "https://portal.tinh.gov.vn/sso/callback", "/", List.of("LoA1"), T0);
        String binding = store.save(login);
        for (String state : List.of("state\u0000", "s".repeat(100_000))) {
            assertEquals(LoginStateFailure.UNKNOWN_STATE,
                    assertThrows(LoginStateException.class, () -> store.take(state, binding)).failure());
        }
        assertEquals(login, store.take(login.state(), binding));
    }
}
