package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class CallbackWindowTest {
    /** 2026-12-07 12:00:00 UTC is 19:00:00 in Hà Nội. */
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final CallbackWindow WINDOW = CallbackWindow.of(Duration.ofMinutes(30), Duration.ofMinutes(5));

    private static PaymentCallback callback(PaymentSystem system, String field, String time) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ref", "R1");
        if (field != null) {
            fields.put(field, time);
        }
        return new PaymentCallback(system, "R1", "T1", 1000, PaymentState.PAID, "00", fields);
    }

    private static CallbackVerificationException refused(PaymentCallback c) {
        return assertThrows(CallbackVerificationException.class, () -> WINDOW.check(c, NOW));
    }

    @Test
    void aDvcqgCallbackIsTimedByThoiGianGdInHanoiTime() {
        assertDoesNotThrow(() -> WINDOW.check(callback(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "ThoiGianGD",
                "20261207183001"), NOW));
        CallbackVerificationException old = refused(callback(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "ThoiGianGD",
                "20261207182959"));
        assertEquals(CallbackFailure.OUTSIDE_WINDOW, old.failure());
        assertEquals("ThoiGianGD", old.field().orElseThrow());
        assertTrue(old.getMessage().contains("more than PT30M before now"), old.getMessage());
    }

    @Test
    void aPayGovCallbackIsTimedByPayDateAndMayNotBeTooFarAhead() {
        assertDoesNotThrow(() -> WINDOW.check(callback(PaymentSystem.PAYGOV, "payDate", "20261207190500"), NOW));
        CallbackVerificationException ahead = refused(callback(PaymentSystem.PAYGOV, "payDate", "20261207190501"));
        assertEquals(CallbackFailure.OUTSIDE_WINDOW, ahead.failure());
        assertEquals("payDate", ahead.field().orElseThrow());
    }

    @Test
    void aMissingOrBrokenTimeIsRefusedNamingTheField() {
        assertEquals(CallbackFailure.MISSING_FIELD,
                refused(callback(PaymentSystem.DVCQG_PAYMENT_PLATFORM, null, null)).failure());
        CallbackVerificationException broken = refused(callback(PaymentSystem.PAYGOV, "payDate", "07/12/2026"));
        assertEquals(CallbackFailure.MALFORMED, broken.failure());
        assertEquals("payDate", broken.field().orElseThrow());
    }

    @Test
    void keypayStatesNoTimeAndUnlimitedChecksNothing() {
        assertDoesNotThrow(() -> WINDOW.check(callback(PaymentSystem.KEYPAY_DVCQG, null, null), NOW));
        assertDoesNotThrow(() -> CallbackWindow.unlimited().check(
                callback(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "ThoiGianGD", "19990101000000"), NOW));
    }

    @Test
    void settingsAreChecked() {
        assertEquals("CallbackWindow.maxAge", assertThrows(ValidationException.class,
                () -> CallbackWindow.of(Duration.ZERO, Duration.ZERO)).errors().get(0).path());
        assertEquals("CallbackWindow.clockSkew", assertThrows(ValidationException.class,
                () -> CallbackWindow.of(Duration.ofMinutes(1), Duration.ofSeconds(-1))).errors().get(0).path());
    }
}
