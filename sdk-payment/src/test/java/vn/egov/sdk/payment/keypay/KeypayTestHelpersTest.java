package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.FeeItem;
import vn.egov.sdk.payment.FeeKind;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.ReceiptWireStyle;
import vn.egov.sdk.testkit.KeypaySandbox;

/** Keypay without a running sandbox: the testkit's callback signer, and bill_info written from the receipt model. */
class KeypayTestHelpersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCallbackSignedByTheTestkitVerifiesAndAnEditedOneIsRefused() throws Exception {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        store.create(PaymentRecord.pending(PaymentSystem.KEYPAY_DVCQG, "TXUNIT0001", PaymentOrder.of("HS-1", 90_000,
                "Phí"), Instant.parse("2026-12-06T03:00:00Z"), "20261206100000", Map.of()));
        KeypayDvcqgClient client = KeypayDvcqgClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/unused").build())
                .credentials("UNIT-CLIENT", Secret.of("key-1"), Secret.of("key-2"))
                .store(store)
                .build();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_id", "UNIT-CLIENT");
        f.put("transaction_id", "TXUNIT0001");
        f.put("trans_amount", "90000");
        f.put("command", "PAY");
        f.put("addition_fee", "0");
        f.put("version", "3.0");
        f.put("status", "0");
        Map<String, String> signed = KeypaySandbox.signCallback(f, "key-2");
        assertEquals(PaymentState.PAID, client.verifyCallback(JSON.writeValueAsBytes(signed)).state());
        Map<String, String> wrongKey = KeypaySandbox.signCallback(f, "key-1");
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(JSON.writeValueAsBytes(wrongKey)));
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
