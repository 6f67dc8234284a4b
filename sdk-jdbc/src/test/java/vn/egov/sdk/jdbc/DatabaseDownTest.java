package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.identity.PendingLogin;
import vn.egov.sdk.identity.PendingLoginStoreException;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.OutageDataSource;
import vn.egov.sdk.payment.ApplyOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStoreException;
import vn.egov.sdk.payment.PaymentSystem;

/** The database down for a while: typed, retryable errors, nothing changed, and everything works once it is back. */
class DatabaseDownTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final PaymentSystem SYSTEM = PaymentSystem.DVCQG_PAYMENT_PLATFORM;

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    private static PaymentRecord record(String reference) {
        return PaymentRecord.pending(SYSTEM, reference, PaymentOrder.of("H41.DOWN-" + reference, 20_000, "Lệ phí"),
                T0, "20261207100000", Map.of());
    }

    @Test
    void thePaymentStoreFailsTypedWhileDownAndRecovers() {
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        JdbcPaymentStore store = new JdbcPaymentStore(db, JdbcTables.defaults());
        store.create(record("P1"));
        AtomicInteger effects = new AtomicInteger();

        db.mode(OutageDataSource.Mode.BREAK);
        for (Runnable call : List.<Runnable>of(() -> store.create(record("P2")), () -> store.find(SYSTEM, "P1"),
                () -> store.findPendingOrCreate(record("P3")), () -> store.createdBetween(SYSTEM, T0, T0.plusSeconds(1)),
                () -> store.applyFinalState(SYSTEM, "P1", PaymentState.PAID, "G1", T0, p -> effects.incrementAndGet()))) {
            PaymentStoreException e = assertThrows(PaymentStoreException.class, call::run);
            assertTrue(e.retryable(), e.getMessage());
            assertEquals(Fault.NETWORK, e.fault());
            assertTrue(e.getMessage().contains("08006"), e.getMessage());
        }
        assertEquals(0, effects.get(), "no effect ran while the database was down");

        db.mode(OutageDataSource.Mode.UP);
        assertEquals(PaymentState.PENDING, store.find(SYSTEM, "P1").orElseThrow().state());
        assertTrue(store.find(SYSTEM, "P2").isEmpty());
        assertEquals(ApplyOutcome.APPLIED, store.applyFinalState(SYSTEM, "P1", PaymentState.PAID, "G1", T0,
                p -> effects.incrementAndGet()));
        assertEquals(1, effects.get());
        store.create(record("P2"));
        assertEquals(2, store.createdBetween(SYSTEM, T0, T0.plusSeconds(1)).size());
    }

    @Test
    void aMissingTableIsNotRetryable() {
        JdbcPaymentStore store = new JdbcPaymentStore(PG.dataSource(), new JdbcTables("never_installed_"));
        PaymentStoreException e = assertThrows(PaymentStoreException.class, () -> store.find(SYSTEM, "P1"));
        assertFalse(e.retryable());
        assertEquals(Fault.CALLER, e.fault());
        assertTrue(e.getMessage().contains("42P01"), e.getMessage());
    }

    @Test
    void thePendingLoginStoreFailsTypedWhileDownAndTheLoginSurvives() {
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        ManualClock clock = new ManualClock(T0);
        JdbcPendingLoginStore store = JdbcPendingLoginStore.builder(db).clock(clock).build();
        PendingLogin login = new PendingLogin("state-down-Zm9vYmFy", "nonce-down", "verifier-down-abcdef",
                "https://portal.tinh.gov.vn/sso/callback", "/", List.of(), T0);
        String binding = store.save(login);

        db.mode(OutageDataSource.Mode.BREAK);
        PendingLoginStoreException e = assertThrows(PendingLoginStoreException.class,
                () -> store.take(login.state(), binding));
        assertTrue(e.retryable());
        assertFalse(e.getMessage().contains(binding) || e.getMessage().contains(login.state()), e.getMessage());
        assertTrue(assertThrows(PendingLoginStoreException.class, () -> store.save(login)).retryable());

        db.mode(OutageDataSource.Mode.UP);
        assertEquals(login, store.take(login.state(), binding), "the login was not consumed by the failed take");
    }
}
