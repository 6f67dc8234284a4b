package vn.egov.sdk.axis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VdxpEnvelopeTest {

    @Test
    void decodesDataWhereverItStandsInTheObject() {
        byte[] pkg = "<edXML>xin chào</edXML>".getBytes(StandardCharsets.UTF_8);
        String body = "{\"data\":\"" + Base64.getEncoder().encodeToString(pkg)
                + "\",\"extra\":{\"a\":[1,2]},\"status\":\"OK\",\"ErrorCode\":0,\"ErrorDesc\":\"\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        VdxpEnvelope env = VdxpEnvelope.decodeData(stream(body), out).orElseThrow();

        assertTrue(env.ok());
        assertEquals("0", env.errorCode());
        assertArrayEquals(pkg, out.toByteArray());
    }

    @Test
    void failIsNotOkAndABodyThatIsNotAnObjectIsNoEnvelope() {
        assertFalse(VdxpEnvelope.peek(stream("{\"status\":\"FAIL\",\"ErrorCode\":\"2003\"}")).orElseThrow().ok());
        assertFalse(VdxpEnvelope.peek(stream("{\"status\":\"OK\",\"ErrorCode\":\"7\"}")).orElseThrow().ok());
        assertFalse(VdxpEnvelope.peek(stream("{}")).orElseThrow().ok());
        assertTrue(VdxpEnvelope.peek(stream("[1]")).isEmpty());
        assertTrue(VdxpEnvelope.peek(stream("not json")).isEmpty());
    }

    @Test
    void unknownCodesAreRejectionsOrUnavailabilityByHttpStatus() {
        VdxpErrors errors = new VdxpErrors(vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes.defaults());
        assertEquals(vn.egov.sdk.axis.VdxpErrorKind.REJECTED, errors.kindOf("9999", 200));
        assertEquals(vn.egov.sdk.axis.VdxpErrorKind.UNAVAILABLE, errors.kindOf("9999", 502));
        assertEquals(vn.egov.sdk.axis.VdxpErrorKind.HASH_MISMATCH, errors.kindOf("2001", 200));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
