package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * Golden vectors: the strings below are written by hand from DOMAIN §3.2's field lists, with a fixed clock
 * (07:08:09 UTC = 14:08:09 in Hà Nội, an afternoon hour that a 12-hour clock would write as 02), a fixed reference
 * and a fixed merchant IP; the client's {@code MaXacThuc} must be their SHA-256.
 */
class DvcqgChecksumGoldenTest {
    private static final String KEY = DvcqgPaySandbox.SECRET;
    private static final String REF = "GOLDEN0001";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final Map<String, JsonNode> sent = new ConcurrentHashMap<>();

    private DvcqgPaymentPlatformClient client() {
        HttpInterceptor capture = new HttpInterceptor() {
            @Override
            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
                try {
                    JsonNode body = new ObjectMapper().readTree(request.body().orElseThrow().inMemoryBytes()
                            .orElseThrow());
                    sent.put(body.get("LoaiBanTin").asText(), body);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                return request;
            }
        };
        return DvcqgPaymentPlatformClient.builder()
                .settings(DvcqgPayFixture.settings(sandbox).addInterceptor(capture)
                        .clock(Clock.fixed(Instant.parse("2026-03-05T07:08:09Z"), ZoneOffset.UTC)).build())
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(KEY)).merchantIp("10.0.0.5")
                .references(() -> REF).build();
    }

    @Test
    void initQueryAndGetBillAreSignedInTheirOwnOrder() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        try (DvcqgPaymentPlatformClient client = client()) {
            PaymentStart start = client.create(PaymentOrder.of("G17-0001", 150_000, "Lệ phí cấp phép"));
            assertEquals(REF, start.reference());
            JsonNode init = sent.get("INIT");
            assertEquals(sha256("INIT|1.0.6|SANDBOX-DVC-01|GOLDEN0001|150000|PAY|1|1|vi-VN|VND|PAYMENT|"
                    + "Lệ phí cấp phép|20260305140809|10.0.0.5|" + KEY), init.get("MaXacThuc").asText());
            assertTrue(init.get("SoTien").isTextual(), "SoTien is a JSON string in INIT");
            assertEquals(List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "SoTien", "LoaiHinhThanhToan",
                    "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang", "ThongTinGiaoDich",
                    "ThoiGianGD", "Ip", "ThongTinBienLai", "MaXacThuc"), names(init));
            assertEquals("G17-0001", init.get("ThongTinBienLai").get("MaHoSo").asText());
            assertEquals(150_000, init.get("ThongTinBienLai").get("PhiLePhi").get(0).get("SoTien").asLong());

            sandbox.dvcqgPay().pay(REF);
            assertEquals(PaymentState.PAID, client.query(REF).state());
            assertEquals(sha256("QUERY|1.0.6|SANDBOX-DVC-01|GOLDEN0001|20260305140809|" + KEY),
                    sent.get("QUERY").get("MaXacThuc").asText());
            client.openReceipt(REF).close();
            assertEquals(sha256("GET_BILL|1.0.6|SANDBOX-DVC-01|GOLDEN0001|20260305140809|" + KEY),
                    sent.get("GET_BILL").get("MaXacThuc").asText());
        }
    }

    @Test
    void aCallbackSignedByHandInItsOwnOrderVerifies() {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        try (DvcqgPaymentPlatformClient client = client()) {
            client.create(PaymentOrder.of("G17-0002", 150_000, "Lệ phí cấp phép"));
            String checksum = sha256("CONFIRM|00|SANDBOX-DVC-01|GOLDEN0001|150000|VND|900001|VCB|20260305150000|"
                    + "Lệ phí cấp phép|" + KEY);
            String body = "{\"LoaiBanTin\":\"CONFIRM\",\"MaLoi\":\"00\",\"MaDoiTac\":\"SANDBOX-DVC-01\","
                    + "\"MaThamChieu\":\"GOLDEN0001\",\"SoTien\":150000,\"MaTienTe\":\"VND\",\"MaGiaoDich\":\"900001\","
                    + "\"MaNganHang\":\"VCB\",\"ThoiGianGD\":\"20260305150000\",\"ThongTinGiaoDich\":\"Lệ phí cấp phép\","
                    + "\"MaXacThuc\":\"" + checksum.toUpperCase(java.util.Locale.ROOT) + "\"}";
            assertEquals("900001", client.verifyCallback(body.getBytes(StandardCharsets.UTF_8))
                    .gatewayTransactionId());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String sha256(String text) throws RuntimeException {
        return DvcqgPayFixture.sign(List.of(text.substring(0, text.lastIndexOf('|'))),
                text.substring(text.lastIndexOf('|') + 1));
    }
}
