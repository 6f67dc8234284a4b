package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Keypay simulator's payment page, {@code GET /keypay/page/{id}}: the amount, a bank choice and Pay / Fail /
 * Cancel buttons posting a form to itself ({@code action}, {@code bank}); once the transaction is final, the result
 * ({@code id="result"}, its state in {@code data-state}). Stable element ids: {@code reference}, {@code amount},
 * {@code state}, {@code bank}, {@code pay}, {@code fail}, {@code cancel}, {@code result}, {@code paid-with}.
 */
final class KeypayPage {
    /** The banks offered on the page (display only: Keypay's callback does not carry the bank). */
    static final List<String> BANKS = List.of("VCB", "BIDV", "VTB", "AGRIBANK", "NAPAS");

    private KeypayPage() {
    }

    static SimResponse handle(KeypaySimulator sim, SimRequest request, String id) {
        KeypayTransaction t = sim.transaction(id).orElse(null);
        if (t == null) {
            return new SimResponse(404, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    "no such transaction".getBytes(StandardCharsets.UTF_8));
        }
        if (request.isMethod("GET")) {
            return html(t, "");
        }
        String action = first(request.form().get("action"));
        String bank = first(request.form().get("bank"));
        SimResponse done = sim.finish(id, "cancel".equals(action) ? "fail" : action);
        if (done.status() != 200) {
            return done;
        }
        return html(sim.transaction(id).orElse(t), BANKS.contains(bank) ? bank : BANKS.get(0));
    }

    private static SimResponse html(KeypayTransaction t, String bank) {
        StringBuilder body = new StringBuilder("<h1>Keypay DVCQG (sandbox)</h1><p id=\"reference\">")
                .append(escape(t.transactionId())).append("</p><p id=\"amount\">").append(t.amount())
                .append(" VND</p><p id=\"state\">").append(t.state()).append("</p>");
        if ("PENDING".equals(t.state())) {
            body.append("<form method=\"post\" action=\"/keypay/page/").append(escape(t.transactionId()))
                    .append("\"><label for=\"bank\">Bank</label> <select id=\"bank\" name=\"bank\">");
            BANKS.forEach(b -> body.append("<option value=\"").append(b).append("\">").append(b).append("</option>"));
            body.append("</select> <button name=\"action\" value=\"pay\" id=\"pay\">Pay</button>")
                    .append("<button name=\"action\" value=\"fail\" id=\"fail\">Fail</button>")
                    .append("<button name=\"action\" value=\"cancel\" id=\"cancel\">Cancel</button></form>");
        } else {
            String text = switch (t.state()) {
                case "PAID" -> "Payment successful";
                case "FAILED" -> "Payment failed";
                default -> "Payment expired";
            };
            body.append("<h2 id=\"result\" data-state=\"").append(t.state()).append("\">").append(text)
                    .append("</h2>");
            if (!bank.isEmpty()) {
                body.append("<p id=\"paid-with\">").append(bank).append("</p>");
            }
        }
        String doc = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Keypay sandbox</title></head><body>"
                + body + "</body></html>";
        return new SimResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                doc.getBytes(StandardCharsets.UTF_8));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
