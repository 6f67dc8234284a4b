package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentEffect;

/** Malformed, truncated, oversized and hostile callback bodies are refused as MALFORMED, never another exception. */
class DvcqgHostileCallbackTest {
    private static final String GOOD = "{\"LoaiBanTin\":\"CONFIRM\",\"MaLoi\":\"00\",\"MaDoiTac\":\"M\","
            + "\"MaThamChieu\":\"R1\",\"SoTien\":150000,\"MaTienTe\":\"VND\",\"MaGiaoDich\":\"1\",\"MaNganHang\":\"VCB\","
            + "\"ThoiGianGD\":\"20260305150000\",\"ThongTinGiaoDich\":\"x\",\"MaXacThuc\":\"00\"}";

    private static DvcqgPaymentPlatformClient client;

    @BeforeAll
    static void start() {
        client = DvcqgPaymentPlatformClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/dvcqg-pay").build())
                .merchant("M", Secret.of("k")).merchantIp("10.0.0.5").build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static Stream<byte[]> bodies() {
        return Stream.of(
                new byte[0],
                "{".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8),
                "null".getBytes(StandardCharsets.UTF_8),
                "\"text\"".getBytes(StandardCharsets.UTF_8),
                GOOD.substring(0, GOOD.length() / 2).getBytes(StandardCharsets.UTF_8),
                (GOOD + "{}").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("\"MaLoi\":\"00\"", "\"MaLoi\":\"00\",\"MaLoi\":\"99\"").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("\"x\"", "{\"a\":1}").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("\"x\"", "[1,2]").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "150000.5").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "1.5E5").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "-150000").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "\"15a000\"").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "\"-1\"").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "true").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("150000", "123456789012345678901234567890").getBytes(StandardCharsets.UTF_8),
                ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8),
                ("{\"a\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void refusedAsMalformed(byte[] body) {
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(body));
        assertEquals(CallbackFailure.MALFORMED, e.failure(), e.getMessage());
        CallbackOutcome outcome = client.handleCallback(body, PaymentEffect.none(), Instant.now());
        assertEquals(CallbackOutcome.Result.REJECTED, outcome.result());
    }

    @org.junit.jupiter.api.Test
    void nullAndMissingFieldsAreTyped() {
        assertEquals(CallbackFailure.MALFORMED, assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(null)).failure());
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(GOOD.replace("\"MaXacThuc\":\"00\"", "\"MaXacThuc\":\"\"")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(CallbackFailure.MISSING_FIELD, e.failure());
        assertEquals("MaXacThuc", e.field().orElseThrow());
    }
}
