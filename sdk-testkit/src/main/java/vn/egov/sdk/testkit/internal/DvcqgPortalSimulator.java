package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The national public-service portal's integration adapter under {@code /dvcqg/}: {@code POST auth} (a session
 * for {@code {username, password}} and the {@code dstcode} header), {@code POST integration} and
 * {@code POST share} (the {@code {session, madonvi, service, …}} envelope), {@code GET ho-so}, a read-only
 * HTML list of the dossiers held, and a province's own sync endpoints under {@code tinh/}
 * ({@link DvcqgProvincialEndpoints}) sharing the same store. Thread-safe.
 */
public final class DvcqgPortalSimulator implements Simulator {

    /** The path prefix. */
    public static final String PREFIX = "/dvcqg/";
    /** The test adapter account's user name. */
    public static final String USERNAME = "sandbox-motcua";
    /** Its password, a public test value. */
    public static final String PASSWORD = "sandbox-motcua-pass";
    /** The {@code dstcode} header the adapter expects. */
    public static final String DSTCODE = "H99-SANDBOX";
    /** The bearer token the provincial sync endpoints under {@code /dvcqg/tinh/} expect (a public test value). */
    public static final String PROVINCIAL_TOKEN = DvcqgProvincialEndpoints.TOKEN;
    /** The Hà Giang sync endpoint's path under {@code /dvcqg/tinh/}. */
    public static final String HA_GIANG_PATH = DvcqgProvincialEndpoints.HA_GIANG;
    /** How long a session lives on the sandbox clock. */
    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);

    private final DvcqgPortalSessions sessions;
    private final DvcqgPortalStore store = new DvcqgPortalStore();
    private final DvcqgPortalCatalogue catalogue = new DvcqgPortalCatalogue();
    private final DvcqgPortalReplies replies = new DvcqgPortalReplies();
    private final DvcqgPortalServices services = new DvcqgPortalServices(store, catalogue, replies);
    private final DvcqgProvincialEndpoints provincial = new DvcqgProvincialEndpoints(services, replies);

    /**
     * @param clock the sandbox clock sessions expire by
     */
    public DvcqgPortalSimulator(Clock clock) {
        this.sessions = new DvcqgPortalSessions(clock, SESSION_LIFETIME);
        seed();
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path().substring(PREFIX.length() - 1);
        if (path.startsWith(DvcqgProvincialEndpoints.PREFIX)) {
            return provincial.handle(request, path);
        }
        if (path.equals("/ho-so")) {
            return request.isMethod("GET")
                    ? new SimResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                            DvcqgPortalPage.render(store.all(), store.ratings()).getBytes(StandardCharsets.UTF_8))
                    : SimResponse.json(405, replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Chỉ hỗ trợ GET"));
        }
        boolean auth = path.equals("/auth");
        boolean share = path.equals("/share");
        if (!auth && !share && !path.equals("/integration")) {
            return SimResponse.json(404, replies.failure(DvcqgPortalReplies.BAD_REQUEST,
                    "Không tìm thấy điểm kết nối"));
        }
        if (!request.isMethod("POST")) {
            return SimResponse.json(405, replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Chỉ hỗ trợ POST"));
        }
        Optional<JsonNode> body = JsonCodec.tryParse(request.body()).filter(JsonNode::isObject);
        if (body.isEmpty()) {
            return SimResponse.json(400, replies.failure(DvcqgPortalReplies.BAD_REQUEST,
                    "Dữ liệu gửi lên không phải đối tượng JSON hợp lệ"));
        }
        return SimResponse.json(200, auth ? login(request, body.get()) : call(body.get(), share));
    }

    private Map<String, Object> login(SimRequest request, JsonNode body) {
        if (!DSTCODE.equals(request.header("dstcode").orElse(""))) {
            return replies.failure(DvcqgPortalReplies.BAD_SESSION, "Thiếu hoặc sai mã dstcode");
        }
        if (!USERNAME.equals(DvcqgPortalStore.text(body, "username"))
                || !PASSWORD.equals(DvcqgPortalStore.text(body, "password"))) {
            return replies.failure(DvcqgPortalReplies.BAD_SESSION, "Sai tên đăng nhập hoặc mật khẩu");
        }
        Map<String, Object> reply = replies.success("auth", "Đăng nhập thành công", null);
        reply.put("session", sessions.issue());
        return reply;
    }

    private Map<String, Object> call(JsonNode body, boolean share) {
        if (!sessions.isValid(body.path("session").isTextual() ? body.get("session").asText() : null)) {
            return replies.failure(DvcqgPortalReplies.BAD_SESSION, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
        }
        if (DvcqgPortalStore.text(body, "madonvi").isBlank()) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Thiếu mã đơn vị (madonvi)");
        }
        String service = DvcqgPortalStore.text(body, "service");
        if (service.isBlank()) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Thiếu tên dịch vụ (service)");
        }
        return services.call(service, body, share);
    }

    private void seed() {
        for (JsonNode q : catalogue.seededQuestions()) {
            store.putQuestion(q.get("HOIDAPID").asText(), (ObjectNode) q);
        }
    }

    /**
     * The dossiers, histories, ratings and questions held.
     *
     * @return the store
     */
    public DvcqgPortalStore store() {
        return store;
    }

    /**
     * The catalogue served, which tests may edit.
     *
     * @return the catalogue
     */
    public DvcqgPortalCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The sessions issued.
     *
     * @return the sessions
     */
    public DvcqgPortalSessions sessions() {
        return sessions;
    }

    /**
     * The reply writer, whose {@code error_code} style tests may change.
     *
     * @return the replies
     */
    public DvcqgPortalReplies replies() {
        return replies;
    }

    @Override
    public void reset() {
        store.clear();
        sessions.reset();
        replies.reset();
        catalogue.reset();
        seed();
    }
}
