package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.testkit.DvcqgPaySandbox;

/** A vendor's unit test with no sandbox running: a callback signed by the testkit's helper verifies, an edit does not. */
class DvcqgTestSignerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signedCallbacksVerifyAndEditedOnesAreRefused() throws Exception {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        store.create(PaymentRecord.pending(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "REF-UNIT-1",
                PaymentOrder.of("H41-UNIT-1", 120_000, "Lệ phí"), Instant.parse("2026-12-06T03:00:00Z"),
                "20261206100000", Map.of()));
        DvcqgPaymentPlatformClient client = DvcqgPaymentPlatformClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/unused").build())
                .merchant("UNIT-MERCHANT", Secret.of("unit-secret"))
                .store(store)
                .build();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("LoaiBanTin", "PAY");
        fields.put("MaLoi", "00");
        fields.put("MaDoiTac", "UNIT-MERCHANT");
        fields.put("MaThamChieu", "REF-UNIT-1");
        fields.put("SoTien", "120000");
        fields.put("MaTienTe", "VND");
        fields.put("MaGiaoDich", "GD-1");
        fields.put("MaNganHang", "VCB");
        fields.put("ThoiGianGD", "20261206151500");
        fields.put("ThongTinGiaoDich", "Thanh toán lệ phí");
        Map<String, String> signed = DvcqgPaySandbox.signCallback(fields, "unit-secret");
        assertEquals(PaymentState.PAID, client.verifyCallback(JSON.writeValueAsBytes(signed)).state());

        Map<String, String> edited = new LinkedHashMap<>(signed);
        edited.put("ThongTinGiaoDich", "Thanh toán lệ phí (sửa)");
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(JSON.writeValueAsBytes(edited)));
        assertEquals(CallbackFailure.CHECKSUM_MISMATCH, e.failure());
        assertEquals("MaXacThuc", e.field().orElseThrow());
    }
}
