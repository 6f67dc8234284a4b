package vn.egov.sdk.payment;

import vn.egov.sdk.core.ValidationException;

/**
 * One item of what is paid ({@code DSKhoanNop[]}: {@code NoiDung, SoTien}).
 *
 * @param content what the item is for, required
 * @param amount the amount in whole VND, above 0
 */
public record PaymentItem(String content, long amount) {

    /**
     * Validates the components.
     *
     * @param content what the item is for
     * @param amount the amount in VND
     * @throws ValidationException naming the field at fault
     */
    public PaymentItem {
        ValidationException.requireText(content, "PaymentItem.content");
        if (amount <= 0) {
            throw ValidationException.of("positive", "PaymentItem.amount", "an item's amount must be above 0 VND");
        }
    }
}
