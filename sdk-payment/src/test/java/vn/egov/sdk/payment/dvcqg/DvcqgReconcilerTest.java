package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.Reconciler;
import vn.egov.sdk.payment.ReconciliationRun;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** Callbacks that never came: the Reconciler asks the sandbox with QUERY and applies each final state once. */
class DvcqgReconcilerTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    @RegisterExtension
    final DvcqgPayFixture vendor = new DvcqgPayFixture(sandbox);

    @Test
    void missingCallbacksAreFoundAndAppliedOnce() {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        PaymentStart paid = vendor.client.create(PaymentOrder.of("H41.01-260305-0201", 150_000, "Lệ phí"));
        PaymentStart failed = vendor.client.create(PaymentOrder.of("H41.01-260305-0202", 150_000, "Lệ phí"));
        PaymentStart pending = vendor.client.create(PaymentOrder.of("H41.01-260305-0203", 150_000, "Lệ phí"));
        sandbox.dvcqgPay().pay(paid.reference());
        sandbox.dvcqgPay().fail(failed.reference());
        AtomicInteger effects = new AtomicInteger();
        Reconciler reconciler = Reconciler.builder().gateway(vendor.client).effect(p -> effects.incrementAndGet())
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).build();

        ReconciliationRun run = reconciler.run();

        assertTrue(run.isClean(), run.errors().toString());
        assertEquals(List.of(paid.reference()), run.appliedPaid());
        assertEquals(List.of(failed.reference()), run.appliedFailed());
        assertEquals(List.of(pending.reference()), run.stillPending());
        assertEquals(2, effects.get());
        assertEquals(PaymentState.PAID, vendor.client.store().find(vendor.client.system(), paid.reference())
                .orElseThrow().state());

        ReconciliationRun again = reconciler.run();
        assertEquals(0, again.appliedCount());
        assertEquals(2, effects.get());
    }
}
