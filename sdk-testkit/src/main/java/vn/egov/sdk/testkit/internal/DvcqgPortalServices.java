package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services of the simulated DVCQG adapter, behind a valid session: dossier sync and lookup, progress, status,
 * ratings, Q&amp;A and the catalogue. Each answers the reply envelope; a batch ({@code data:[…]}) is checked whole
 * before anything is stored, so a refused batch changes nothing.
 */
final class DvcqgPortalServices {
    /** The most progress rows one {@code CapNhatTienDoHoSoMC} call may carry, as integrators send them. */
    static final int MAX_PROGRESS_ROWS = 10;

    private final DvcqgPortalStore store;
    private final DvcqgPortalCatalogue catalogue;
    private final DvcqgPortalReplies replies;
    private final DvcqgPortalTechIds techIds;

    DvcqgPortalServices(DvcqgPortalStore store, DvcqgPortalCatalogue catalogue, DvcqgPortalReplies replies) {
        this.store = store;
        this.catalogue = catalogue;
        this.replies = replies;
        this.techIds = new DvcqgPortalTechIds(replies);
    }

    /**
     * Answers one call.
     *
     * @param service the service name
     * @param call the request envelope
     * @param share whether it came to the share endpoint (catalogue only)
     * @return the reply body
     */
    Map<String, Object> call(String service, JsonNode call, boolean share) {
        Map<String, Object> catalogueReply = catalogue(service, call);
        if (catalogueReply != null) {
            return catalogueReply;
        }
        if (share) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST,
                    "Dịch vụ " + service + " không được cung cấp qua điểm chia sẻ (share)");
        }
        return switch (service) {
            case "DongBoHoSoMC" -> syncDossiers(call);
            case "CapNhatTienDoHoSoMC" -> progress(call);
            case "DongBoTrangThaiHoSo" -> status(call);
            case "TraCuuHoSo" -> lookUp(call);
            case "TraCuuTechID" -> techIds.lookUp(call);
            case "DongBoDanhGia" -> ratings(call);
            case "DongBoHoiDap" -> questions(call);
            case "LayDanhSachHoiDapGuiTuDVCQG" -> replies.success(service, "Thành công",
                    array(store.questionsFrom("DVCQG")));
            case "LayDanhSachHoiDapBoCoQuan" -> replies.success(service, "Thành công",
                    array(store.questionsFrom("COQUAN")));
            case "LayNoiDungTraLoiTheoCauHoi" -> answerOf(call);
            case "DongBoKetQuaHoiDapGuiTuDVCQG" -> answers(call);
            default -> replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Dịch vụ không tồn tại: " + service);
        };
    }

    private Map<String, Object> catalogue(String service, JsonNode call) {
        return switch (service) {
            case "LayDanhSachTTHC" -> list(service, call, catalogue.procedures());
            case "LayDVC" -> list(service, call, catalogue.services());
            case "LayDanhMucCoQuan" -> list(service, call, catalogue.agencies());
            case "LayDanhMucLinhVuc" -> list(service, call, catalogue.fields());
            case "LayThuTuc" -> {
                String code = DvcqgPortalStore.text(call, "maTTHC");
                Optional<ObjectNode> procedure = catalogue.procedure(code);
                yield procedure.isPresent() ? replies.success(service, "Thành công", procedure.get())
                        : replies.failure(DvcqgPortalReplies.NOT_FOUND, "Không tìm thấy thủ tục " + code);
            }
            default -> null;
        };
    }

    /** A catalogue list, whole or, when the call has them, the page {@code pageIndex} (from 1) of {@code pageSize}. */
    private Map<String, Object> list(String service, JsonNode call, ArrayNode items) {
        if (!DvcqgPortalPaging.valid(call)) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "pageIndex và pageSize phải là số nguyên dương");
        }
        return replies.success(service, "Thành công", DvcqgPortalPaging.page(call, items));
    }

    private Map<String, Object> syncDossiers(JsonNode call) {
        String flag = DvcqgPortalStore.text(call, "isUpdating");
        if (!flag.equalsIgnoreCase("True") && !flag.equalsIgnoreCase("False")) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "isUpdating phải là \"True\" hoặc \"False\"");
        }
        boolean updating = flag.equalsIgnoreCase("True");
        List<ObjectNode> records = new ArrayList<>();
        Map<String, Object> refused = items(call, "MaHoSo", records);
        if (refused != null) {
            return refused;
        }
        Set<String> seen = new HashSet<>();
        for (ObjectNode record : records) {
            String code = DvcqgPortalStore.text(record, "MaHoSo");
            if (!seen.add(code)) {
                return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Hồ sơ " + code + " bị gửi trùng trong data");
            }
            if (!updating && store.contains(code)) {
                return replies.failure(DvcqgPortalReplies.EXISTS, "Hồ sơ " + code + " đã tồn tại trên hệ thống");
            }
            if (updating && !store.contains(code)) {
                return replies.failure(DvcqgPortalReplies.NOT_FOUND, "Hồ sơ " + code + " không tồn tại");
            }
        }
        records.forEach(record -> store.put(DvcqgPortalStore.text(record, "MaHoSo"), record));
        return replies.success("DongBoHoSoMC", "Đồng bộ hồ sơ thành công", null);
    }

    private Map<String, Object> progress(JsonNode call) {
        List<ObjectNode> rows = new ArrayList<>();
        Map<String, Object> refused = knownItems(call, rows);
        if (refused != null) {
            return refused;
        }
        if (rows.size() > MAX_PROGRESS_ROWS) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Mỗi lần gửi tối đa " + MAX_PROGRESS_ROWS
                    + " dòng tiến độ (đã gửi " + rows.size() + ")");
        }
        rows.forEach(row -> store.appendProgress(DvcqgPortalStore.text(row, "MaHoSo"), row));
        return replies.success("CapNhatTienDoHoSoMC", "Cập nhật tiến độ hồ sơ thành công", null);
    }

    private Map<String, Object> status(JsonNode call) {
        List<ObjectNode> rows = new ArrayList<>();
        Map<String, Object> refused = knownItems(call, rows);
        if (refused != null) {
            return refused;
        }
        for (ObjectNode row : rows) {
            if (DvcqgPortalStore.text(row, "TrangThaiHoSo").isEmpty()) {
                return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Thiếu TrangThaiHoSo của hồ sơ "
                        + DvcqgPortalStore.text(row, "MaHoSo"));
            }
        }
        rows.forEach(row -> store.merge(DvcqgPortalStore.text(row, "MaHoSo"), row));
        return replies.success("DongBoTrangThaiHoSo", "Đồng bộ trạng thái hồ sơ thành công", null);
    }

    private Map<String, Object> lookUp(JsonNode call) {
        String code = DvcqgPortalStore.text(call, "MaHoSo");
        Optional<DvcqgPortalStore.Held> held = store.find(code);
        if (held.isEmpty()) {
            return replies.failure(DvcqgPortalReplies.NOT_FOUND, "Không tìm thấy hồ sơ " + code);
        }
        ObjectNode result = held.get().record();
        result.set("DanhSachTienDo", array(held.get().history()));
        return replies.success("TraCuuHoSo", "Thành công", result);
    }

    private Map<String, Object> ratings(JsonNode call) {
        List<ObjectNode> items = new ArrayList<>();
        Map<String, Object> refused = items(call, "NgayTongHop", items);
        if (refused != null) {
            return refused;
        }
        items.forEach(store::addRating);
        return replies.success("DongBoDanhGia", "Đồng bộ đánh giá thành công", null);
    }

    private Map<String, Object> questions(JsonNode call) {
        List<ObjectNode> items = new ArrayList<>();
        Map<String, Object> refused = items(call, "HOIDAPID", items);
        if (refused != null) {
            return refused;
        }
        items.forEach(q -> store.putQuestion(DvcqgPortalStore.text(q, "HOIDAPID"), q.put("NGUON", "COQUAN")));
        return replies.success("DongBoHoiDap", "Đồng bộ hỏi đáp thành công", null);
    }

    private Map<String, Object> answerOf(JsonNode call) {
        String id = DvcqgPortalStore.text(call, "HOIDAPID");
        Optional<ObjectNode> question = store.question(id);
        if (question.isEmpty()) {
            return replies.failure(DvcqgPortalReplies.NOT_FOUND, "Không tìm thấy câu hỏi " + id);
        }
        return replies.success("LayNoiDungTraLoiTheoCauHoi", "Thành công", question.get());
    }

    private Map<String, Object> answers(JsonNode call) {
        List<ObjectNode> items = new ArrayList<>();
        Map<String, Object> refused = items(call, "HOIDAPID", items);
        if (refused != null) {
            return refused;
        }
        for (ObjectNode item : items) {
            String id = DvcqgPortalStore.text(item, "HOIDAPID");
            if (store.question(id).isEmpty()) {
                return replies.failure(DvcqgPortalReplies.NOT_FOUND, "Không tìm thấy câu hỏi " + id);
            }
        }
        for (ObjectNode item : items) {
            String id = DvcqgPortalStore.text(item, "HOIDAPID");
            ObjectNode question = store.question(id).orElseThrow();
            question.setAll(item);
            store.putQuestion(id, question);
        }
        return replies.success("DongBoKetQuaHoiDapGuiTuDVCQG", "Đồng bộ kết quả trả lời thành công", null);
    }

    /** The {@code data} items naming a held dossier each; a refusal when one does not. */
    private Map<String, Object> knownItems(JsonNode call, List<ObjectNode> into) {
        Map<String, Object> refused = items(call, "MaHoSo", into);
        if (refused != null) {
            return refused;
        }
        for (ObjectNode item : into) {
            String code = DvcqgPortalStore.text(item, "MaHoSo");
            if (!store.contains(code)) {
                return replies.failure(DvcqgPortalReplies.NOT_FOUND, "Hồ sơ " + code + " không tồn tại");
            }
        }
        return null;
    }

    /** The {@code data} array's objects, each with {@code key} set; a refusal when that is not so. */
    private Map<String, Object> items(JsonNode call, String key, List<ObjectNode> into) {
        JsonNode data = call.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Thiếu danh sách data");
        }
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            if (!item.isObject() || DvcqgPortalStore.text(item, key).isBlank()) {
                return replies.failure(DvcqgPortalReplies.BAD_REQUEST,
                        "Phần tử data[" + i + "] thiếu trường " + key);
            }
            into.add((ObjectNode) item);
        }
        return null;
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        items.forEach(out::add);
        return out;
    }
}
