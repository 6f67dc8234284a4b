package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.internal.ReceiptInfoJson;

class ReceiptInfoTest {

    private static ReceiptInfo.Builder fees() {
        return ReceiptInfo.builder(150_000).dossierCode("G17-0001").agency("000.00.00.G17", "Bộ Xây dựng")
                .procedure("1.009972", "Cấp giấy phép xây dựng")
                .fee(new FeeItem(FeeKind.PHI, "", "Phí thẩm định", 100_000))
                .fee(new FeeItem(FeeKind.LE_PHI, "LP01", "Lệ phí cấp phép", 50_000));
    }

    @Test
    void everyViolatedFieldIsNamedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> ReceiptInfo.builder(100_000)
                .fee(new FeeItem(FeeKind.PHI, "", "Phí", 60_000))
                .item(new PaymentItem("Khoản 1", 1)).build());
        List<String> paths = e.errors().stream().map(FieldError::path).toList();
        assertEquals(List.of("ReceiptInfo.MaHoSo", "ReceiptInfo.PhiLePhi", "ReceiptInfo.DSKhoanNop"), paths);
        assertTrue(e.errors().get(1).message().contains("60000"), e.errors().get(1).message());
    }

    @Test
    void aFeeReceiptNeedsAFeeLineAndItemsAreOptional() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ReceiptInfo.builder(0).dossierCode("D").build());
        assertEquals(List.of("ReceiptInfo.amount", "ReceiptInfo.PhiLePhi"),
                e.errors().stream().map(FieldError::path).toList());
        assertEquals(0, fees().build().items().size());
        assertThrows(ValidationException.class, () -> new FeeItem(FeeKind.PHI, "", "x", -1));
        assertThrows(ValidationException.class, () -> new PaymentItem(" ", 1));
    }

    @Test
    void theDefaultStyleWritesOpenCpsCodesNineZerosAndDerivesMaDvc() {
        JsonNode json = ReceiptInfoJson.write(fees().build(), ReceiptWireStyle.defaults());
        assertEquals("2", json.get("MaDichVu").asText());
        assertEquals("1", json.get("PhiLePhi").get(0).get("LoaiPhiLePhi").asText());
        assertEquals("2", json.get("PhiLePhi").get(0).get("MaPhiLePhi").asText());
        assertEquals("LP01", json.get("PhiLePhi").get(1).get("MaPhiLePhi").asText());
        assertEquals("2", json.get("PhiLePhi").get(1).get("LoaiPhiLePhi").asText());
        assertEquals("1.009972.01", json.get("MaDVC").asText());
        assertEquals("000000000", json.get("SoCMNDNguoiNop").asText());
        assertEquals(100_000, json.get("PhiLePhi").get(0).get("SoTien").asLong());
    }

    @Test
    void theThanhHoaStyleWritesPhiAndTheServiceCode() {
        JsonNode json = ReceiptInfoJson.write(fees().build(), ReceiptWireStyle.thanhHoa());
        assertEquals("Phi", json.get("PhiLePhi").get(0).get("LoaiPhiLePhi").asText());
        assertEquals("1.009972.01", json.get("PhiLePhi").get(1).get("MaPhiLePhi").asText());
    }

    @Test
    void longNamesAreCutAndAKnownPayerIsSent() {
        String name = "Thủ tục ".repeat(40);
        ReceiptInfo r = fees().procedure("1.1", name).payer(Payer.named("Nguyễn Văn A").withIdNumber("001099000001"))
                .build();
        ReceiptWireStyle style = ReceiptWireStyle.defaults();
        String cut = style.text(r, ReceiptInfo.Field.PROCEDURE_NAME);
        assertEquals(201, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("…"));
        assertEquals("001099000001", style.text(r, ReceiptInfo.Field.PAYER_ID));
        assertEquals("Nguyễn Văn A", style.text(r, ReceiptInfo.Field.PAYER_NAME));
        assertEquals("Thủ …", style.withNameCut(5, 4).text(fees().procedure("1", "Thủ tục").build(),
                ReceiptInfo.Field.PROCEDURE_NAME));
        assertThrows(ValidationException.class, () -> style.withNameCut(10, 11));
    }

    @Test
    void aFineReceiptCarriesItsFields() {
        ReceiptInfo fine = ReceiptInfo.builder(2_000_000).dossierCode("QD-01")
                .fine(new FineDetails("01", "Phạt giao thông", "KBNN Hà Nội", "20260301", "123/QĐ-XPHC",
                        "20260228", "Hà Nội", "Trần Văn B"))
                .build();
        JsonNode json = ReceiptInfoJson.write(fine, ReceiptWireStyle.defaults());
        assertEquals("1", json.get("MaDichVu").asText());
        assertEquals("123/QĐ-XPHC", json.get("SoQD").asText());
        assertEquals("Trần Văn B", json.get("TenNguoiViPham").asText());
        assertThrows(ValidationException.class, () -> new FineDetails("", "", "", "", " ", "", "", "x"));
    }
}
