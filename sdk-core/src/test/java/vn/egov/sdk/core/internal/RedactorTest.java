package vn.egov.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void credentialHeadersAreMasked() {
        for (String h : new String[] {"Authorization", "proxy-authorization", "Cookie", "lgspaccesstoken",
                "X-SecretKey", "XroadVnpt-hash-header", "X-Api-Key", "AuthHash"}) {
            assertEquals(Redactor.MASK, Redactor.headerValue(h, "value"), h);
        }
        assertEquals("abc", Redactor.headerValue("Idempotency-Key", "abc"));
        assertEquals("application/json", Redactor.headerValue("Content-Type", "application/json"));
    }

    @Test
    void jwtsAndSmartCaActivationDataAreMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        String out = Redactor.redactText("{\"data\":{\"sad\":\"opaque-activation\",\"note\":\"" + jwt + "\"},"
                + "\"sadness\":\"kept\"}");
        assertFalse(out.contains("opaque-activation"), out);
        assertFalse(out.contains(jwt), out);
        assertTrue(out.contains("[jwt]"), out);
        assertTrue(out.contains("kept"), "only the exact name sad is masked: " + out);
    }

    @Test
    void secretJsonFieldsAreMaskedOthersKept() {
        String out = Redactor.redactText("{\"client_secret\":\"abc\",\"name\":\"Nguyen Van A\",\"checksum\":\"ff\","
                + "\"nested\":{\"access_token\":\"t\\\"q\"},\"amount\":100000}");
        assertFalse(out.contains("abc"));
        assertFalse(out.contains("\"ff\""));
        assertFalse(out.contains("t\\\"q"));
        assertTrue(out.contains("Nguyen Van A"));
        assertTrue(out.contains("100000"));
    }

    @Test
    void formAndQueryFieldsAreMasked() {
        String out = Redactor.redactText("grant_type=client_credentials&client_secret=abc&scope=x");
        assertEquals("grant_type=client_credentials&client_secret=****&scope=x", out);
        assertEquals("/pay?vnp_SecureHash=**** ", Redactor.redactText("/pay?vnp_SecureHash=deadbeef ").replace(
                "deadbeef", "LEAK"));
    }

    @Test
    void citizenIdNumbersAreMaskedButOtherNumbersKept() {
        assertEquals("CCCD [id:12 digits], CMND [id:9 digits], phone 0912345678, year 2026",
                Redactor.redactText("CCCD 001203004567, CMND 123456789, phone 0912345678, year 2026"));
    }

    @Test
    void nullAndEmptyAreSafe() {
        assertEquals("", Redactor.redactText(null));
        assertEquals("", Redactor.redactText(""));
    }
}
