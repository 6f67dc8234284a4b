package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.Payer;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;

/** The create and detail requests byte for byte against golden HMAC vectors computed here, and Keypay's refusals. */
class KeypayWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY1 = "golden-hash-key-1";
    private HttpServer server;
    private final List<String> received = new ArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private KeypayDvcqgClient client;
    private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/kp", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        client = KeypayDvcqgClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/kp")
                        .retryPolicy(RetryPolicy.none()).build())
                .credentials("CLIENT01", Secret.of(KEY1), Secret.of("golden-hash-key-2"))
                .paths("/init", "/detail").additionFee(1_100).environment(2)
                .transactionIds(() -> String.format("KPGOLD%04d", ids.incrementAndGet()))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createRequestInDomainsFieldOrderWithTheGoldenChecksum() throws Exception {
        answer.set("{\"error\":\"0\",\"msg\":\"ok\",\"payment_url\":\"https://pay.example.vn/p/1\"}");
        PaymentOrder order = PaymentOrder.of("000.00.01.H41-260101-0001", 1_250_000, "Lệ phí cấp phép xây dựng")
                .withPayer(Payer.named("Nguyễn Văn Đức").withIdNumber("001099012345"));
        PaymentStart start = client.create(order);
        assertEquals("KPGOLD0001", start.reference());
        assertEquals("https://pay.example.vn/p/1", start.redirectUrl().toString());
        String request = received.get(0);
        assertTrue(request.startsWith("/kp/init "), request);
        JsonNode body = JSON.readTree(request.substring("/kp/init ".length()));
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("client_id", "transaction_id", "trans_amount", "command", "version", "description",
                "locale", "country_code", "currency_code", "environment", "bill_info", "return_url", "addition_fee",
                "check_sum"), names);
        assertEquals(hmac(KEY1, "1100|CLIENT01|PAY|1250000|KPGOLD0001|3.0"), body.get("check_sum").asText());
        assertEquals(2, body.get("environment").asInt());
        assertEquals("000.00.01.H41-260101-0001", body.get("bill_info").get("MaHoSo").asText());
        assertEquals("Nguyễn Văn Đức", body.get("bill_info").get("HoTenNguoiNop").asText());
        assertEquals(1_250_000, body.get("bill_info").get("DSKhoanNop").get(0).get("SoTien").asLong());
        PaymentStart again = client.create(order);
        assertEquals(start, again);
        assertEquals(1, received.size(), "a pending payment with a page is not created twice");
    }

    @Test
    void detailQueryWithTheGoldenChecksum() throws Exception {
        answer.set("{\"error\":\"0\",\"msg\":\"ok\",\"payment_url\":\"https://pay.example.vn/p/1\"}");
        PaymentStart start = client.create(PaymentOrder.of("HS-1", 10_000, "Phí"));
        answer.set("{\"error\":\"0\",\"status\":\"0\",\"trans_amount\":10000,\"transaction_code\":\"T9\"}");
        assertEquals("T9", client.query(start.reference()).gatewayTransactionId().orElseThrow());
        JsonNode body = JSON.readTree(received.get(1).substring("/kp/detail ".length()));
        assertEquals("{\"client_id\":\"CLIENT01\",\"transaction_id\":\"KPGOLD0001\",\"command\":\"PAY\","
                + "\"check_sum\":\"" + hmac(KEY1, "CLIENT01|PAY|KPGOLD0001") + "\"}", body.toString());
    }

    @Test
    void keypaysRefusalsAreTyped() {
        answer.set("{\"error\":\"7\",\"msg\":\"merchant locked\"}");
        KeypayRefusedException locked = assertThrows(KeypayRefusedException.class,
                () -> client.create(PaymentOrder.of("HS-2", 10_000, "Phí")));
        assertEquals("7", locked.platformErrorCode().orElseThrow());
        assertTrue(locked.getMessage().contains("merchant locked"));
        for (String bad : new String[] {"<html>oops</html>", "[]", "{\"error\":\"0\"}",
            "{\"error\":\"0\",\"payment_url\":\"javascript:alert(1)\"}"}) {
            answer.set(bad);
            assertThrows(KeypayRefusedException.class, () -> client.create(PaymentOrder.of("HS-3", 10_000, "Phí")), bad);
        }
        answer.set("{\"error\":\"0\",\"payment_url\":\"https://pay.example.vn/p/4\"}");
        PaymentStart start = client.create(PaymentOrder.of("HS-3", 10_000, "Phí"));
        answer.set("{\"error\":\"0\",\"status\":\"42\"}");
        KeypayRefusedException unknown = assertThrows(KeypayRefusedException.class, () -> client.query(start.reference()));
        assertEquals("42", unknown.platformErrorCode().orElseThrow());
    }

    @Test
    void billInfoThatIsNotJsonIsTheCallersMistake() {
        KeypayDvcqgClient odd = KeypayDvcqgClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/kp")
                        .build())
                .credentials("CLIENT01", Secret.of(KEY1), Secret.of("k2"))
                .billInfo((order, id) -> java.util.Map.of("x", new Object()))
                .build();
        vn.egov.sdk.core.ValidationException e = assertThrows(vn.egov.sdk.core.ValidationException.class,
                () -> odd.create(PaymentOrder.of("HS-9", 10_000, "Phí")));
        assertEquals("KeypayDvcqgClient.billInfo", e.errors().get(0).path());
        assertTrue(received.isEmpty());
    }
}
