package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.testsupport.Await;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.PayGovSandbox;

/** PayGovClient end to end against the sandbox's /paygov/ and a vendor callback endpoint on a JDK HTTP server. */
class PayGovClientSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    @RegisterExtension
    final PayGovVendor vendor = new PayGovVendor(sandbox, PayGovVendor.standard(sandbox));
    private final PayGovClient client = vendor.client;

    @Test
    void requestChecksumMatchesAGoldenVectorComputedHere() throws Exception {
        String orderId = "000.00.15.H12-H12.22-250101-0001-01";
        String requestCode = "H12.22-250101-0001-1735689600000";
        String plain = PayGovSandbox.SECRET_KEY + PayGovSandbox.ACCESS_KEY + PayGovSandbox.PARTNER_CODE + orderId
                + requestCode + "150000";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(plain.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, client.requestChecksum(orderId, requestCode, 150_000));
        assertEquals(64, expected.length());
    }

    @Test
    void createPayCallbackIsAppliedOnceAndTheReceiptOpens() throws Exception {
        PaymentStart start = client.create(PaymentOrder.of("H12.22-250101-0001", 150_000,
                "Lệ phí cấp Giấy phép xây dựng - Đồng Tháp"));
        assertEquals(PaymentSystem.PAYGOV, start.system());
        PaymentRecord record = client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow();
        assertEquals("000.00.15.H12-H12.22-250101-0001-01", record.attributes().get("orderId"));
        assertEquals("Le phi cap Giay phep xay dung - Dong Thap", record.attributes().get("orderInfo"));
        assertEquals(start.redirectUrl(), record.redirectUrl().orElseThrow());

        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(start.redirectUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("150000 VND"), page.body());

        assertTrue(sandbox.payGov().pay(start.reference()));
        Await.until(() -> vendor.effects(start.reference()) == 1, "the callback's effect");
        assertEquals(CallbackOutcome.Result.APPLIED, vendor.outcomes().get(0).result());
        assertEquals(PaymentState.PAID,
                client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow().state());
        Await.until(() -> sandbox.payGov().callbackReplies().size() == 1, "the reply");
        assertTrue(sandbox.payGov().callbackReplies().get(0).contains("\"SUCCESSFUL\""));
        try (InputStream receipt = client.openReceipt(start.reference())) {
            assertTrue(new String(receipt.readAllBytes(), StandardCharsets.UTF_8).startsWith("%PDF"));
        }
    }

    @Test
    void aFailedPaymentIsAppliedAsFailed() throws Exception {
        PaymentStart start = client.create(PaymentOrder.of("D-FAIL", 20_000, "Phí thẩm định"));
        sandbox.payGov().fail(start.reference());
        Await.until(() -> vendor.effects(start.reference()) == 1, "the callback");
        assertEquals(PaymentState.FAILED,
                client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow().state());
    }

    @Test
    void duplicatedCallbacksRunTheEffectOnceAndAreAllAcknowledged() throws Exception {
        sandbox.payGov().delivery(CallbackDelivery.duplicated(3));
        PaymentStart start = client.create(PaymentOrder.of("D-DUP", 50_000, "Lệ phí"));
        sandbox.payGov().pay(start.reference());
        Await.until(() -> sandbox.payGov().callbackReplies().size() == 3, "three deliveries");
        assertEquals(1, vendor.effects(start.reference()));
        assertTrue(sandbox.payGov().callbackReplies().stream().allMatch(r -> r.contains("\"SUCCESSFUL\"")));
        assertEquals(1, vendor.outcomes().stream().filter(o -> o.result() == CallbackOutcome.Result.APPLIED).count());
        assertEquals(2, vendor.outcomes().stream().filter(o -> o.result() == CallbackOutcome.Result.DUPLICATE).count());
    }

    @Test
    void aForgedCallbackIsRefusedWithoutBlockingTheGenuineOne() throws Exception {
        PaymentStart start = client.create(PaymentOrder.of("D-FORGED", 75_000, "Lệ phí"));
        PaymentRecord record = client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow();
        Map<String, String> forged = PayGovSandbox.signCallback(callback(record, "00"), "guessed-secret");
        HttpResponse<String> reply = BROWSER.send(HttpRequest.newBuilder(vendor.callbackUrl())
                .POST(HttpRequest.BodyPublishers.ofString(json(forged))).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(reply.body().contains("SIGNATURE_WRONG"), reply.body());
        assertEquals(0, vendor.effects(start.reference()));
        assertEquals(PaymentState.PENDING,
                client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow().state());

        sandbox.payGov().pay(start.reference());
        Await.until(() -> vendor.effects(start.reference()) == 1, "the genuine callback");
        assertEquals(PaymentState.PAID,
                client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow().state());
    }

    @Test
    void tamperedAmountWrongSecretAndWrongPartnerAreRefusedWithTheirReason() {
        PaymentStart start = client.create(PaymentOrder.of("D-TAMPER", 100_000, "Lệ phí"));
        PaymentRecord record = client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow();

        Map<String, String> altered = PayGovSandbox.signCallback(callback(record, "00"), PayGovSandbox.SECRET_KEY);
        altered.put("amount", "1000");
        assertFailure(CallbackFailure.CHECKSUM_MISMATCH, altered);

        Map<String, String> resigned = callback(record, "00");
        resigned.put("amount", "1000");
        CallbackVerificationException e = assertFailure(CallbackFailure.AMOUNT_ALTERED,
                PayGovSandbox.signCallback(resigned, PayGovSandbox.SECRET_KEY));
        assertEquals("amount", e.field().orElseThrow());

        CallbackVerificationException wrongKey = assertFailure(CallbackFailure.CHECKSUM_MISMATCH,
                PayGovSandbox.signCallback(callback(record, "00"), PayGovSandbox.DONG_THAP_SECRET_KEY));
        String signed = wrongKey.signedString().orElseThrow();
        assertTrue(signed.startsWith("***" + record.attributes().get("orderId")), signed);
        assertFalse(signed.contains(PayGovSandbox.SECRET_KEY));
        assertTrue(client.rejectReply(wrongKey).bodyText().contains("SIGNATURE_WRONG"));

        Map<String, String> otherPartner = callback(record, "00");
        otherPartner.put("partnerCode", "PAYGOV-OTHER");
        assertFailure(CallbackFailure.PARTNER_MISMATCH,
                PayGovSandbox.signCallback(otherPartner, PayGovSandbox.SECRET_KEY));

        Map<String, String> unknown = callback(record, "00");
        unknown.put("requestCode", "NOT-OURS-1");
        assertFailure(CallbackFailure.UNKNOWN_REFERENCE, PayGovSandbox.signCallback(unknown, PayGovSandbox.SECRET_KEY));

        Map<String, String> otherOrder = callback(record, "00");
        otherOrder.put("orderId", "000.00.15.H12-OTHER-01");
        assertFailure(CallbackFailure.UNKNOWN_REFERENCE,
                PayGovSandbox.signCallback(otherOrder, PayGovSandbox.SECRET_KEY));
        assertEquals(PaymentState.PENDING,
                client.store().find(PaymentSystem.PAYGOV, start.reference()).orElseThrow().state());
    }

    @Test
    void aCreateRetriedAfterATimeoutMakesOneTransaction() {
        PayGovClient noRetry = PayGovVendor.standard(sandbox)
                .settings(PayGovVendor.settings(sandbox).retryPolicy(RetryPolicy.none())
                        .readTimeout(java.time.Duration.ofMillis(500)).build())
                .store(client.store()).build();
        try (noRetry) {
            sandbox.faults().on("/paygov/PayGov/Paygate").times(1).afterServing().delay(java.time.Duration.ofSeconds(2));
            PaymentOrder order = PaymentOrder.of("D-RETRY", 300_000, "Lệ phí");
            EgovException timeout = assertThrows(EgovException.class, () -> noRetry.create(order));
            assertEquals(vn.egov.sdk.core.Fault.NETWORK, timeout.fault(), timeout.getMessage());
            assertEquals(1, sandbox.payGov().transactions());
            PaymentStart second = noRetry.create(order);
            PaymentStart third = client.create(order);
            assertEquals(1, sandbox.payGov().transactions());
            assertEquals(second.reference(), third.reference());
            assertEquals(second.redirectUrl(), third.redirectUrl());
        }
        sandbox.faults().on("/paygov/PayGov/Paygate").times(1).afterServing().connectionReset();
        PaymentStart automatic = client.create(PaymentOrder.of("D-RETRY-2", 300_000, "Lệ phí"));
        assertEquals(2, sandbox.payGov().transactions());
        assertEquals(2, sandbox.requestsTo("/paygov/PayGov/Paygate") - 2);
        assertTrue(automatic.redirectUrl().toString().endsWith(automatic.reference()));
    }

    @Test
    void concurrentCreatesOfOneOrderMakeOneTransaction() throws Exception {
        PaymentOrder order = PaymentOrder.of("D-CONCURRENT", 64_000, "Lệ phí");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<PaymentStart>> starts = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                starts.add(pool.submit(() -> client.create(order)));
            }
            java.util.Set<String> references = new java.util.HashSet<>();
            for (java.util.concurrent.Future<PaymentStart> f : starts) {
                references.add(f.get().reference());
            }
            assertEquals(1, references.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, sandbox.payGov().transactions());
    }

    @Test
    void dongThapVariantCreatesWithoutChecksumAndTheLgspChecksTheReturnUrl() throws Exception {
        PayGovClient dongThap = PayGovVendor.dongThap(sandbox).build();
        try (dongThap) {
            vendor.endpoint.gateway(dongThap);
            PaymentStart start = dongThap.create(PaymentOrder.of("DT-0001", 45_000, "Phí cấp bản sao - Đồng Tháp"));
            HttpResponse<String> done = BROWSER.send(HttpRequest.newBuilder(
                    URI.create(start.redirectUrl() + "/pay")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("bank=BIDV")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, done.statusCode());
            URI back = URI.create(done.headers().firstValue("Location").orElseThrow());
            assertTrue(back.toString().startsWith("https://dichvucong.dongthap.example.gov.vn/return?"));
            Map<String, String> params = query(back);
            PayGovBrowserReturn browser = PayGovBrowserReturn.parse(params);
            assertTrue(browser.claimsSuccess());
            assertEquals(start.reference(), browser.requestCode().orElseThrow());
            assertTrue(dongThap.checkReturnUrl(params));
            Map<String, String> forged = new LinkedHashMap<>(params);
            forged.put("amount", "1");
            assertFalse(dongThap.checkReturnUrl(forged));
            Await.until(() -> vendor.effects(start.reference()) == 1, "the Đồng Tháp callback");
            assertThrows(ValidationException.class, () -> dongThap.requestChecksum("o", "r", 1));
        }
        ValidationException standard = assertThrows(ValidationException.class, () -> client.checkReturnUrl(Map.of()));
        assertEquals("PayGovClient.variant", standard.errors().get(0).path());
    }

    @Test
    void queryIsRefusedUnlessAnInferredEndpointIsConfigured() {
        PaymentStart start = client.create(PaymentOrder.of("D-QUERY", 10_000, "Lệ phí"));
        ValidationException none = assertThrows(ValidationException.class, () -> client.query(start.reference()));
        assertEquals("PayGovClient.urlQuery", none.errors().get(0).path());
        try (PayGovClient withQuery = PayGovVendor.standard(sandbox).urlQuery("/PayGov/Query")
                .store(client.store()).build()) {
            assertEquals(PaymentState.PENDING, withQuery.query(start.reference()).state());
            sandbox.payGov().delivery(CallbackDelivery.never());
            sandbox.payGov().pay(start.reference());
            assertEquals(PaymentState.PAID, withQuery.query(start.reference()).state());
            assertThrows(ValidationException.class, () -> withQuery.query("UNKNOWN"));
        }
    }

    @Test
    void amountsAboveTheCapAndMissingSettingsAreValidationErrors() {
        ValidationException cap = assertThrows(ValidationException.class,
                () -> PayGovVendor.standard(sandbox).amountCap(1_000).build()
                        .create(PaymentOrder.of("D-CAP", 1_001, "Lệ phí")));
        assertEquals("PaymentOrder.amount", cap.errors().get(0).path());
        ValidationException noVerifier = assertThrows(ValidationException.class, () -> PayGovClient.builder()
                .settings(PayGovVendor.settings(sandbox).build()).auth(sandbox.payGov().lgspAuth())
                .partner("P", "A", Secret.of("s")).serviceCode("S").unitCode("U").build());
        assertTrue(noVerifier.errors().stream().anyMatch(e -> e.path().equals("PayGovClient.resultVerifier")));
        ValidationException dongThap = assertThrows(ValidationException.class, () -> PayGovVendor
                .dongThap(sandbox).accountPay(" ").build());
        assertTrue(dongThap.errors().stream().anyMatch(e -> e.path().equals("PayGovClient.accountPay")));
        assertFalse(client.toString().contains(PayGovSandbox.SECRET_KEY));
        assertFalse(PayGovVendor.standard(sandbox).toString().contains(PayGovSandbox.SECRET_KEY));
    }

    private CallbackVerificationException assertFailure(CallbackFailure expected, Map<String, String> fields) {
        byte[] body = json(fields).getBytes(StandardCharsets.UTF_8);
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> client.verifyCallback(body));
        assertEquals(expected, e.failure(), e.getMessage());
        CallbackOutcome outcome = client.handleCallback(body, PaymentEffect.none(), Instant.now());
        assertEquals(CallbackOutcome.Result.REJECTED, outcome.result());
        return e;
    }

    static Map<String, String> callback(PaymentRecord record, String errorCode) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderId", record.attributes().get("orderId"));
        f.put("amount", Long.toString(record.amount()));
        f.put("orderInfo", record.attributes().get("orderInfo"));
        f.put("requestCode", record.reference());
        f.put("transactionNo", "PG-TEST-1");
        f.put("payDate", "20250101143000");
        f.put("paygate", "NAPAS");
        f.put("errorCode", errorCode);
        f.put("type", "PAYMENT");
        f.put("transactionCode", "PG-TEST-1");
        return f;
    }

    static String json(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() == 1 ? "" : ",").append('"').append(k).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return b.append('}').toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
