package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.FeeItem;
import vn.egov.sdk.payment.FeeKind;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.ReceiptWireStyle;
import vn.egov.sdk.payment.testsupport.OfflineVendor;
import vn.egov.sdk.testkit.KeypaySandbox;

/** Keypay without a running sandbox: the testkit's callback signer, and bill_info written from the receipt model. */
class KeypayTestHelpersTest {
    @Test
    void aCallbackSignedByTheTestkitVerifiesAndAnEditedOneIsRefused() throws Exception {
        KeypayDvcqgClient client = KeypayDvcqgClient.builder()
                .settings(OfflineVendor.unreachable())
                .credentials("UNIT-CLIENT", Secret.of("key-1"), Secret.of("key-2"))
                .store(OfflineVendor.storeWithPending(PaymentSystem.KEYPAY_DVCQG, "TXUNIT0001",
                        PaymentOrder.of("HS-1", 90_000, "Phí")))
                .build();
        Map<String, String> f = OfflineVendor.fields("client_id", "UNIT-CLIENT", "transaction_id", "TXUNIT0001",
                "trans_amount", "90000", "command", "PAY", "addition_fee", "0", "version", "3.0", "status", "0");
        Map<String, String> signed = KeypaySandbox.signCallback(f, "key-2");
        assertEquals(PaymentState.PAID, client.verifyCallback(OfflineVendor.json(signed)).state());
        Map<String, String> wrongKey = KeypaySandbox.signCallback(f, "key-1");
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(OfflineVendor.json(wrongKey)));
        assertEquals(CallbackFailure.CHECKSUM_MISMATCH, e.failure());
    }

    @Test
    void billInfoIsTheReceiptModelsJson() {
        ReceiptInfo receipt = ReceiptInfo.builder(150_000).dossierCode("G17-0001").agency("000.00.00.G17", "Bộ Xây dựng")
                .procedure("1.009972", "Cấp giấy phép xây dựng")
                .fee(new FeeItem(FeeKind.PHI, "", "Phí thẩm định", 100_000))
                .fee(new FeeItem(FeeKind.LE_PHI, "LP01", "Lệ phí cấp phép", 50_000)).build();
        KeypayBillInfo writer = KeypayBillInfo.fromReceipts(order -> receipt, ReceiptWireStyle.defaults());
        Map<String, Object> bill = writer.write(PaymentOrder.of("G17-0001", 150_000, "Lệ phí"), "TX1");
        assertEquals("G17-0001", ((JsonNode) bill.get("MaHoSo")).asText());
        assertEquals(2, ((JsonNode) bill.get("PhiLePhi")).size());
        ValidationException mismatch = assertThrows(ValidationException.class,
                () -> writer.write(PaymentOrder.of("G17-0001", 1_000, "Lệ phí"), "TX2"));
        assertEquals("ReceiptInfo.amount", mismatch.errors().get(0).path());
    }
}
