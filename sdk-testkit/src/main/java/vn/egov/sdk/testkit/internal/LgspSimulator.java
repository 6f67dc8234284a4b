package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provincial LGSP "Liên thông văn bản" REST v1 under {@code /lgsp/}: the admin
 * login {@code POST /lgsp/v1/auth/login}, then document calls that need a live bearer token (else HTTP 401) and a
 * registered {@code X-SystemId} with its {@code X-SecretKey} (else HTTP 200 with {@code success:false} and
 * {@code errorCode "15"}, the LGSP's own refusal shape). The document calls themselves are in
 * {@link LgspDocumentApi}.
 */
public final class LgspSimulator implements Simulator {
    /** The path prefix. */
    public static final String PREFIX = "/lgsp/";
    /** The login path. */
    public static final String LOGIN_PATH = "/lgsp/v1/auth/login";

    /**
     * The admin account that may log in.
     *
     * @param username {@code username}
     * @param password {@code password} (a public test value)
     * @param applicationCode {@code applicationCode}
     */
    public record Account(String username, String password, String applicationCode) {
    }

    private final String username;
    private final String password;
    private final String applicationCode;
    private final Map<String, LgspSystem> systems = new LinkedHashMap<>();
    private final TokenStore tokens;
    private final BearerGuard guard;
    private final LgspDocumentApi api;
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String refusalCode = "20";

    /**
     * Creates the simulator.
     *
     * @param clock the sandbox clock (token expiry, creation times)
     * @param tokenLifetime how long a login token lives
     * @param admin the admin account
     * @param registered the registered systems
     */
    public LgspSimulator(Clock clock, Duration tokenLifetime, Account admin, List<LgspSystem> registered) {
        this.username = admin.username();
        this.password = admin.password();
        this.applicationCode = admin.applicationCode();
        registered.forEach(s -> systems.put(s.systemId(), s));
        this.tokens = new TokenStore(clock, tokenLifetime);
        this.guard = new BearerGuard(tokens);
        this.api = new LgspDocumentApi(clock, List.copyOf(systems.values()), new LgspDocuments());
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (LOGIN_PATH.equals(request.path())) {
            return request.isMethod("POST") ? login(request) : SimResponse.error(405, "method_not_allowed", "POST");
        }
        Optional<SimResponse> rejected = guard.reject(request);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        String systemId = request.header("X-SystemId").orElse("");
        LgspSystem system = systems.get(systemId);
        if (system == null || !request.header("X-SecretKey").map(system.secretKey()::equals).orElse(false)) {
            return LgspDocumentApi.refusal("15", "Sai SystemId hoặc SecretKey");
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return LgspDocumentApi.refusal(refusalCode, "Lỗi do hộp cát chủ động trả về");
        }
        return api.handle(request, system);
    }

    @Override
    public void reset() {
        api.reset();
        logins.set(0);
        refusals.set(0);
    }

    /** How many logins succeeded since start or the last reset. */
    public int logins() {
        return logins.get();
    }

    /**
     * The stored packages, oldest first.
     *
     * @return the documents
     */
    public java.util.List<LgspDocuments.Doc> documents() {
        return api.documents();
    }

    /** Revokes every login token. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** How many uploads are stored (identical re-uploads not counted). */
    public int documentsStored() {
        return api.documentsStored();
    }

    /**
     * Refuses the next {@code times} authenticated document calls with an LGSP error code (HTTP 200,
     * {@code success:false}), whatever they are.
     *
     * @param errorCode the code, for example {@code "20"}
     * @param times how many calls
     */
    public void refuseNext(String errorCode, int times) {
        this.refusalCode = errorCode;
        refusals.set(times);
    }

    /** Whether {@code getEdoc} returns the package as XML text instead of Base64. */
    public void edxmlAsText(boolean value) {
        api.edxmlAsText(value);
    }

    private SimResponse login(SimRequest request) {
        JsonNode body = JsonCodec.tryParse(request.body()).orElse(null);
        if (body == null || !body.isObject()) {
            return loginFailed(400, "Dữ liệu đăng nhập không hợp lệ");
        }
        if (!username.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())
                || !applicationCode.equals(body.path("applicationCode").asText())) {
            return loginFailed(401, "Sai tên đăng nhập, mật khẩu hoặc mã ứng dụng");
        }
        logins.incrementAndGet();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", tokens.issue(username));
        data.put("username", username);
        data.put("applicationCode", applicationCode);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "0");
        answer.put("message", "Đăng nhập thành công");
        answer.put("data", data);
        return SimResponse.json(200, answer);
    }

    private static SimResponse loginFailed(int status, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", Integer.toString(status));
        answer.put("message", message);
        answer.put("data", null);
        return SimResponse.json(status, answer);
    }

    @Override
    public String toString() {
        return "LgspSimulator[systems=" + systems.keySet() + "]";
    }

}
