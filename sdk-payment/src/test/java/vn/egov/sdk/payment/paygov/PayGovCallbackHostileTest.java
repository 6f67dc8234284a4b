package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentSystem;

/** Malformed, oversized and hostile callback bodies, and the inferred verifier's diagnosis of near misses. */
class PayGovCallbackHostileTest {
    private static final String SECRET = "unit-secret";
    private final InMemoryPaymentStore store = new InMemoryPaymentStore();
    private final PayGovClient client = PayGovClient.builder()
            .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9").build()).auth(AuthStrategy.NONE)
            .partner("PAYGOV-UNIT", "access", Secret.of(SECRET)).serviceCode("S").unitCode("U")
            .store(store).inferredResultVerifier().maxCallbackBytes(4096).build();
    private final PaymentRecord record;

    PayGovCallbackHostileTest() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("orderId", "U-D1-01");
        attributes.put("requestCode", "D1-1");
        attributes.put("orderInfo", "Le phi");
        record = PaymentRecord.pending(PaymentSystem.PAYGOV, "D1-1", PaymentOrder.of("D1", 5000, "Lệ phí")
                .withReturnUrl(URI.create("https://x.example/r")), Instant.EPOCH, "19700101070000", attributes);
        store.create(record);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("empty", "", CallbackFailure.MALFORMED),
                Arguments.of("not JSON", "orderId=U-D1-01&amount=5000", CallbackFailure.MALFORMED),
                Arguments.of("an array", "[1,2]", CallbackFailure.MALFORMED),
                Arguments.of("a string", "\"x\"", CallbackFailure.MALFORMED),
                Arguments.of("truncated", "{\"orderId\":\"U-D1-01\",", CallbackFailure.MALFORMED),
                Arguments.of("nested object", "{\"orderId\":{\"a\":1}}", CallbackFailure.MALFORMED),
                Arguments.of("array value", "{\"amount\":[5000]}", CallbackFailure.MALFORMED),
                Arguments.of("float amount", "{\"orderId\":\"U-D1-01\",\"amount\":5000.5}", CallbackFailure.MALFORMED),
                Arguments.of("duplicate key", "{\"amount\":\"5000\",\"amount\":\"1\"}", CallbackFailure.MALFORMED),
                Arguments.of("deep nesting", "[".repeat(5000) + "]".repeat(5000), CallbackFailure.MALFORMED),
                Arguments.of("oversized", "{\"orderInfo\":\"" + "a".repeat(5000) + "\"}", CallbackFailure.MALFORMED),
                Arguments.of("huge number", "{\"orderId\":\"U-D1-01\",\"amount\":" + "9".repeat(40) + "}",
                        CallbackFailure.MALFORMED),
                Arguments.of("negative amount", full("-5000"), CallbackFailure.MALFORMED),
                Arguments.of("amount as words", full("five"), CallbackFailure.MALFORMED),
                Arguments.of("no checksum", "{\"orderId\":\"U-D1-01\",\"amount\":5000,\"requestCode\":\"D1-1\","
                        + "\"errorCode\":\"00\"}", CallbackFailure.MISSING_FIELD),
                Arguments.of("no requestCode", "{\"orderId\":\"U-D1-01\",\"amount\":5000,\"errorCode\":\"00\"}",
                        CallbackFailure.MISSING_FIELD),
                Arguments.of("raw control character", "{\"orderId\":\"U-D1-01\u0000\"}", CallbackFailure.MALFORMED),
                Arguments.of("escaped null", "{\"orderId\":\"U-D1-01\\u0000\",\"amount\":5000,\"requestCode\":\"D1-1\","
                        + "\"errorCode\":\"00\",\"checksum\":\"00\"}", CallbackFailure.CHECKSUM_MISMATCH),
                Arguments.of("script", "{\"orderId\":\"<script>\",\"amount\":5000,\"requestCode\":\"D1-1\","
                        + "\"errorCode\":\"00\",\"checksum\":\"zz\"}", CallbackFailure.CHECKSUM_MISMATCH));
    }

    private static String full(String amount) {
        return "{\"orderId\":\"U-D1-01\",\"amount\":\"" + amount + "\",\"requestCode\":\"D1-1\",\"errorCode\":\"00\","
                + "\"checksum\":\"ab\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileBodiesAreRefusedWithATypedReasonAndRecordNothing(String name, String body, CallbackFailure expected) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(raw));
        assertEquals(expected, e.failure(), e.getMessage());
        assertFalse(e.getMessage().contains(": null"), e.getMessage());
        CallbackOutcome outcome = client.handleCallback(raw, p -> {
            throw new AssertionError("no effect for a refused callback");
        }, Instant.now());
        assertEquals(CallbackOutcome.Result.REJECTED, outcome.result());
        assertTrue(store.find(PaymentSystem.PAYGOV, "D1-1").orElseThrow().state() == record.state());
    }

    @Test
    void nullBodyIsMalformed() {
        assertEquals(CallbackFailure.MALFORMED, assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(null)).failure());
    }

    @Test
    void theInferredSchemeAcceptsAGenuineCallbackWithANumericAmount() throws Exception {
        Map<String, String> f = fields("Le phi", "20250101143000");
        String json = PayGovClientSandboxTest.json(sign(f)).replace("\"amount\":\"5000\"", "\"amount\":5000");
        assertTrue(json.contains("\"amount\":5000,"));
        CallbackOutcome o = client.handleCallback(json.getBytes(StandardCharsets.UTF_8), PaymentEffect.none(),
                Instant.now());
        assertEquals(CallbackOutcome.Result.APPLIED, o.result());
        assertEquals(5000, o.callback().orElseThrow().amount());
    }

    @Test
    void nearMissesAreExplained() throws Exception {
        // signed with payDate on a 12-hour clock, sent with the 24-hour time
        Map<String, String> twelve = sign(fields("Le phi", "20250101023000"));
        twelve.put("payDate", "20250101143000");
        assertEquals(CallbackFailure.TWELVE_HOUR_CLOCK, failure(twelve));

        // signed over NFD text, sent in NFC
        String nfc = "Lệ phí";
        Map<String, String> nfd = sign(fields(Normalizer.normalize(nfc, Normalizer.Form.NFD), "20250101143000"));
        nfd.put("orderInfo", nfc);
        assertEquals(CallbackFailure.UNICODE_FORM, failure(nfd));

        // signed in the documented order, sent in another order
        Map<String, String> documented = sign(fields("Le phi", "20250101143000"));
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("requestCode", documented.get("requestCode"));
        documented.forEach(reordered::putIfAbsent);
        assertEquals(CallbackFailure.FIELD_ORDER, failure(reordered));

        // a configured field list that the sender does not follow
        PayGovSha256ResultVerifier fixed = PayGovSha256ResultVerifier.of(Secret.of(SECRET))
                .withFields(List.of("orderId", "amount", "requestCode", "errorCode"));
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> fixed.verify(sign(fields("Le phi", "20250101143000"))));
        assertEquals(CallbackFailure.FIELD_ORDER, e.failure());
        assertTrue(e.signedString().orElseThrow().startsWith("***U-D1-01"));
    }

    @Test
    void aConfiguredFieldListVerifies() throws Exception {
        List<String> names = List.of("orderId", "amount", "requestCode", "errorCode");
        Map<String, String> f = fields("Le phi", "20250101143000");
        String plain = SECRET + "U-D1-01" + "5000" + "D1-1" + "00";
        f.put("checksum", hex(plain));
        PayGovSha256ResultVerifier.of(Secret.of(SECRET)).withFields(names).verify(f);
        assertThrows(vn.egov.sdk.core.ValidationException.class,
                () -> PayGovSha256ResultVerifier.of(Secret.of(SECRET)).withFields(List.of("checksum")));
    }

    private CallbackFailure failure(Map<String, String> f) {
        return assertThrows(CallbackVerificationException.class, () -> client.verifyCallback(
                PayGovClientSandboxTest.json(f).getBytes(StandardCharsets.UTF_8))).failure();
    }

    private static Map<String, String> fields(String orderInfo, String payDate) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderId", "U-D1-01");
        f.put("amount", "5000");
        f.put("orderInfo", orderInfo);
        f.put("requestCode", "D1-1");
        f.put("transactionNo", "T1");
        f.put("payDate", payDate);
        f.put("paygate", "NAPAS");
        f.put("errorCode", "00");
        f.put("type", "PAYMENT");
        f.put("transactionCode", "T1");
        return f;
    }

    /** Signs in body order with the test's own SHA-256, independent of the SDK's. */
    private static Map<String, String> sign(Map<String, String> f) throws Exception {
        StringBuilder b = new StringBuilder(SECRET);
        f.forEach((k, v) -> b.append(v));
        Map<String, String> copy = new LinkedHashMap<>(f);
        copy.put("checksum", hex(b.toString()));
        return copy;
    }

    private static String hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
