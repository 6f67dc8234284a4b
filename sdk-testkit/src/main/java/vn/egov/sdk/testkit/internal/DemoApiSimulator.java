package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small bearer-protected API for exercising the SDK runtime: {@code GET /demo/echo}, {@code POST
 * /demo/orders} (idempotent with {@code Idempotency-Key}) and the unauthenticated {@code GET /demo/public}.
 */
public final class DemoApiSimulator implements Simulator {

    /** The echo endpoint. */
    public static final String ECHO_PATH = "/demo/echo";
    /** The order-creation endpoint. */
    public static final String ORDERS_PATH = "/demo/orders";
    /** The endpoint that needs no token. */
    public static final String PUBLIC_PATH = "/demo/public";

    private static final byte[] PUBLIC_BODY =
            "{\"service\":\"national-sandbox\",\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final BearerGuard guard;
    private final OrderBook orders;

    /**
     * Creates the simulator.
     *
     * @param guard checks bearer tokens
     * @param orders where orders are created
     */
    public DemoApiSimulator(BearerGuard guard, OrderBook orders) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public String pathPrefix() {
        return "/demo/";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (PUBLIC_PATH.equals(request.path())) {
            return request.isMethod("GET") ? publicStatus() : methodNotAllowed("GET");
        }
        Optional<SimResponse> rejected = guard.reject(request);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        return switch (request.path()) {
            case ECHO_PATH -> request.isMethod("GET") ? echo(request) : methodNotAllowed("GET");
            case ORDERS_PATH -> request.isMethod("POST") ? createOrder(request) : methodNotAllowed("POST");
            default -> SimResponse.error(404, "not_found", "no demo endpoint at " + request.path());
        };
    }

    @Override
    public void reset() {
        orders.reset();
    }

    private static SimResponse publicStatus() {
        return new SimResponse(200, Map.of("Content-Type", "application/json"), PUBLIC_BODY);
    }

    private static SimResponse echo(SimRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg", request.queryParameter("msg").orElse(null));
        body.put("correlationId", request.header("X-Correlation-Id").orElse(null));
        return SimResponse.json(200, body);
    }

    private SimResponse createOrder(SimRequest request) {
        Optional<JsonNode> body = JsonCodec.tryParse(request.body());
        if (body.isEmpty()) {
            return SimResponse.error(400, "invalid_request", "the order body must be JSON");
        }
        return orders.create(body.get(), request.header("Idempotency-Key").filter(key -> !key.isBlank()));
    }

    private static SimResponse methodNotAllowed(String allowed) {
        return SimResponse.error(405, "method_not_allowed", "use " + allowed).withHeader("Allow", allowed);
    }
}
