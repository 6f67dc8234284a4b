package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * Callbacks that must not verify, each for its own reason, sent to the vendor's endpoint for a real sandbox
 * payment; after each, the genuine callback from the sandbox is still applied (a refused callback poisons nothing).
 */
class DvcqgCallbackVerificationTest {
    private static final String TEXT = "Lệ phí cấp giấy phép xây dựng";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    @RegisterExtension
    final DvcqgPayFixture vendor = new DvcqgPayFixture(sandbox);

    private Map<String, String> fields(String reference) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", "CONFIRM");
        f.put("MaLoi", "00");
        f.put("MaDoiTac", DvcqgPaySandbox.MERCHANT_CODE);
        f.put("MaThamChieu", reference);
        f.put("SoTien", "150000");
        f.put("MaTienTe", "VND");
        f.put("MaGiaoDich", "900001");
        f.put("MaNganHang", "VCB");
        f.put("ThoiGianGD", "20260305153000");
        f.put("ThongTinGiaoDich", TEXT);
        return f;
    }

    /** The callback's own order, from DOMAIN §3.2. */
    private static List<String> callbackOrder(Map<String, String> f) {
        return List.of(f.get("LoaiBanTin"), f.get("MaLoi"), f.get("MaDoiTac"), f.get("MaThamChieu"), f.get("SoTien"),
                f.get("MaTienTe"), f.get("MaGiaoDich"), f.get("MaNganHang"), f.get("ThoiGianGD"),
                f.get("ThongTinGiaoDich"));
    }

    /** A body signed with the sandbox's key over its own fields. */
    private static String signed(Map<String, String> f) {
        return DvcqgPayFixture.callbackJson(f, DvcqgPayFixture.sign(callbackOrder(f), DvcqgPaySandbox.SECRET));
    }

    /** A body whose {@code field} was signed as {@code signedValue} and is sent as {@code sentValue}. */
    private static String signedThenChanged(Map<String, String> f, String field, String signedValue, String sentValue) {
        f.put(field, signedValue);
        String checksum = DvcqgPayFixture.sign(callbackOrder(f), DvcqgPaySandbox.SECRET);
        f.put(field, sentValue);
        return DvcqgPayFixture.callbackJson(f, checksum);
    }

    private PaymentStart created() {
        return vendor.client.create(PaymentOrder.of("H41.01-260305-0100", 150_000, TEXT));
    }

    private CallbackOutcome post(String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(vendor.callbackUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return vendor.nextOutcome();
    }

    private CallbackVerificationException refused(String body, CallbackFailure expected) throws Exception {
        CallbackOutcome outcome = post(body);
        assertEquals(CallbackOutcome.Result.REJECTED, outcome.result());
        CallbackVerificationException e = outcome.failure().orElseThrow();
        assertEquals(expected, e.failure(), e.getMessage());
        assertTrue(outcome.reply().bodyText().contains("\"MaLoi\":\"99\""), outcome.reply().bodyText());
        e.signedString().ifPresent(s -> {
            assertTrue(s.endsWith("|***"), s);
            assertFalse(s.contains(DvcqgPaySandbox.SECRET), s);
        });
        assertFalse(String.valueOf(e.getMessage()).contains(DvcqgPaySandbox.SECRET));
        return e;
    }

    /** After a refusal the payment is still pending, and the sandbox's genuine callback is applied. */
    private void genuineStillApplies(PaymentStart start) throws Exception {
        assertEquals(PaymentState.PENDING, vendor.client.store().find(vendor.client.system(), start.reference())
                .orElseThrow().state());
        sandbox.dvcqgPay().pay(start.reference());
        assertEquals(CallbackOutcome.Result.APPLIED, vendor.nextOutcome().result());
        assertEquals(1, vendor.effects.get());
    }

    @Test
    void aForgedCallbackWithAnotherKeyIsRefusedThenTheGenuineOneApplies() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        CallbackVerificationException e = refused(
                DvcqgPayFixture.callbackJson(f, DvcqgPayFixture.sign(callbackOrder(f), "stolen-test-key")),
                CallbackFailure.CHECKSUM_MISMATCH);
        assertEquals("MaXacThuc", e.field().orElseThrow());
        assertEquals(String.join("|", callbackOrder(f)) + "|***", e.signedString().orElseThrow());
        genuineStillApplies(start);
    }

    @Test
    void aTamperedAmountIsRefused() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        refused(signedThenChanged(f, "SoTien", "150000", "1500"), CallbackFailure.CHECKSUM_MISMATCH);
        // signed by the platform itself, but not the amount this vendor recorded
        refused(signed(f), CallbackFailure.AMOUNT_ALTERED);
        genuineStillApplies(start);
    }

    @Test
    void fieldsSignedInTheRequestOrderAreNamed() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        List<String> requestOrder = List.of(f.get("LoaiBanTin"), f.get("MaLoi"), f.get("MaDoiTac"),
                f.get("MaThamChieu"), f.get("SoTien"), f.get("MaTienTe"), f.get("MaGiaoDich"), f.get("MaNganHang"),
                f.get("ThongTinGiaoDich"), f.get("ThoiGianGD"));
        refused(DvcqgPayFixture.callbackJson(f, DvcqgPayFixture.sign(requestOrder, DvcqgPaySandbox.SECRET)),
                CallbackFailure.FIELD_ORDER);
        genuineStillApplies(start);
    }

    @Test
    void nfdTextSignedAsNfcIsNamed() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        refused(signedThenChanged(f, "ThongTinGiaoDich", Normalizer.normalize(TEXT, Normalizer.Form.NFC),
                Normalizer.normalize(TEXT, Normalizer.Form.NFD)), CallbackFailure.UNICODE_FORM);
        genuineStillApplies(start);
    }

    @Test
    void aTwelveHourClockIsNamed() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        refused(signedThenChanged(f, "ThoiGianGD", "20260305033000", "20260305153000"),
                CallbackFailure.TWELVE_HOUR_CLOCK);
        genuineStillApplies(start);
    }

    @Test
    void anotherPartnerCodeIsRefusedEvenWhenSignedWithIt() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        f.put("MaDoiTac", "OTHER-MERCHANT");
        refused(signed(f), CallbackFailure.PARTNER_MISMATCH);
        genuineStillApplies(start);
    }

    @Test
    void aReferenceThisVendorNeverMadeIsRefused() throws Exception {
        PaymentStart start = created();
        Map<String, String> f = fields("NOT-OURS-0001");
        refused(signed(f), CallbackFailure.UNKNOWN_REFERENCE);
        genuineStillApplies(start);
    }

    @Test
    void aCallbackWithTheAmountAsDigitsInAStringVerifies() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        PaymentStart start = created();
        Map<String, String> f = fields(start.reference());
        String body = signed(f).replace("\"SoTien\":150000", "\"SoTien\":\"150000\"");
        assertEquals(PaymentState.PAID, vendor.client.verifyCallback(body.getBytes(StandardCharsets.UTF_8)).state());
    }

    @Test
    void outOfOrderAndLateCallbacksStillApplyOnce() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.late(java.time.Duration.ofMillis(200)));
        PaymentStart start = created();
        sandbox.dvcqgPay().pay(start.reference());
        assertEquals(CallbackOutcome.Result.APPLIED, vendor.nextOutcome().result());
        assertThrows(vn.egov.sdk.core.ValidationException.class, () -> sandbox.dvcqgPay().pay("UNKNOWN"));
        assertFalse(sandbox.dvcqgPay().fail(start.reference()), "a final transaction does not move again");
        assertEquals(URI.create(vendor.callbackUrl().toString()),
                sandbox.dvcqgPay().registeredCallbackUrl(DvcqgPaySandbox.MERCHANT_CODE).orElseThrow());
    }
}
