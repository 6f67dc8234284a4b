package vn.egov.sdk.payment;

import vn.egov.sdk.core.ValidationException;

/**
 * One fee or charge on a receipt ({@code PhiLePhi[]}: {@code LoaiPhiLePhi, MaPhiLePhi, TenPhiLePhi, SoTien}).
 *
 * @param kind phí or lệ phí
 * @param code the fee's code, or empty text (a {@link ReceiptWireStyle} decides what {@code MaPhiLePhi} carries)
 * @param name the fee's name, required
 * @param amount the amount in whole VND, above 0
 */
public record FeeItem(FeeKind kind, String code, String name, long amount) {

    /**
     * Validates the components.
     *
     * @param kind phí or lệ phí
     * @param code the code, or empty text
     * @param name the name
     * @param amount the amount in VND
     * @throws ValidationException naming the field at fault
     */
    public FeeItem {
        ValidationException.requireNonNull(kind, "FeeItem.kind");
        ValidationException.requireNonNull(code, "FeeItem.code");
        ValidationException.requireText(name, "FeeItem.name");
        if (amount <= 0) {
            throw ValidationException.of("positive", "FeeItem.amount", "a fee's amount must be above 0 VND");
        }
    }
}
