package vn.egov.sdk.payment.keypay.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.keypay.KeypayBillInfo;

/**
 * The default {@code bill_info}: what a {@link PaymentOrder} knows, under the DVCQG receipt names
 * ({@code MaHoSo}, {@code NoiDungThanhToan}, {@code HoTenNguoiNop}, {@code SoCMNDNguoiNop}, {@code DiaChiNguoiNop},
 * {@code HuyenNguoiNop}, {@code TinhNguoiNop}) and one {@code DSKhoanNop} line with the amount.
 */
public final class OrderBillInfo implements KeypayBillInfo {
    @Override
    public Map<String, Object> write(PaymentOrder order, String transactionId) {
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("MaHoSo", order.dossierCode());
        bill.put("NoiDungThanhToan", order.description());
        order.payer().ifPresent(p -> {
            bill.put("HoTenNguoiNop", p.name());
            p.idNumber().ifPresent(v -> bill.put("SoCMNDNguoiNop", v));
            p.address().ifPresent(v -> bill.put("DiaChiNguoiNop", v));
            p.district().ifPresent(v -> bill.put("HuyenNguoiNop", v));
            p.province().ifPresent(v -> bill.put("TinhNguoiNop", v));
        });
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("NoiDung", order.description());
        line.put("SoTien", order.amount());
        bill.put("DSKhoanNop", java.util.List.of(line));
        return bill;
    }
}
