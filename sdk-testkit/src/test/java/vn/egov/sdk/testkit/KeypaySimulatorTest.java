package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;

/** The /keypay/ simulator on the wire: its checks, its answers to bad requests, its lifecycle. */
class KeypaySimulatorTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void noCallbacks() {
        sandbox.keypay().delivery(CallbackDelivery.never());
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String create(String id, long amount, String key) throws Exception {
        String sum = hmac(key, "0|" + KeypaySandbox.CLIENT_ID + "|PAY|" + amount + "|" + id + "|3.0");
        return post("/keypay/create", "{\"client_id\":\"" + KeypaySandbox.CLIENT_ID + "\",\"transaction_id\":\"" + id
                + "\",\"trans_amount\":" + amount + ",\"command\":\"PAY\",\"version\":\"3.0\",\"addition_fee\":0,"
                + "\"check_sum\":\"" + sum + "\"}").body();
    }

    @Test
    void createChecksHashKey1AndKeepsOneTransactionPerId() throws Exception {
        String ok = create("KPSIM1", 12_000, KeypaySandbox.HASH_KEY_1);
        assertTrue(ok.contains("\"error\":\"0\"") && ok.contains("/keypay/page/KPSIM1"), ok);
        assertEquals(ok, create("KPSIM1", 12_000, KeypaySandbox.HASH_KEY_1));
        assertTrue(create("KPSIM1", 13_000, KeypaySandbox.HASH_KEY_1).contains("\"error\":\"4\""));
        assertTrue(create("KPSIM2", 12_000, KeypaySandbox.HASH_KEY_2).contains("\"error\":\"2\""));
        assertEquals(1, sandbox.keypay().transactions().size());
    }

    @Test
    void badRequestsAreAnsweredNotCrashed() throws Exception {
        assertTrue(post("/keypay/create", "not json").body().contains("\"error\":\"3\""));
        assertTrue(post("/keypay/create", "[]").body().contains("\"error\":\"3\""));
        assertTrue(post("/keypay/create", "{\"client_id\":\"nobody\"}").body().contains("\"error\":\"1\""));
        assertTrue(post("/keypay/create", "{\"client_id\":\"" + KeypaySandbox.CLIENT_ID + "\",\"transaction_id\":\""
                + "x".repeat(21) + "\",\"trans_amount\":1}").body().contains("\"error\":\"3\""));
        assertTrue(post("/keypay/detail", "{\"client_id\":\"" + KeypaySandbox.CLIENT_ID + "\"}").body()
                .contains("\"error\":\"2\""));
        assertEquals(404, post("/keypay/nothing", "{}").statusCode());
        assertEquals(404, post("/keypay/_test/KPNONE/pay", "").statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/keypay/page/KPNONE"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void lifecycleThroughTheTestApiAndTheDetailQuery() throws Exception {
        create("KPSIM3", 40_000, KeypaySandbox.HASH_KEY_1);
        String detail = "{\"client_id\":\"" + KeypaySandbox.CLIENT_ID + "\",\"transaction_id\":\"KPSIM3\","
                + "\"command\":\"PAY\",\"check_sum\":\"" + hmac(KeypaySandbox.HASH_KEY_1,
                        KeypaySandbox.CLIENT_ID + "|PAY|KPSIM3") + "\"}";
        assertTrue(post("/keypay/detail", detail).body().contains("\"status\":\"1\""));
        assertEquals(200, post("/keypay/_test/KPSIM3/pay", "").statusCode());
        assertTrue(post("/keypay/detail", detail).body().contains("\"status\":\"0\""));
        assertEquals(409, post("/keypay/_test/KPSIM3/fail", "").statusCode());
        assertThrows(ValidationException.class, () -> sandbox.keypay().expire("KPSIM3"));
        String callback = new String(sandbox.keypay().callbackBody("KPSIM3"), StandardCharsets.UTF_8);
        assertTrue(callback.startsWith("{\"client_id\":\"" + KeypaySandbox.CLIENT_ID + "\",\"transaction_id\":\"KPSIM3\","
                + "\"transaction_code\":"), callback);
        assertTrue(callback.contains("\"check_sum\":\"" + hmac(KeypaySandbox.HASH_KEY_2,
                "0|" + KeypaySandbox.CLIENT_ID + "|PAY|40000|KPSIM3|3.0") + "\""), callback);
        assertTrue(sandbox.keypay().deliveries().isEmpty(), "delivery never: nothing sent");
    }

    @Test
    void standaloneHelpNamesTheTestKeys() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, StandaloneSandbox.run(new String[] {"--help"}, print, print));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String expected : new String[] {"/keypay/", KeypaySandbox.CLIENT_ID, KeypaySandbox.HASH_KEY_1,
            KeypaySandbox.HASH_KEY_2}) {
            assertTrue(help.contains(expected), expected + " missing from:\n" + help);
        }
    }
}
