package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** Why a Keypay callback is refused: each failure named, on callbacks the sandbox signed and then altered. */
class KeypayCallbackVerificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final KeypayDvcqgClient client = KeypayVendor.client(sandbox, KeypaySandbox.HASH_KEY_1);
    private PaymentStart start;

    @BeforeEach
    void pay() {
        sandbox.keypay().delivery(CallbackDelivery.never());
        start = client.create(PaymentOrder.of("HS-VERIFY", 250_000, "Phí thẩm định"));
        sandbox.keypay().pay(start.reference());
    }

    private ObjectNode genuine() throws Exception {
        return (ObjectNode) JSON.readTree(sandbox.keypay().callbackBody(start.reference()));
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String signed(String fee, String amount) {
        return fee + "|" + KeypaySandbox.CLIENT_ID + "|PAY|" + amount + "|" + start.reference() + "|3.0";
    }

    private CallbackVerificationException refused(ObjectNode body) throws Exception {
        return assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(JSON.writeValueAsBytes(body)));
    }

    @Test
    void genuineCallbackVerifiesAndItsChecksumIsTheGoldenVector() throws Exception {
        ObjectNode body = genuine();
        assertEquals(hmac(KeypaySandbox.HASH_KEY_2, signed("0", "250000")), body.get("check_sum").asText());
        PaymentCallback callback = client.verifyCallback(JSON.writeValueAsBytes(body));
        assertEquals(PaymentState.PAID, callback.state());
        assertEquals(250_000, callback.amount());
        assertEquals(start.reference(), callback.reference());
        assertFalse(callback.gatewayTransactionId().isEmpty());
    }

    @Test
    void amountAlteredInTheBodyOnly() throws Exception {
        ObjectNode body = genuine();
        body.put("trans_amount", 2_500);
        CallbackVerificationException e = refused(body);
        assertEquals(CallbackFailure.AMOUNT_ALTERED, e.failure());
        assertEquals("trans_amount", e.field().orElseThrow());
    }

    @Test
    void amountAlteredAndSignedOverTheNewAmount() throws Exception {
        ObjectNode body = genuine();
        body.put("trans_amount", 2_500);
        body.put("check_sum", hmac(KeypaySandbox.HASH_KEY_2, signed("0", "2500")));
        CallbackVerificationException e = refused(body);
        assertEquals(CallbackFailure.AMOUNT_ALTERED, e.failure());
        assertEquals(signed("0", "250000"), e.signedString().orElseThrow());
    }

    @Test
    void signedWithHashKey1() throws Exception {
        ObjectNode body = genuine();
        body.put("check_sum", hmac(KeypaySandbox.HASH_KEY_1, signed("0", "250000")));
        CallbackVerificationException e = refused(body);
        assertEquals(CallbackFailure.CHECKSUM_MISMATCH, e.failure());
        assertTrue(e.getMessage().contains("signed with hash_key_1"), e.getMessage());
        assertFalse(e.getMessage().contains(KeypaySandbox.HASH_KEY_1));
    }

    @Test
    void anotherClientId() throws Exception {
        ObjectNode body = genuine();
        body.put("client_id", "someone-else");
        assertEquals(CallbackFailure.PARTNER_MISMATCH, refused(body).failure());
        body.put("check_sum", hmac(KeypaySandbox.HASH_KEY_2,
                "0|someone-else|PAY|250000|" + start.reference() + "|3.0"));
        assertEquals(CallbackFailure.PARTNER_MISMATCH, refused(body).failure());
    }

    @Test
    void unknownTransaction() throws Exception {
        ObjectNode body = genuine();
        body.put("transaction_id", "KPNOTOURS");
        CallbackVerificationException e = refused(body);
        assertEquals(CallbackFailure.UNKNOWN_REFERENCE, e.failure());
        assertEquals("transaction_id", e.field().orElseThrow());
    }

    @Test
    void wrongKeyAltogether() throws Exception {
        ObjectNode body = genuine();
        body.put("check_sum", hmac("production-key", signed("0", "250000")));
        assertEquals(CallbackFailure.CHECKSUM_MISMATCH, refused(body).failure());
    }

    @Test
    void missingFieldsAndMalformedBodies() throws Exception {
        ObjectNode body = genuine();
        body.remove("check_sum");
        CallbackVerificationException e = refused(body);
        assertEquals(CallbackFailure.MISSING_FIELD, e.failure());
        assertEquals("check_sum", e.field().orElseThrow());
        for (String bad : new String[] {"", "not json", "[1,2]", "null", "{\"status\":", "\"text\"",
            "{" + "\"a\":{".repeat(100) + "}".repeat(101), "{\"status\":\"0\"} trailing",
            "{\"status\":\"0\",\"status\":\"1\"}"}) {
            CallbackVerificationException m = assertThrows(CallbackVerificationException.class,
                    () -> client.verifyCallback(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals(CallbackFailure.MALFORMED, m.failure(), bad);
        }
        assertEquals(CallbackFailure.MALFORMED, assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(null)).failure());
        byte[] huge = ("{\"transaction_id\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(CallbackFailure.MALFORMED, assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(huge)).failure());
        // a genuine body with a second trans_amount added: refused as a whole, not read either way
        String twice = new String(JSON.writeValueAsBytes(genuine()), StandardCharsets.UTF_8)
                .replaceFirst("\\}$", ",\"trans_amount\":1}");
        assertEquals(CallbackFailure.MALFORMED, assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(twice.getBytes(StandardCharsets.UTF_8))).failure());
        CallbackOutcome outcome = client.handleCallback("{}".getBytes(StandardCharsets.UTF_8), p -> { }, Instant.now());
        assertEquals(CallbackOutcome.Result.REJECTED, outcome.result());
        assertEquals("{\"return_code\":-1,\"return_msg\":\"MISSING_FIELD\"}", outcome.reply().bodyText());
    }
}
