package vn.egov.sdk.payment.dvcqg;

import vn.egov.sdk.core.ValidationException;

/**
 * The channel fields of an {@code INIT} request, whose code lists are not public: the defaults are the values seen in
 * use ({@code PAY}, {@code 1}, {@code 1}, {@code vi-VN}, {@code VND}, {@code PAYMENT}); the operator's document may
 * say otherwise.
 *
 * @param paymentType {@code LoaiHinhThanhToan}
 * @param channelCode {@code MaKenhThanhToan}
 * @param deviceCode {@code MaThietBi}
 * @param language {@code NgonNgu}
 * @param currency {@code MaTienTe}
 * @param bankCode {@code MaNganHang}
 */
public record DvcqgChannel(String paymentType, String channelCode, String deviceCode, String language,
        String currency, String bankCode) {

    /**
     * Validates the components.
     *
     * @param paymentType {@code LoaiHinhThanhToan}
     * @param channelCode {@code MaKenhThanhToan}
     * @param deviceCode {@code MaThietBi}
     * @param language {@code NgonNgu}
     * @param currency {@code MaTienTe}
     * @param bankCode {@code MaNganHang}
     * @throws ValidationException naming a missing value
     */
    public DvcqgChannel {
        ValidationException.requireText(paymentType, "DvcqgChannel.paymentType");
        ValidationException.requireText(channelCode, "DvcqgChannel.channelCode");
        ValidationException.requireText(deviceCode, "DvcqgChannel.deviceCode");
        ValidationException.requireText(language, "DvcqgChannel.language");
        ValidationException.requireText(currency, "DvcqgChannel.currency");
        ValidationException.requireText(bankCode, "DvcqgChannel.bankCode");
    }

    /**
     * The values seen in use.
     *
     * @return {@code PAY, 1, 1, vi-VN, VND, PAYMENT}
     */
    public static DvcqgChannel defaults() {
        return new DvcqgChannel("PAY", "1", "1", "vi-VN", "VND", "PAYMENT");
    }
}
