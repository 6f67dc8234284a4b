package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStatus;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * A vendor's own PayGov status codes change what the sandbox's answers mean: the same query answer and the same
 * callback give another state than the [INFERRED] defaults.
 */
class PayGovStatusCodesSandboxTest {
    private static NationalSandbox sandbox;
    private PayGovTestSupport vendor;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        sandbox.reset();
        vendor = new PayGovTestSupport();
        sandbox.payGov().callbackUrl(vendor.callbackUrl());
    }

    @AfterEach
    void tearDown() {
        vendor.close();
    }

    @Test
    void theSameQueryAnswersReadAsTheVendorConfigured() {
        PayGovStatusCodes own = PayGovStatusCodes.defaults().withPending("99", "24").withExpired()
                .withUnknown(PaymentState.PENDING);
        try (PayGovClient defaults = PayGovTestSupport.standard(sandbox).urlQuery("/PayGov/Query").build();
                PayGovClient configured = PayGovTestSupport.standard(sandbox).urlQuery("/PayGov/Query")
                        .store(defaults.store()).statusCodes(own).build()) {
            vendor.client = defaults;
            sandbox.payGov().delivery(CallbackDelivery.never());
            PaymentStart expired = defaults.create(PaymentOrder.of("D-EXPIRE", 10_000, "Lệ phí"));
            sandbox.payGov().expire(expired.reference());
            PaymentStatus byDefault = defaults.query(expired.reference());
            PaymentStatus byVendor = configured.query(expired.reference());
            assertEquals("24", byDefault.rawCode());
            assertEquals(PaymentState.EXPIRED, byDefault.state());
            assertEquals("24", byVendor.rawCode());
            assertEquals(PaymentState.PENDING, byVendor.state());

            PaymentStart failed = defaults.create(PaymentOrder.of("D-FAILQ", 10_000, "Lệ phí"));
            sandbox.payGov().fail(failed.reference());
            assertEquals(PaymentState.FAILED, defaults.query(failed.reference()).state());
            assertEquals(PaymentState.PENDING, configured.query(failed.reference()).state(),
                    "an unknown code read as pending when the vendor says so");
        }
    }

    @Test
    void aCallbackIsPaidOnlyForTheVendorsPaidCodes() throws Exception {
        try (PayGovClient client = PayGovTestSupport.standard(sandbox)
                .statusCodes(PayGovStatusCodes.defaults().withPaid("000")).build()) {
            vendor.client = client;
            PaymentStart start = client.create(PaymentOrder.of("D-CODES", 30_000, "Lệ phí"));
            sandbox.payGov().pay(start.reference());
            PayGovTestSupport.await(() -> !vendor.outcomes.isEmpty(), "the callback's outcome");
            assertEquals(1, vendor.effectsFor(start.reference()));
            assertEquals(CallbackOutcome.Result.APPLIED, vendor.outcomes.get(0).result());
            assertEquals(PaymentState.FAILED,
                    client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow().state(),
                    "errorCode 00 is not a paid code for this vendor");
        }
        assertEquals(PaymentState.PAID, PayGovStatusCodes.defaults().callbackState("00"));
    }
}
