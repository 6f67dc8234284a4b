package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.PaymentState;

/** The [INFERRED] PayGov status codes: the defaults, a vendor's own mapping, and the mistakes refused. */
class PayGovStatusCodesTest {
    @Test
    void defaultsMapTheInferredCodes() {
        PayGovStatusCodes d = PayGovStatusCodes.defaults();
        assertEquals(PaymentState.PAID, d.queryState("00"));
        assertEquals(PaymentState.PENDING, d.queryState("99"));
        assertEquals(PaymentState.EXPIRED, d.queryState("24"));
        assertEquals(PaymentState.FAILED, d.queryState("01"));
        assertEquals(PaymentState.PENDING, d.queryState(null));
        assertEquals(PaymentState.PENDING, d.queryState(""));
        assertEquals(PaymentState.PAID, d.callbackState("00"));
        assertEquals(PaymentState.FAILED, d.callbackState("99"));
        assertEquals(PaymentState.FAILED, d.callbackState(null));
        assertTrue(d.isKnown("24"));
        assertFalse(d.isKnown("01"));
    }

    @Test
    void aVendorMappingReplacesEachSet() {
        PayGovStatusCodes c = PayGovStatusCodes.defaults().withPaid("00", "000").withPending("01", "99")
                .withExpired().withFailed("24").withUnknown(PaymentState.PENDING);
        assertEquals(PaymentState.PAID, c.queryState("000"));
        assertEquals(PaymentState.PAID, c.callbackState("000"));
        assertEquals(PaymentState.PENDING, c.queryState("01"));
        assertEquals(PaymentState.FAILED, c.queryState("24"));
        assertEquals(PaymentState.PENDING, c.queryState("something new"));
        assertEquals(PaymentState.FAILED, c.callbackState("something new"));
        assertTrue(c.expired().isEmpty());
        assertEquals(PaymentState.EXPIRED, PayGovStatusCodes.defaults().queryState("24"), "the defaults unchanged");
        assertTrue(c.toString().contains("000"));
    }

    @Test
    void aCodeGivenToOneSetLeavesTheOthers() {
        PayGovStatusCodes c = PayGovStatusCodes.defaults().withPaid("00", "99");
        assertEquals(PaymentState.PAID, c.queryState("99"));
        assertTrue(c.pending().isEmpty());
        PayGovStatusCodes f = PayGovStatusCodes.defaults().withFailed("00");
        assertTrue(f.paid().isEmpty());
        assertEquals(PaymentState.FAILED, f.callbackState("00"));
    }

    @Test
    void mistakesAreValidationErrorsNamingTheSet() {
        PayGovStatusCodes d = PayGovStatusCodes.defaults();
        assertEquals("PayGovStatusCodes.paid", assertThrows(ValidationException.class, d::withPaid)
                .errors().get(0).path());
        assertEquals("PayGovStatusCodes.paid", assertThrows(ValidationException.class, () -> d.withPaid(" "))
                .errors().get(0).path());
        assertEquals("PayGovStatusCodes.pending", assertThrows(ValidationException.class,
                () -> d.withPending((String) null)).errors().get(0).path());
        assertEquals("PayGovStatusCodes.unknown", assertThrows(ValidationException.class,
                () -> d.withUnknown(PaymentState.PAID)).errors().get(0).path());
        assertEquals("PayGovStatusCodes.unknown", assertThrows(ValidationException.class,
                () -> d.withUnknown(null)).errors().get(0).path());
        assertThrows(ValidationException.class, () -> PayGovClient.builder().statusCodes(null));
    }
}
