package vn.egov.sdk.payment.dvcqg;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.CallbackReply;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgJson;

/**
 * Writes the merchant's reply to a result callback. Whether the platform checks the reply is not public;
 * {@link #echo()} writes what both public integrations send: {@code {MaLoi, MoTaLoi, MaDoiTac, MaThamChieu,
 * ThoiGianGD, MaXacThuc}} with the inbound {@code MaXacThuc} echoed back.
 */
public interface ReplyBuilder {
    /**
     * The reply to a callback that verified.
     *
     * @param callback the callback
     * @param partnerCode this client's {@code MaDoiTac}
     * @return the reply
     */
    CallbackReply accept(PaymentCallback callback, String partnerCode);

    /**
     * The reply to a callback that did not verify.
     *
     * @param failure why
     * @param partnerCode this client's {@code MaDoiTac}
     * @return the reply
     */
    CallbackReply reject(CallbackVerificationException failure, String partnerCode);

    /**
     * HTTP 200 with {@code MaLoi 00 "Thành công"} echoing the callback's {@code MaXacThuc}, or {@code MaLoi 99
     * "Các lỗi khác"} with empty reference fields.
     *
     * @return the builder
     */
    static ReplyBuilder echo() {
        return new ReplyBuilder() {
            @Override
            public CallbackReply accept(PaymentCallback callback, String partnerCode) {
                ValidationException.requireNonNull(callback, "ReplyBuilder.callback");
                Map<String, String> f = callback.fields();
                return reply("00", "Thành công", partnerCode, callback.reference(),
                        f.getOrDefault("ThoiGianGD", ""), f.getOrDefault("MaXacThuc", ""));
            }

            @Override
            public CallbackReply reject(CallbackVerificationException failure, String partnerCode) {
                return reply("99", "Các lỗi khác", partnerCode, "", "", "");
            }
        };
    }

    private static CallbackReply reply(String code, String text, String partner, String reference, String time,
            String checksum) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("MaLoi", code);
        body.put("MoTaLoi", text);
        body.put("MaDoiTac", partner);
        body.put("MaThamChieu", reference);
        body.put("ThoiGianGD", time);
        body.put("MaXacThuc", checksum);
        return CallbackReply.json(200, DvcqgJson.mapper().valueToTree(body).toString());
    }
}
