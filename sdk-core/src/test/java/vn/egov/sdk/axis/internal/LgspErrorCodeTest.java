package vn.egov.sdk.axis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.CounterpartyException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;

/** The LGSP v1 error table, the HTTP-200 refusal interceptor and the error mapper. */
class LgspErrorCodeTest {
    private static final ApiRequest GET = ApiRequest.builder("GET", "http://lgsp.test/v1/getEdoc?docId=1").build();
    private static final AttemptContext CTX = new AttemptContext("corr-1", 1, Optional.empty(), Instant.EPOCH);

    private static ApiResponse ok(String json) {
        return new ApiResponse(200, Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String code) {
        return "{\"success\":false,\"message\":\"m\",\"data\":{\"docId\":null,\"status\":\"error\",\"errorCode\":\""
                + code + "\",\"errorDesc\":\"desc " + code + "\"}}";
    }

    private static EgovException mapped(String code) {
        ApiResponse r = new LgspEnvelopeInterceptor().afterAttempt(GET, ok(refusal(code)), CTX);
        return new LgspErrorMapper().map(GET, r, CTX, true);
    }

    @Test
    void everyCodeOfTheTableBecomesItsException() {
        assertInstanceOf(AuthenticationException.class, mapped("15"));
        assertInstanceOf(AuthenticationException.class, mapped("19"));
        assertInstanceOf(CounterpartyException.class, mapped("18"));
        assertInstanceOf(CounterpartyException.class, mapped("23"));
        assertInstanceOf(PlatformException.class, mapped("10"));
        assertInstanceOf(PlatformException.class, mapped("20"));
        assertInstanceOf(PlatformException.class, mapped("21"));
        EgovException notConforming = mapped("22");
        assertInstanceOf(PlatformException.class, notConforming);
        assertEquals(Fault.CALLER, notConforming.fault());
        assertFalse(notConforming.retryable());
    }

    @Test
    void systemErrorIsRetryableAndKeepsTheRealStatus() {
        ApiResponse r = new LgspEnvelopeInterceptor().afterAttempt(GET, ok(refusal("20")), CTX);
        assertEquals(503, r.status());
        EgovException e = new LgspErrorMapper().map(GET, r, CTX, true);
        assertTrue(e.retryable());
        assertEquals(Fault.PLATFORM, e.fault());
        assertEquals(OptionalInt.of(200), e.httpStatus());
        assertEquals(Optional.of("20"), e.platformErrorCode());
        assertEquals(Optional.of("corr-1"), e.correlationId());
        assertTrue(e.getMessage().contains("desc 20"), e.getMessage());
    }

    @Test
    void nonRetryableAndUnknownCodesAre422() {
        assertEquals(422, new LgspEnvelopeInterceptor().afterAttempt(GET, ok(refusal("18")), CTX).status());
        assertEquals(422, new LgspEnvelopeInterceptor().afterAttempt(GET, ok(refusal("77")), CTX).status());
        EgovException unknown = mapped("77");
        assertInstanceOf(PlatformException.class, unknown);
        assertEquals(Optional.of("77"), unknown.platformErrorCode());
    }

    @Test
    void successfulAndNonEnvelopeAnswersAreLeftAlone() {
        LgspEnvelopeInterceptor i = new LgspEnvelopeInterceptor();
        ApiResponse success = ok("{\"success\":true,\"docId\":\"x\"}");
        assertSame(success, i.afterAttempt(GET, success, CTX));
        ApiResponse array = ok("[{\"orgCode\":\"000.00.00.H37\"}]");
        assertSame(array, i.afterAttempt(GET, array, CTX));
        ApiResponse login = ok("{\"code\":\"0\",\"data\":{\"token\":\"t\"}}");
        assertSame(login, i.afterAttempt(GET, login, CTX));
    }

    @Test
    void plain401IsAnAuthenticationError() {
        ApiResponse r = new ApiResponse(401, Map.of(),
                "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8));
        assertInstanceOf(AuthenticationException.class, new LgspErrorMapper().map(GET, r, CTX, false));
    }

    @Test
    void edxmlIsReadAsTextOrBase64() {
        ApiResponse r = ok("{}");
        byte[] xml = "<edXML:edXMLEnvelope/>".getBytes(StandardCharsets.UTF_8);
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(xml);
        assertEquals(new String(xml, StandardCharsets.UTF_8), new String(LgspResponses.edxml(GET, r,
                JsonFields.parse(("{\"data\":{\"edxml\":\"  <edXML:edXMLEnvelope/>\"}}")
                        .getBytes(StandardCharsets.UTF_8)).orElseThrow()), StandardCharsets.UTF_8));
        assertEquals(new String(xml, StandardCharsets.UTF_8), new String(LgspResponses.edxml(GET, r,
                JsonFields.parse(("{\"data\":{\"edxml\":\"" + b64.replace("\r\n", "\\r\\n") + "\"}}")
                        .getBytes(StandardCharsets.UTF_8)).orElseThrow()), StandardCharsets.UTF_8));
    }
}
