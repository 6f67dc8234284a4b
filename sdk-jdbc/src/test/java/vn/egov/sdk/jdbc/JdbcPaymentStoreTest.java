package vn.egov.sdk.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.Sql;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentStoreContract;

/** The payment store on PostgreSQL runs the same contract as the in-memory store. */
class JdbcPaymentStoreTest extends PaymentStoreContract {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @Override
    protected PaymentStore newStore() {
        Sql.installAndEmpty(PG.dataSource(), JdbcTables.defaults(), "payment");
        return new JdbcPaymentStore(PG.dataSource(), JdbcTables.defaults());
    }
}
