package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.internal.ReceiptInfoJson;

/** The [INFERRED] {@code MaDichVu} codes are configuration on the receipt style, with the seen values by default. */
class ReceiptWireStyleServiceKindTest {
    private static ReceiptInfo fees() {
        return ReceiptInfo.builder(150_000).dossierCode("G17-0001").agency("000.00.00.G17", "Bộ Xây dựng")
                .procedure("1.009972", "Cấp giấy phép xây dựng")
                .fee(new FeeItem(FeeKind.PHI, "", "Phí thẩm định", 150_000)).build();
    }

    @Test
    void defaultsWriteTheSeenCodesAndAVendorCanChangeThem() {
        assertEquals("2", ReceiptInfoJson.write(fees(), ReceiptWireStyle.defaults()).get("MaDichVu").asText());
        assertEquals("1", ReceiptWireStyle.defaults().serviceKind(ServiceKind.FINE));
        ReceiptWireStyle own = ReceiptWireStyle.thanhHoa()
                .withServiceKind(kind -> kind == ServiceKind.FEE ? "02" : "01");
        assertEquals("02", ReceiptInfoJson.write(fees(), own).get("MaDichVu").asText());
        assertEquals("01", own.serviceKind(ServiceKind.FINE));
        assertEquals("Phi", ReceiptInfoJson.write(fees(), own.withNameCut(250, 200)).get("PhiLePhi").get(0)
                .get("LoaiPhiLePhi").asText(), "the other settings are kept by every copy");
        assertEquals("02", ReceiptInfoJson.write(fees(), own.withNameCut(250, 200).withUnknownPayerId("")
                .withServiceCodeSuffix("").withFeeKind(i -> "x").withFeeCode((i, s) -> "y")).get("MaDichVu").asText());
        assertEquals("", ReceiptWireStyle.defaults().withServiceKind(kind -> null).serviceKind(ServiceKind.FEE));
        assertEquals("ReceiptWireStyle.serviceKind", assertThrows(ValidationException.class,
                () -> ReceiptWireStyle.defaults().withServiceKind(null)).errors().get(0).path());
    }
}
