package vn.egov.sdk.testkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PayGov simulator's payment page, {@code GET /paygov/page/{requestCode}}: plain HTML where a tester picks a
 * bank and pays, fails or cancels ({@code POST /paygov/page/{requestCode}/pay|fail|cancel}), then is sent back to
 * the vendor's {@code returnUrl} with the browser-return parameters.
 */
final class PayGovPage {
    private static final List<String> BANKS = List.of("NAPAS", "VIETCOMBANK", "VIETINBANK", "BIDV", "AGRIBANK");

    private PayGovPage() {
    }

    static SimResponse handle(PayGovSimulator sim, SimRequest request, String[] parts) {
        String requestCode = parts[1];
        Optional<PayGovTransaction> t = sim.find(requestCode);
        if (t.isEmpty()) {
            return html(404, "<p>No such payment.</p>");
        }
        if (parts.length == 2 && request.isMethod("GET")) {
            return html(200, page(t.get()));
        }
        if (parts.length == 3 && request.isMethod("POST") && List.of("pay", "fail", "cancel").contains(parts[2])) {
            String bank = Optional.ofNullable(request.form().get("bank")).filter(v -> !v.isEmpty())
                    .map(v -> v.get(0)).filter(BANKS::contains).orElse("NAPAS");
            if (sim.settle(requestCode, parts[2], bank).isEmpty()) {
                return html(409, "<p>This payment is already closed.</p>");
            }
            String location = t.get().returnUrl + (t.get().returnUrl.getRawQuery() == null ? "?" : "&")
                    + query(sim.returnParameters(t.get()));
            return html(303, "<p>Done. <a href=\"" + escape(location) + "\">Back to the service</a></p>")
                    .withHeader("Location", location);
        }
        return html(405, "<p>Not allowed.</p>");
    }

    private static String page(PayGovTransaction t) {
        StringBuilder banks = new StringBuilder();
        for (String b : BANKS) {
            banks.append("<option value=\"").append(b).append("\">").append(b).append("</option>");
        }
        String action = "/paygov/page/" + escape(t.requestCode) + "/";
        return "<h1>PayGov sandbox</h1><dl><dt>Order</dt><dd id=\"orderId\">" + escape(t.orderId) + "</dd>"
                + "<dt>Amount</dt><dd id=\"amount\">" + t.amount + " VND</dd><dt>For</dt><dd>" + escape(t.orderInfo)
                + "</dd></dl><form method=\"post\" action=\"" + action + "pay\"><label>Bank <select name=\"bank\""
                + " id=\"bank\">" + banks + "</select></label>"
                + "<button id=\"pay\" type=\"submit\" formaction=\"" + action + "pay\">Pay</button>"
                + "<button id=\"fail\" type=\"submit\" formaction=\"" + action + "fail\">Fail</button>"
                + "<button id=\"cancel\" type=\"submit\" formaction=\"" + action + "cancel\">Cancel</button></form>";
    }

    private static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static SimResponse html(int status, String body) {
        String doc = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>PayGov sandbox</title>"
                + "</head><body>" + body + "</body></html>";
        return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                doc.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
