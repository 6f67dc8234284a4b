package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class InMemoryPaymentStoreTest extends PaymentStoreContract {
    @Override
    protected PaymentStore newStore() {
        return new InMemoryPaymentStore();
    }

    @Test
    void errorsNameTheFieldAndTheRule() {
        PaymentRecord r = record(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R3", "H01.3", 10_000, T0);
        store.create(r);
        assertEquals("PaymentStore.record.reference",
                assertThrows(ValidationException.class, () -> store.create(r)).errors().get(0).path());
        assertEquals("PaymentStore.record.state", assertThrows(ValidationException.class, () -> store.create(
                r.withFinalState(PaymentState.PAID, "", T0))).errors().get(0).path());
        assertEquals("PaymentStore.limit", assertThrows(ValidationException.class, () -> store.pendingBetween(
                PaymentSystem.PAYGOV, T0, T0, 0)).errors().get(0).path());
        assertEquals("PaymentStore.system", assertThrows(ValidationException.class, () -> store.find(null, "R3"))
                .errors().get(0).path());
    }
}
