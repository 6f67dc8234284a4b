package vn.egov.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payer's side of the simulated DVCQG payment platform: the payment page ({@code GET/POST page/{id}}, a bank
 * and Pay / Fail / Cancel) and the test API that does the same without a browser
 * ({@code POST _test/{reference}/pay|fail|expire}). Both end a transaction through
 * {@link DvcqgPaySimulator#finish}, which sends the callback.
 */
final class DvcqgPayPayer {
    private DvcqgPayPayer() {
    }

    static SimResponse page(DvcqgPaySimulator sim, SimRequest request, String id) {
        DvcqgPayTransaction tx = sim.byId(id).orElse(null);
        if (tx == null) {
            return DvcqgPayPages.html(404, "<!DOCTYPE html><html><body><h1>Không tìm thấy giao dịch</h1></body></html>");
        }
        if (request.isMethod("GET")) {
            return tx.state() == DvcqgPayTransaction.State.PENDING ? DvcqgPayPages.paymentPage(tx)
                    : DvcqgPayPages.resultPage(tx);
        }
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "method_not_allowed", "use GET or POST").withHeader("Allow", "GET, POST");
        }
        String action = first(request.form(), "action");
        String bank = first(request.form(), "bank");
        if (!DvcqgPayPages.BANKS.contains(bank)) {
            bank = DvcqgPayPages.BANKS.get(0);
        }
        switch (action) {
            case "pay" -> sim.finish(tx.reference(), DvcqgPayTransaction.State.PAID, bank);
            case "fail", "cancel" -> sim.finish(tx.reference(), DvcqgPayTransaction.State.FAILED, bank);
            default -> {
                return DvcqgPayPages.html(400, "<!DOCTYPE html><html><body><h1>Thao tác không hợp lệ</h1></body></html>");
            }
        }
        return DvcqgPayPages.resultPage(tx);
    }

    static SimResponse testAction(DvcqgPaySimulator sim, String reference, String action) {
        DvcqgPayTransaction.State to = switch (action) {
            case "pay" -> DvcqgPayTransaction.State.PAID;
            case "fail" -> DvcqgPayTransaction.State.FAILED;
            default -> DvcqgPayTransaction.State.EXPIRED;
        };
        Optional<Boolean> moved = sim.finish(reference, to, DvcqgPayPages.BANKS.get(0));
        if (moved.isEmpty()) {
            return SimResponse.error(404, "not_found", "no DVCQG transaction with this MaThamChieu");
        }
        if (!moved.get()) {
            return SimResponse.error(409, "conflict", "the transaction is already final");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaThamChieu", reference);
        body.put("state", to.name());
        return SimResponse.json(200, body);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
