package vn.egov.sdk.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.testkit.internal.LgspDocuments;
import vn.egov.sdk.testkit.internal.VdxpStore;

/** What each simulator holds, as {@code GET /_sandbox/state} shows it (ids and counts, never package bytes). */
final class SandboxState {

    private SandboxState() {
    }

    static Map<String, Object> of(NationalSandbox sandbox) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", sandbox.services().clock().instant().toString());
        state.put("oauth2", Map.of("tokensIssued", sandbox.tokensIssued()));
        state.put("demo", Map.of("ordersCreated", sandbox.ordersCreated()));
        List<Map<String, Object>> vdxp = new ArrayList<>();
        for (VdxpStore.Sent s : sandbox.services().vdxp().store().packages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("docId", s.docId());
            m.put("senderSystem", s.senderSystem());
            m.put("from", s.from());
            m.put("messageType", s.messageType());
            m.put("title", s.title());
            m.put("notation", s.notation());
            m.put("sentTime", s.sentTime().toString());
            m.put("sha256", s.sha256());
            vdxp.add(m);
        }
        state.put("vdxp", Map.of("packages", vdxp));
        List<Map<String, Object>> lgsp = new ArrayList<>();
        for (LgspDocuments.Doc d : sandbox.services().lgsp().documents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("docId", d.docId());
            m.put("messageType", d.messageType());
            m.put("from", d.from());
            m.put("code", d.code());
            m.put("title", d.title());
            m.put("created", d.created().toString());
            m.put("statusByRecipient", d.statuses());
            lgsp.add(m);
        }
        Map<String, Object> lgspState = new LinkedHashMap<>();
        lgspState.put("logins", sandbox.lgsp().logins());
        lgspState.put("documents", lgsp);
        state.put("lgsp", lgspState);
        Map<String, Object> smartCa = new LinkedHashMap<>();
        smartCa.put("transactionsCreated", sandbox.smartCa().transactionsCreated());
        smartCa.put("signaturesMade", sandbox.smartCa().signaturesMade());
        state.put("smartca", smartCa);
        Map<String, Object> dvcqgPay = new LinkedHashMap<>();
        dvcqgPay.put("transactionsCreated", sandbox.dvcqgPay().transactionsCreated());
        dvcqgPay.put("transactions", sandbox.dvcqgPay().transactions().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("MaThamChieu", t.reference());
            m.put("SoTien", t.amount());
            m.put("state", t.state());
            m.put("paymentPage", t.paymentPage().toString());
            return m;
        }).toList());
        state.put("dvcqg-pay", dvcqgPay);
        Map<String, Object> dvcqg = new LinkedHashMap<>();
        dvcqg.put("sessionsIssued", sandbox.dvcqg().sessionsIssued());
        dvcqg.put("dossiers", sandbox.dvcqg().dossiers().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("MaHoSo", d.maHoSo());
            m.put("TrangThaiHoSo", d.status());
            m.put("progressRows", d.progressRows());
            m.put("updates", d.updates());
            return m;
        }).toList());
        dvcqg.put("ratings", sandbox.dvcqg().ratings().size());
        state.put("dvcqg", dvcqg);
        state.put("paymentCallbacks", sandbox.services().callbacks().attempts().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system", a.system());
            m.put("reference", a.reference());
            m.put("url", a.url().toString());
            m.put("status", a.status());
            m.put("at", a.at().toString());
            return m;
        }).toList());
        return state;
    }
}
