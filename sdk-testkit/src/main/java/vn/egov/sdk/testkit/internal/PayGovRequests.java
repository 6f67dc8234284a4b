package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/** The PayGov simulator's payment request: checks the fields and the checksum, records one transaction per requestCode. */
final class PayGovRequests {
    private PayGovRequests() {
    }

    static SimResponse create(PayGovSimulator sim, JsonNode body, String host) {
        Optional<PayGovSimulator.Partner> partner = sim.partner(text(body, "partnerCode"));
        if (partner.isEmpty()) {
            return PayGovSimulator.failed(400, "unknown partnerCode");
        }
        PayGovSimulator.Partner p = partner.get();
        for (String name : new String[] {"returnUrl", "orderId", "orderInfo", "requestCode"}) {
            if (text(body, name).isEmpty()) {
                return PayGovSimulator.failed(400, name + " is required");
            }
        }
        String amountText = text(body, "amount");
        if (!amountText.matches("[1-9][0-9]{0,17}")) {
            return PayGovSimulator.failed(400, "amount must be a whole number of VND above 0");
        }
        String orderInfo = text(body, "orderInfo");
        if (!orderInfo.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return PayGovSimulator.failed(400, "orderInfo must be accent-free ASCII");
        }
        if (p.dongThap()) {
            if (!body.has("beneficiaryCode") || text(body, "accountPay").isEmpty()) {
                return PayGovSimulator.failed(400, "the Đồng Tháp request needs beneficiaryCode and accountPay");
            }
            if (body.has("checksum") || body.has("accessKey")) {
                return PayGovSimulator.failed(400, "the Đồng Tháp request has no checksum or accessKey");
            }
        } else {
            if (!p.accessKey().equals(text(body, "accessKey")) || !p.serviceCode().equals(text(body, "serviceCode"))) {
                return PayGovSimulator.failed(400, "wrong accessKey or serviceCode");
            }
            String expected = PayGovSigner.request(p.secretKey(), p.accessKey(), p.partnerCode(),
                    text(body, "orderId"), text(body, "requestCode"), amountText);
            if (!PayGovSigner.same(expected, text(body, "checksum"))) {
                return PayGovSimulator.failed(400, "checksum invalid");
            }
        }
        URI returnUrl;
        try {
            returnUrl = URI.create(text(body, "returnUrl"));
        } catch (IllegalArgumentException e) {
            return PayGovSimulator.failed(400, "returnUrl is not a URI");
        }
        PayGovTransaction fresh = new PayGovTransaction(p.partnerCode(), text(body, "orderId"),
                text(body, "requestCode"), Long.parseLong(amountText), orderInfo, returnUrl, sim.nextTransactionNo());
        PayGovTransaction stored = sim.putIfAbsent(fresh);
        if (stored != fresh && (stored.amount != fresh.amount || !stored.orderId.equals(fresh.orderId)
                || !stored.partnerCode.equals(fresh.partnerCode))) {
            return PayGovSimulator.failed(409, "requestCode already used for another order");
        }
        return PayGovSimulator.data("url", "http://" + host + "/paygov/page/" + stored.requestCode);
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || !v.isValueNode() ? "" : v.asText("");
    }
}
