package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.FeeItem;
import vn.egov.sdk.payment.FeeKind;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.ReceiptInfo;

class DvcqgClientUnitTest {

    @Test
    void theBuilderNamesEveryMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DvcqgPaymentPlatformClient.builder().referenceMaxLength(3).amountCap(0).build());
        assertEquals(List.of("DvcqgPaymentPlatformClient.settings.endpoint", "DvcqgPaymentPlatformClient.merchant.code",
                "DvcqgPaymentPlatformClient.merchant.secret", "DvcqgPaymentPlatformClient.referenceMaxLength",
                "DvcqgPaymentPlatformClient.amountCap"), e.errors().stream().map(FieldError::path).toList());
    }

    @Test
    void aReceiptWhoseAmountDiffersFromTheOrderIsRefusedBeforeAnyRequest() {
        try (DvcqgPaymentPlatformClient client = DvcqgPaymentPlatformClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/pay").build())
                .merchant("M", Secret.of("very-secret-key")).merchantIp("10.0.0.5").build()) {
            ReceiptInfo receipt = ReceiptInfo.builder(10_000).dossierCode("D")
                    .fee(new FeeItem(FeeKind.LE_PHI, "", "Lệ phí", 10_000)).build();
            ValidationException e = assertThrows(ValidationException.class,
                    () -> client.create(PaymentOrder.of("D", 20_000, "Lệ phí"), receipt));
            assertEquals("ReceiptInfo.amount", e.errors().get(0).path());
            assertTrue(client.store().findPending(client.system(), "D", 20_000).isEmpty());
            assertFalse(client.toString().contains("very-secret-key"));
        }
    }

    @Test
    void theBrowserReturnIsParsedForDisplayOnly() {
        BrowserReturn r = BrowserReturn.parse("?data=REF%2001&responseCode=00&secureCode=abc");
        assertEquals("REF 01", r.reference());
        assertTrue(r.claimsSuccess());
        assertEquals("abc", r.secureCode());
        assertThrows(ValidationException.class, () -> BrowserReturn.parse("responseCode=00"));
        assertThrows(ValidationException.class, () -> BrowserReturn.parse("data=%E0%A"));
        assertThrows(ValidationException.class, () -> BrowserReturn.parse(null));
    }

    @Test
    void theEnvelopesUnwrapTheDirectAndTheProxyAnswer() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertEquals("u", InitResponseEnvelope.AUTO.unwrap(m.readTree("{\"MaLoi\":\"00\",\"UrlThanhToan\":\"u\"}"))
                .orElseThrow().get("UrlThanhToan").asText());
        assertEquals("u", InitResponseEnvelope.AUTO.unwrap(
                m.readTree("{\"error_code\":\"0\",\"message\":\"{\\\"UrlThanhToan\\\":\\\"u\\\"}\"}"))
                .orElseThrow().get("UrlThanhToan").asText());
        assertTrue(InitResponseEnvelope.AUTO.unwrap(m.readTree("{\"error_code\":\"1\",\"message\":\"x\"}")).isEmpty());
        assertTrue(InitResponseEnvelope.PROXY.unwrap(m.readTree("{\"error_code\":\"0\",\"message\":\"{\"}")).isEmpty());
    }
}
