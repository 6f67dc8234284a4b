package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.testsupport.OfflineVendor;
import vn.egov.sdk.testkit.DvcqgPaySandbox;

/** A vendor's unit test with no sandbox running: a callback signed by the testkit's helper verifies, an edit does not. */
class DvcqgTestSignerTest {
    @Test
    void signedCallbacksVerifyAndEditedOnesAreRefused() throws Exception {
        DvcqgPaymentPlatformClient client = DvcqgPaymentPlatformClient.builder()
                .settings(OfflineVendor.unreachable())
                .merchant("UNIT-MERCHANT", Secret.of("unit-secret"))
                .store(OfflineVendor.storeWithPending(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "REF-UNIT-1",
                        PaymentOrder.of("H41-UNIT-1", 120_000, "Lệ phí")))
                .build();
        Map<String, String> fields = OfflineVendor.fields("LoaiBanTin", "PAY", "MaLoi", "00", "MaDoiTac",
                "UNIT-MERCHANT", "MaThamChieu", "REF-UNIT-1", "SoTien", "120000", "MaTienTe", "VND", "MaGiaoDich",
                "GD-1", "MaNganHang", "VCB", "ThoiGianGD", "20261206151500", "ThongTinGiaoDich", "Thanh toán lệ phí");
        Map<String, String> signed = DvcqgPaySandbox.signCallback(fields, "unit-secret");
        assertEquals(PaymentState.PAID, client.verifyCallback(OfflineVendor.json(signed)).state());

        Map<String, String> edited = new LinkedHashMap<>(signed);
        edited.put("ThongTinGiaoDich", "Thanh toán lệ phí (sửa)");
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(OfflineVendor.json(edited)));
        assertEquals(CallbackFailure.CHECKSUM_MISMATCH, e.failure());
        assertEquals("MaXacThuc", e.field().orElseThrow());
    }
}
