package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.ReconciliationRun;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.payment.PaymentReconciliation;
import vn.egov.sdk.spring.payment.PaymentResult;
import vn.egov.sdk.spring.payment.PaymentResultListener;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** Callbacks that never come: the reconciler run with the context finds the payments and tells the listeners once. */
@ExtendWith(NationalSandboxExtension.class)
class EgovPaymentReconciliationTest {
    private final List<PaymentResult> results = new CopyOnWriteArrayList<>();

    private ApplicationContextRunner runner(NationalSandbox sandbox) {
        return StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovPaymentAutoConfiguration.class))
                .withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox))
                .withPropertyValues(EgovPaymentAutoConfigurationTest.keypay(sandbox))
                .withBean("recorder", PaymentResultListener.class, () -> results::add);
    }

    @Test
    void offUnlessEnabled(NationalSandbox sandbox) {
        runner(sandbox).run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(PaymentReconciliation.class).length);
        });
    }

    @Test
    void paymentsWhoseCallbackNeverCameAreAppliedOnceByRunNow(NationalSandbox sandbox) {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        sandbox.keypay().delivery(CallbackDelivery.never());
        runner(sandbox).withPropertyValues("egov.payment.reconcile.enabled=true", "egov.payment.reconcile.youngest=0s",
                "egov.payment.reconcile.interval=1h").run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    PaymentStart d = context.getBean(DvcqgPaymentPlatformClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0401", 150_000, "Lệ phí"));
                    PaymentStart k = context.getBean(KeypayDvcqgClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0402", 20_000, "Lệ phí"));
                    sandbox.dvcqgPay().pay(d.reference());
                    sandbox.keypay().fail(k.reference());

                    PaymentReconciliation reconciliation = context.getBean(PaymentReconciliation.class);
                    List<ReconciliationRun> runs = reconciliation.runNow();
                    assertEquals(2, runs.size());
                    assertEquals(2, results.size(), results.toString());
                    PaymentResult paid = results.stream()
                            .filter(r -> r.system() == PaymentSystem.DVCQG_PAYMENT_PLATFORM).findFirst().orElseThrow();
                    assertTrue(paid.paid());
                    assertEquals("H41.01-261207-0401", paid.dossierCode());
                    assertFalse(results.stream().filter(r -> r.system() == PaymentSystem.KEYPAY_DVCQG)
                            .findFirst().orElseThrow().paid());

                    reconciliation.runNow();
                    assertEquals(2, results.size(), "a final payment is not applied again");
                });
    }

    @Test
    void theScheduleRunsWithTheContextAndStopsWithIt(NationalSandbox sandbox) throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        PaymentReconciliation[] kept = new PaymentReconciliation[1];
        runner(sandbox).withPropertyValues("egov.payment.reconcile.enabled=true", "egov.payment.reconcile.youngest=0s",
                "egov.payment.reconcile.interval=100ms").run(context -> {
                    kept[0] = context.getBean(PaymentReconciliation.class);
                    assertTrue(kept[0].isRunning());
                    PaymentStart d = context.getBean(DvcqgPaymentPlatformClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0403", 150_000, "Lệ phí"));
                    sandbox.dvcqgPay().pay(d.reference());
                    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (results.isEmpty() && System.nanoTime() < end) {
                        Thread.sleep(20);
                    }
                    assertEquals(1, results.size());
                    assertFalse(kept[0].lastRuns().isEmpty());
                });
        assertFalse(kept[0].isRunning(), "stopped with the context");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("egov-payment-reconciler") && t.isAlive()), "its thread ended");
    }

    @Test
    void payGovIsLeftOutWithoutAStatusQuery(NationalSandbox sandbox) {
        runner(sandbox).withPropertyValues(EgovPaymentAutoConfigurationTest.paygov(sandbox))
                .withBean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN, AuthStrategy.class,
                        () -> sandbox.payGov().lgspAuth())
                .withPropertyValues("egov.payment.reconcile.enabled=true", "egov.payment.reconcile.interval=1h")
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    List<PaymentSystem> systems = context.getBean(PaymentReconciliation.class).runNow().stream()
                            .map(ReconciliationRun::system).toList();
                    assertEquals(2, systems.size(), systems.toString());
                    assertFalse(systems.contains(PaymentSystem.PAYGOV));
                });
    }

    @Test
    void aBrokenWindowIsNamed(NationalSandbox sandbox) {
        runner(sandbox).withPropertyValues("egov.payment.reconcile.oldest=10m", "egov.payment.reconcile.youngest=30m",
                "egov.payment.reconcile.interval=0s").run(context -> {
                    String m = StarterTestSupport.messages(context.getStartupFailure());
                    assertTrue(m.contains("egov.payment.reconcile.oldest must be longer than "
                            + "egov.payment.reconcile.youngest (got PT10M and PT30M)"), m);
                    assertTrue(m.contains("egov.payment.reconcile.interval must be positive (got PT0S)"), m);
                });
    }
}
