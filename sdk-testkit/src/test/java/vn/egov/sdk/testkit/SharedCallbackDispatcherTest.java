package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.testkit.internal.CallbackDispatcher;

/**
 * The Keypay and PayGov simulators send their callbacks through the sandbox's one dispatcher (the one the DVCQG
 * platform uses): its log and {@code GET /_sandbox/state} show both, each system keeps its own delivery plan, and a
 * reset forgets them all.
 */
class SharedCallbackDispatcherTest {
    private static NationalSandbox sandbox;
    private static SandboxHttp http;
    private static HttpServer vendor;

    @BeforeAll
    static void start() throws IOException {
        sandbox = NationalSandbox.start();
        http = new SandboxHttp(sandbox);
        vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.createContext("/callback", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        vendor.start();
    }

    @AfterAll
    static void stop() {
        vendor.stop(0);
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        URI url = URI.create("http://127.0.0.1:" + vendor.getAddress().getPort() + "/callback");
        sandbox.keypay().callbackUrl(url);
        sandbox.payGov().callbackUrl(url);
    }

    @Test
    void keypayAndPayGovCallbacksShareOneLogThatResetClears() throws Exception {
        createKeypay("KPSHARED1", 15_000);
        createPayGov("PGSHARED1", 25_000);
        sandbox.keypay().pay("KPSHARED1");
        assertTrue(sandbox.payGov().pay("PGSHARED1"));

        List<CallbackDispatcher.Attempt> log = awaitAttempts(2);
        assertEquals(Set.of("keypay:KPSHARED1", "paygov:PGSHARED1"),
                log.stream().map(a -> a.system() + ":" + a.reference()).collect(Collectors.toSet()));
        assertTrue(log.stream().allMatch(a -> a.status() == 200), log.toString());
        assertEquals(1, sandbox.keypay().deliveries().size(), "each handle sees only its own system");
        assertEquals(List.of("{\"ok\":true}"), sandbox.payGov().callbackReplies());
        JsonNode shown = SandboxHttp.json(call("GET", "/_sandbox/state")).get("paymentCallbacks");
        assertEquals(Set.of("keypay", "paygov"), systems(shown));

        assertEquals(200, call("POST", "/_sandbox/reset").statusCode());
        assertEquals(List.of(), sandbox.services().callbacks().attempts());
        assertTrue(sandbox.keypay().deliveries().isEmpty());
        assertTrue(sandbox.payGov().callbackReplies().isEmpty());
        assertEquals(0, SandboxHttp.json(call("GET", "/_sandbox/state")).get("paymentCallbacks").size());
    }

    @Test
    void eachSystemKeepsItsOwnDeliveryPlanUntilReset() throws Exception {
        sandbox.keypay().delivery(CallbackDelivery.never());
        createKeypay("KPSHARED2", 10_000);
        createPayGov("PGSHARED2", 20_000);
        sandbox.keypay().pay("KPSHARED2");
        assertTrue(sandbox.payGov().pay("PGSHARED2"));

        awaitAttempts(1);
        Thread.sleep(200); // a Keypay callback, were it sent, would be on its way by now
        assertEquals(Set.of("paygov"), sandbox.services().callbacks().attempts().stream()
                .map(CallbackDispatcher.Attempt::system).collect(Collectors.toSet()));

        sandbox.reset();
        assertEquals(CallbackDelivery.now(), sandbox.services().callbacks().plan("keypay"));
    }

    private static List<CallbackDispatcher.Attempt> awaitAttempts(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<CallbackDispatcher.Attempt> log = sandbox.services().callbacks().attempts();
        while (log.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
            log = sandbox.services().callbacks().attempts();
        }
        assertEquals(n, log.size(), log.toString());
        return log;
    }

    private static Set<String> systems(JsonNode callbacks) {
        Set<String> names = new java.util.HashSet<>();
        callbacks.forEach(c -> names.add(c.get("system").asText()));
        return names;
    }

    private static HttpResponse<String> call(String method, String path) {
        return http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A Keypay create signed here with hash_key_1, as in the simulator's own test. */
    private static void createKeypay(String id, long amount) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KeypaySandbox.HASH_KEY_1.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sum = HexFormat.of().formatHex(mac.doFinal(("0|" + KeypaySandbox.CLIENT_ID + "|PAY|" + amount + "|"
                + id + "|3.0").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(http.request("/keypay/create").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"" + KeypaySandbox.CLIENT_ID
                        + "\",\"transaction_id\":\"" + id + "\",\"trans_amount\":" + amount + ",\"command\":\"PAY\","
                        + "\"version\":\"3.0\",\"addition_fee\":0,\"check_sum\":\"" + sum + "\"}")).build());
        assertTrue(r.body().contains("\"error\":\"0\""), r.body());
    }

    /** A PayGov payment in the Đồng Tháp form (no request checksum), through the LGSP's two credentials. */
    private static void createPayGov(String requestCode, long amount) {
        String lgsp = Base64.getEncoder().encodeToString(("{\"AccessKey\":\"" + PayGovSandbox.LGSP_ACCESS_KEY
                + "\"}").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(http.request("/paygov/PayGov/Paygate")
                .header("Authorization", "Bearer " + http.token()).header("lgspaccesstoken", lgsp)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"partnerCode\":\"" + PayGovSandbox.DONG_THAP_PARTNER_CODE
                        + "\",\"returnUrl\":\"https://dvc.example.gov.vn/return\",\"orderId\":\"HS-" + requestCode
                        + "\",\"orderInfo\":\"Le phi\",\"requestCode\":\"" + requestCode + "\",\"amount\":" + amount
                        + ",\"beneficiaryCode\":\"\",\"accountPay\":\"1234567890\"}")).build());
        assertEquals(200, r.statusCode(), r.body());
    }
}
