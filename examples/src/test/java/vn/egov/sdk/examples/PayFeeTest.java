package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** PayFee pays a fee end to end and leaves the verified callback and the receipt. */
class PayFeeTest {
    @Test
    void mainPaysAndWritesTheCallbackAndTheReceipt(@TempDir Path out) throws Exception {
        PayFee.main(new String[] {"--out", out.toString()});

        JsonNode callback = new ObjectMapper().readTree(out.resolve("payment-callback.json").toFile());
        assertEquals(DvcqgPaySandbox.MERCHANT_CODE, callback.get("MaDoiTac").asText());
        assertEquals(150_000, callback.get("SoTien").asLong());
        assertTrue(callback.get("MaXacThuc").asText().matches("[0-9a-fA-F]{64}"), callback.toString());
        byte[] pdf = Files.readAllBytes(out.resolve("payment-receipt.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    }

    @Test
    void runSaysWhatEachStepDid(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        boolean ok = PayFee.run(out, new PrintStream(console, true, StandardCharsets.UTF_8));
        String text = console.toString(StandardCharsets.UTF_8);

        assertTrue(ok, text);
        for (String said : new String[] {"INIT: reference", "the citizen paid", "callback verified", "APPLIED",
                "PAID 150000 VND", "GET_BILL: the receipt PDF"}) {
            assertTrue(text.contains(said), said + " in " + text);
        }
        assertFalse(text.contains(DvcqgPaySandbox.SECRET), "the secret is never printed");
    }

    @Test
    void aCallbackThatNeverComesIsAFailureNotAHang(@TempDir Path out) throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            sandbox.dvcqgPay().delivery(CallbackDelivery.never());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> FeePayment.pay(sandbox, "000.00.01.H41-261206-0009", out, line -> { }));
            assertTrue(e.getMessage().contains("no callback arrived"), e.getMessage());
        }
        assertFalse(Files.exists(out.resolve("payment-callback.json")));
    }

    @Test
    void theEndpointAnswersAForgedCallbackWithTheGatewaysRefusal() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                DvcqgPaymentPlatformClient client = FeePayment.client(sandbox);
                PaymentCallbackEndpoint endpoint = PaymentCallbackEndpoint.start(client, p -> {
                    throw new AssertionError("a forged callback ran the effect");
                })) {
            String forged = "{\"LoaiBanTin\":\"CONFIRM\",\"MaLoi\":\"00\",\"MaDoiTac\":\""
                    + DvcqgPaySandbox.MERCHANT_CODE + "\",\"MaThamChieu\":\"R1\",\"SoTien\":150000,"
                    + "\"MaTienTe\":\"VND\",\"MaGiaoDich\":\"1\",\"MaNganHang\":\"VCB\","
                    + "\"ThoiGianGD\":\"20261206150000\",\"ThongTinGiaoDich\":\"x\",\"MaXacThuc\":\"" + "0".repeat(64)
                    + "\"}";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.url())
                    .POST(HttpRequest.BodyPublishers.ofString(forged)).build(), HttpResponse.BodyHandlers.ofString());

            PaymentCallbackEndpoint.Received received = endpoint.await(Duration.ofSeconds(5));
            assertEquals(CallbackOutcome.Result.REJECTED, received.outcome().result());
            assertEquals(forged, received.bodyText());
            assertEquals(received.outcome().reply().httpStatus(), answer.statusCode());
            assertEquals(received.outcome().reply().bodyText(), answer.body());
        }
    }
}
