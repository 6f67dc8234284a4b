package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.egov.sdk.jdbc.JdbcPaymentStore;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** With a DataSource, the payments are sdk-jdbc's (PostgreSQL): the endpoint applies a callback once through it. */
@ExtendWith({NationalSandboxExtension.class, OutputCaptureExtension.class})
class EgovPaymentJdbcStoreTest {
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @Test
    void theJdbcStoreIsChosenAndACallbackIsAppliedOnceThroughIt(NationalSandbox sandbox, CapturedOutput output) {
        EgovPaymentCallbackEndpointTest.run(EgovPaymentCallbackEndpointTest.web()
                .withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .withPropertyValues("egov.jdbc.initialize-schema=true")
                .withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox)), (context, mvc, bridge, rec) -> {
                    PaymentStore store = context.getBean(PaymentStore.class);
                    assertInstanceOf(JdbcPaymentStore.class, store);
                    DvcqgPaymentPlatformClient client = context.getBean(DvcqgPaymentPlatformClient.class);
                    assertSame(store, client.store());
                    assertFalse(output.getAll().contains("InMemoryPaymentStore"), "no in-memory store, no warning");

                    sandbox.dvcqgPay().callbackUrl(bridge.url(EgovPaymentCallbackEndpointTest.DVCQG_PATH));
                    sandbox.dvcqgPay().delivery(CallbackDelivery.duplicated(2));
                    PaymentStart start = client.create(PaymentOrder.of("H41.01-261207-0501", 150_000, "Lệ phí"));
                    sandbox.dvcqgPay().pay(start.reference());
                    List<DvcqgPaySandbox.Delivery> two = EgovPaymentCallbackEndpointTest.deliveries(sandbox,
                            start.reference(), 2);
                    for (DvcqgPaySandbox.Delivery d : two) {
                        assertEquals("00", EgovPaymentCallbackEndpointTest.JSON.readTree(d.reply()).get("MaLoi")
                                .asText(), d.reply());
                    }
                    assertEquals(1, rec.results.size());
                    assertEquals(PaymentState.PAID, store.find(PaymentSystem.DVCQG_PAYMENT_PLATFORM, start.reference())
                            .orElseThrow().state());
                    assertEquals("PAID", db.text("SELECT state FROM egov_payment WHERE reference = '"
                            + start.reference() + "'"));
                });
    }
}
