package vn.egov.sdk.payment.keypay;

import java.util.Map;
import vn.egov.sdk.payment.PaymentOrder;

/**
 * Writes the {@code bill_info} object of a Keypay create request (the DVCQG receipt fields: {@code MaHoSo},
 * {@code HoTenNguoiNop}, {@code NoiDungThanhToan}, …) for an order. The default writes the fields an order knows;
 * a vendor with the full receipt model supplies its own.
 */
@FunctionalInterface
public interface KeypayBillInfo {
    /**
     * The {@code bill_info} fields for an order, wire names as keys, in the order they are to be written. Values are
     * text, numbers, lists or maps that Jackson writes as JSON.
     *
     * @param order the order being paid
     * @param transactionId the {@code transaction_id} fixed for it
     * @return the fields
     */
    Map<String, Object> write(PaymentOrder order, String transactionId);
}
