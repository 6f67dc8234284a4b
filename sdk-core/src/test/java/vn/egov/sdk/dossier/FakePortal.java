package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.internal.Json;

/** A transport holding dossiers and histories like the portal, with scripted failures; records every call. */
final class FakePortal implements DossierTransport {
    /** One call: the service and how many records it carried. */
    record Call(String service, int size, boolean updating) {
    }

    final Map<String, ObjectNode> dossiers = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> histories = new LinkedHashMap<>();
    final List<Call> calls = new ArrayList<>();
    final List<String> order = new ArrayList<>();
    /** While true every push throws a retryable network failure. */
    boolean down;
    /** Records this refuses with -1. */
    Predicate<JsonNode> refuse = r -> false;
    boolean canLookUp = true;
    /** While true a progress push stores its rows, then fails as a 502 whose request reached the portal. */
    boolean storeThenFail;
    int lookups;

    @Override
    public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
        calls.add(new Call("DongBoHoSoMC", records.size(), updating));
        outage("DongBoHoSoMC");
        for (ObjectNode r : records) {
            String code = r.path("MaHoSo").asText();
            if (refuse.test(r)) {
                return reply("DongBoHoSoMC", "-1", "Dữ liệu không hợp lệ: " + code);
            }
            if (!updating && dossiers.containsKey(code)) {
                return reply("DongBoHoSoMC", "-3", "Hồ sơ " + code + " đã tồn tại");
            }
            if (updating && !dossiers.containsKey(code)) {
                return reply("DongBoHoSoMC", "-4", "Hồ sơ " + code + " không tồn tại");
            }
        }
        records.forEach(r -> {
            dossiers.put(r.path("MaHoSo").asText(), r.deepCopy());
            order.add("D:" + r.path("MaHoSo").asText());
        });
        return reply("DongBoHoSoMC", "0", "Thành công");
    }

    @Override
    public AdapterReply pushProgress(List<ObjectNode> rows) {
        calls.add(new Call("CapNhatTienDoHoSoMC", rows.size(), false));
        outage("CapNhatTienDoHoSoMC");
        AdapterReply refused = check("CapNhatTienDoHoSoMC", rows);
        if (refused != null) {
            return refused;
        }
        rows.forEach(r -> {
            histories.computeIfAbsent(r.path("MaHoSo").asText(), k -> new ArrayList<>()).add(r.deepCopy());
            order.add("P:" + r.path("MaHoSo").asText() + ":" + r.path("NoiDungXuLy").asText());
        });
        if (storeThenFail) {
            throw new AdapterException("the DVCQG adapter answered HTTP 502", ErrorDetails.of(Fault.PLATFORM, true),
                    null, "CapNhatTienDoHoSoMC", null, true);
        }
        return reply("CapNhatTienDoHoSoMC", "0", "Thành công");
    }

    @Override
    public AdapterReply pushStatus(List<ObjectNode> statuses) {
        calls.add(new Call("DongBoTrangThaiHoSo", statuses.size(), false));
        outage("DongBoTrangThaiHoSo");
        AdapterReply refused = check("DongBoTrangThaiHoSo", statuses);
        if (refused != null) {
            return refused;
        }
        statuses.forEach(s -> {
            dossiers.get(s.path("MaHoSo").asText()).setAll(s.deepCopy());
            order.add("S:" + s.path("MaHoSo").asText() + ":" + s.path("TrangThaiHoSo").asText());
        });
        return reply("DongBoTrangThaiHoSo", "0", "Thành công");
    }

    @Override
    public Optional<JsonNode> findDossier(String maHoSo) {
        lookups++;
        outage("TraCuuHoSo");
        if (!canLookUp || !dossiers.containsKey(maHoSo)) {
            return Optional.empty();
        }
        ObjectNode result = dossiers.get(maHoSo).deepCopy();
        ArrayNode rows = result.putArray("DanhSachTienDo");
        histories.getOrDefault(maHoSo, List.of()).forEach(rows::add);
        return Optional.of(result);
    }

    List<Call> calls(String service) {
        return calls.stream().filter(c -> c.service().equals(service)).toList();
    }

    private AdapterReply check(String service, List<ObjectNode> rows) {
        for (ObjectNode r : rows) {
            if (refuse.test(r)) {
                return reply(service, "-1", "Dữ liệu không hợp lệ");
            }
            if (!dossiers.containsKey(r.path("MaHoSo").asText())) {
                return reply(service, "-4", "Hồ sơ " + r.path("MaHoSo").asText() + " không tồn tại");
            }
        }
        return null;
    }

    private void outage(String service) {
        if (down) {
            throw new AdapterException("the DVCQG adapter call " + service + " failed on the network: refused",
                    ErrorDetails.of(Fault.NETWORK, true), null, service, null, false);
        }
    }

    private static AdapterReply reply(String service, String code, String message) {
        return new AdapterReply(service, code, message, Json.mapper().createObjectNode());
    }
}
