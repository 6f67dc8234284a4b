package vn.egov.sdk.payment.keypay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.ReceiptWireStyle;
import vn.egov.sdk.payment.internal.ReceiptInfoJson;

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

    /**
     * Writes {@code bill_info} from the full receipt model, as the DVCQG platform client writes
     * {@code ThongTinBienLai}: the same fields, fee lines and wire style.
     *
     * @param receipts makes the receipt of an order (its amount must be the order's)
     * @param style how the values integrators fill differently are written
     * @return the bill info writer
     * @throws ValidationException when an argument is missing
     */
    static KeypayBillInfo fromReceipts(Function<PaymentOrder, ReceiptInfo> receipts, ReceiptWireStyle style) {
        ValidationException.requireNonNull(receipts, "KeypayBillInfo.receipts");
        ValidationException.requireNonNull(style, "KeypayBillInfo.style");
        return (order, transactionId) -> {
            ReceiptInfo receipt = ValidationException.requireNonNull(receipts.apply(order), "KeypayBillInfo.receipt");
            if (receipt.amount() != order.amount()) {
                throw ValidationException.of("equal", "ReceiptInfo.amount", "the receipt's amount "
                        + receipt.amount() + " VND differs from the order's " + order.amount() + " VND");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ReceiptInfoJson.write(receipt, style).properties().forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        };
    }
}
