package vn.egov.sdk.payment.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.sdk.payment.FeeItem;
import vn.egov.sdk.payment.FineDetails;
import vn.egov.sdk.payment.PaymentItem;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.ReceiptWireStyle;

/** Writes a {@link ReceiptInfo} as the {@code ThongTinBienLai} / {@code bill_info} JSON object, in a wire style. */
public final class ReceiptInfoJson {
    private ReceiptInfoJson() {
    }

    /**
     * The receipt as a JSON object: {@code MaDichVu}, the text fields in DOMAIN's order, {@code PhiLePhi},
     * {@code DSKhoanNop}, and a fine's fields when it is one. Amounts are JSON numbers.
     *
     * @param receipt the receipt
     * @param style how the varying fields are written
     * @return the object
     */
    public static ObjectNode write(ReceiptInfo receipt, ReceiptWireStyle style) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("MaDichVu", style.serviceKind(receipt.serviceKind()));
        for (ReceiptInfo.Field f : ReceiptInfo.Field.values()) {
            if (f == ReceiptInfo.Field.CONTENT) {
                ArrayNode fees = o.putArray("PhiLePhi");
                for (FeeItem item : receipt.fees()) {
                    ObjectNode line = fees.addObject();
                    line.put("LoaiPhiLePhi", style.feeKind(item));
                    line.put("MaPhiLePhi", style.feeCode(receipt, item));
                    line.put("TenPhiLePhi", item.name());
                    line.put("SoTien", item.amount());
                }
            }
            o.put(f.wireName(), style.text(receipt, f));
        }
        ArrayNode items = o.putArray("DSKhoanNop");
        for (PaymentItem item : receipt.items()) {
            items.addObject().put("NoiDung", item.content()).put("SoTien", item.amount());
        }
        receipt.fine().ifPresent(fine -> writeFine(o, fine));
        return o;
    }

    private static void writeFine(ObjectNode o, FineDetails fine) {
        o.put("MaLoaiHinhThuPhat", fine.fineTypeCode());
        o.put("TenLoaiHinhThuPhat", fine.fineTypeName());
        o.put("KhoBac", fine.treasury());
        o.put("NgayQD", fine.decisionDate());
        o.put("SoQD", fine.decisionNumber());
        o.put("ThoiGianViPham", fine.violationTime());
        o.put("DiaDiemViPham", fine.violationPlace());
        o.put("TenNguoiViPham", fine.violatorName());
    }
}
