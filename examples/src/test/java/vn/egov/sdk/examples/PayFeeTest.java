package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.testkit.DvcqgPaySandbox;

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
    void aCallbackEndpointThatCannotBeReachedIsAFailureNotAHang(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (vn.egov.sdk.testkit.NationalSandbox sandbox = vn.egov.sdk.testkit.NationalSandbox.start()) {
            sandbox.dvcqgPay().delivery(vn.egov.sdk.testkit.CallbackDelivery.never());
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> FeePayment.pay(sandbox, "000.00.01.H41-261206-0009", out, line -> { }));
            assertTrue(e.getMessage().contains("no callback arrived"), e.getMessage());
        }
        assertFalse(Files.exists(out.resolve("payment-callback.json")));
    }
}
