package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A province's own sync endpoints in front of the simulated portal, under {@code /dvcqg/tinh/}: {@code them-moi}
 * (create), {@code cap-nhat} (update), {@code dong-bo-tien-trinh} (progress), {@code trang-thai} (status), each
 * taking a JSON array of records, and the Hà Giang form {@code api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=…&isUpdating=
 * True|False}. Each array is handed to the portal's own service as its {@code data}, so the dossiers land in the same
 * store (and on the same HTML page) with the same checks and {@code error_code} forms; only the "already exists"
 * code differs: {@code 3}, as TD‑ThanhHoa's provincial endpoints answer, not the adapter's {@code -3}. Every request
 * needs {@code Authorization: Bearer }{@value #TOKEN}, else HTTP 401.
 */
final class DvcqgProvincialEndpoints {
    /** The path prefix under {@code /dvcqg}. */
    static final String PREFIX = "/tinh/";
    /** The bearer token the provincial endpoints expect (a public test value). */
    static final String TOKEN = "sandbox-tinh-token";
    /** The Hà Giang endpoint under {@link #PREFIX}. */
    static final String HA_GIANG = "api/SynsTTHCC/DongBoHoSoMC";
    /** The "already exists" code of the provincial endpoints. */
    static final int EXISTS = 3;

    private final DvcqgPortalServices services;
    private final DvcqgPortalReplies replies;

    DvcqgProvincialEndpoints(DvcqgPortalServices services, DvcqgPortalReplies replies) {
        this.services = services;
        this.replies = replies;
    }

    /**
     * Answers one request.
     *
     * @param request the request
     * @param path the path under {@code /dvcqg}, starting with {@link #PREFIX}
     * @return the response
     */
    SimResponse handle(SimRequest request, String path) {
        String endpoint = path.substring(PREFIX.length());
        if (!endpoint.equals("them-moi") && !endpoint.equals("cap-nhat") && !endpoint.equals("dong-bo-tien-trinh")
                && !endpoint.equals("trang-thai") && !endpoint.equals(HA_GIANG)) {
            return SimResponse.json(404, replies.failure(DvcqgPortalReplies.BAD_REQUEST,
                    "Không tìm thấy điểm kết nối của tỉnh"));
        }
        if (!request.isMethod("POST")) {
            return SimResponse.json(405, replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Chỉ hỗ trợ POST"));
        }
        if (!("Bearer " + TOKEN).equals(request.header("Authorization").orElse(""))) {
            return SimResponse.json(401, replies.failure(DvcqgPortalReplies.BAD_SESSION,
                    "Thiếu hoặc sai mã xác thực (Authorization: Bearer)"));
        }
        Optional<JsonNode> body = JsonCodec.tryParse(request.body()).filter(JsonNode::isArray);
        if (body.isEmpty()) {
            return SimResponse.json(400, replies.failure(DvcqgPortalReplies.BAD_REQUEST,
                    "Dữ liệu gửi lên phải là một mảng JSON"));
        }
        return SimResponse.json(200, switch (endpoint) {
            case "them-moi" -> dossiers(body.get(), "False");
            case "cap-nhat" -> dossiers(body.get(), "True");
            case "dong-bo-tien-trinh" -> services.call("CapNhatTienDoHoSoMC", data(body.get()), false);
            case "trang-thai" -> services.call("DongBoTrangThaiHoSo", data(body.get()), false);
            default -> haGiang(request, body.get());
        });
    }

    private Map<String, Object> haGiang(SimRequest request, JsonNode body) {
        if (request.queryParameter("MaDinhDanhDV").orElse("").isBlank()) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Thiếu mã định danh đơn vị (MaDinhDanhDV)");
        }
        String flag = request.queryParameter("isUpdating").orElse("");
        if (!flag.equalsIgnoreCase("True") && !flag.equalsIgnoreCase("False")) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "isUpdating phải là True hoặc False");
        }
        return dossiers(body, flag);
    }

    private Map<String, Object> dossiers(JsonNode records, String isUpdating) {
        ObjectNode call = data(records).put("isUpdating", isUpdating);
        Map<String, Object> reply = services.call("DongBoHoSoMC", call, false);
        Object code = reply.get("error_code");
        if (String.valueOf(code).equals(String.valueOf(DvcqgPortalReplies.EXISTS))) {
            reply.put("error_code", code instanceof Number ? (Object) EXISTS : String.valueOf(EXISTS));
        }
        return reply;
    }

    private static ObjectNode data(JsonNode records) {
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        call.set("data", records);
        return call;
    }
}
