package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.identity.PendingLogin;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.payment.ApplyOutcome;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;

/** The payment and pending-login tables under a vendor's own prefix: installed once, used by both stores. */
class PrefixedTablesTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void bothStoresWorkUnderAVendorPrefix() throws SQLException {
        JdbcTables tables = new JdbcTables("portal_egov_");
        assertTrue(JdbcSchema.install(PG.dataSource(), tables).containsAll(
                List.of("V4__payments.sql", "V5__pending_logins.sql")));
        assertTrue(JdbcSchema.install(PG.dataSource(), tables).isEmpty(), "a second install applies nothing");
        assertTrue(exists("portal_egov_payment") && exists("portal_egov_pending_login"));
        assertTrue(!exists("egov_payment"), "nothing under the default prefix");

        JdbcPaymentStore payments = new JdbcPaymentStore(PG.dataSource(), tables);
        PaymentRecord r = PaymentRecord.pending(PaymentSystem.KEYPAY_DVCQG, "K1",
                PaymentOrder.of("H1", 5_000, "Lệ phí"), T0, "20261207100000", Map.of("a", "1", "b", "2"));
        payments.create(r);
        assertEquals(ApplyOutcome.APPLIED, payments.applyFinalState(PaymentSystem.KEYPAY_DVCQG, "K1",
                PaymentState.PAID, "G", T0, PaymentEffect.none()));

        JdbcPendingLoginStore logins = JdbcPendingLoginStore.builder(PG.dataSource()).tables(tables)
                .clock(new ManualClock(T0)).build();
        PendingLogin login = new PendingLogin("state-prefixed-Zm9v", "n", "verifier-prefixed-abc",
                "https://portal.tinh.gov.vn/sso/callback", "/", List.of(), T0);
        assertEquals(login, logins.take(login.state(), logins.save(login)));
    }

    private static boolean exists(String table) throws SQLException {
        try (Connection c = PG.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }
}
