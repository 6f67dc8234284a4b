package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/** The one argument check of {@link PaymentStore#applyFinalState} that every store runs. */
class PaymentStoreCheckFinalStateTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static FieldError rejected(Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0);
    }

    private static void assertRejected(String code, String path, Executable call) {
        FieldError error = rejected(call);
        assertEquals(code, error.code(), error.toString());
        assertEquals(path, error.path(), error.toString());
    }

    @Test
    void eachMissingArgumentIsNamed() {
        PaymentSystem s = PaymentSystem.DVCQG_PAYMENT_PLATFORM;
        PaymentEffect e = PaymentEffect.none();
        assertRejected("required", "PaymentStore.system",
                () -> PaymentStore.checkFinalState(null, "R1", PaymentState.PAID, AT, e));
        assertRejected("required", "PaymentStore.reference",
                () -> PaymentStore.checkFinalState(s, null, PaymentState.PAID, AT, e));
        assertRejected("required", "PaymentStore.state", () -> PaymentStore.checkFinalState(s, "R1", null, AT, e));
        assertRejected("required", "PaymentStore.at",
                () -> PaymentStore.checkFinalState(s, "R1", PaymentState.PAID, null, e));
        assertRejected("required", "PaymentStore.effect",
                () -> PaymentStore.checkFinalState(s, "R1", PaymentState.PAID, AT, null));
    }

    @Test
    void onlyAFinalStateIsAccepted() {
        for (PaymentState state : PaymentState.values()) {
            Executable call = () -> PaymentStore.checkFinalState(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R1", state, AT,
                    PaymentEffect.none());
            if (state.isFinal()) {
                assertDoesNotThrow(call, state.name());
            } else {
                assertRejected("final", "PaymentStore.state", call);
            }
        }
    }

    @Test
    void theInMemoryStoreRunsTheCheckBeforeLookingTheReferenceUp() {
        assertRejected("final", "PaymentStore.state", () -> new InMemoryPaymentStore()
                .applyFinalState(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "never-created", PaymentState.PENDING, "", AT,
                        PaymentEffect.none()));
    }
}
