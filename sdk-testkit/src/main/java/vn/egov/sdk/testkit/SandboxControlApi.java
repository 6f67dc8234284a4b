package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.ArmedFault;
import vn.egov.sdk.testkit.internal.CallLog;
import vn.egov.sdk.testkit.internal.JsonCodec;
import vn.egov.sdk.testkit.internal.SimRequest;
import vn.egov.sdk.testkit.internal.SimResponse;
import vn.egov.sdk.testkit.internal.Simulator;

/**
 * The control API for testers under {@code /_sandbox/} (JSON, documented in {@code docs/SANDBOX.md}): reset, fault
 * presets per endpoint, the clock, what each simulator holds, the calls received. Refused (403) when the
 * {@code Host} header is not loopback, unless the sandbox allows control from any host.
 */
final class SandboxControlApi implements Simulator {

    static final String PREFIX = "/_sandbox/";

    private final NationalSandbox sandbox;
    private final boolean anyHost;

    SandboxControlApi(NationalSandbox sandbox, boolean anyHost) {
        this.sandbox = sandbox;
        this.anyHost = anyHost;
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (!anyHost && !loopback(request.header("Host").orElse(""))) {
            return SimResponse.error(403, "forbidden", "the control API answers only Host 127.0.0.1 or localhost "
                    + "(start the sandbox with --allow-remote-control to lift this)");
        }
        String op = request.path().length() <= PREFIX.length() ? "" : request.path().substring(PREFIX.length());
        String method = request.method();
        try {
            return switch (op) {
                case "" -> method.equals("GET") ? SimResponse.json(200, index()) : notAllowed("GET");
                case "reset" -> method.equals("POST") ? resetSandbox() : notAllowed("POST");
                case "faults" -> faults(request);
                case "clock" -> clock(request);
                case "state" -> method.equals("GET") ? SimResponse.json(200, state()) : notAllowed("GET");
                case "calls" -> method.equals("GET") ? calls(request) : notAllowed("GET");
                default -> SimResponse.error(404, "not_found", "no control operation " + request.path()
                        + "; GET /_sandbox/ lists them");
            };
        } catch (ValidationException e) {
            return SimResponse.error(400, "invalid_request", e.getMessage());
        }
    }

    private static boolean loopback(String host) {
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        name = name.toLowerCase(Locale.ROOT);
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    private static Map<String, Object> index() {
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("POST /_sandbox/reset", "disarm faults, forget simulator state and calls, reset the clock");
        ops.put("GET /_sandbox/faults", "the armed fault presets");
        ops.put("POST /_sandbox/faults", "arm one: {path, method?, kind, times?|always?, afterServing?, status?, "
                + "delayMillis?, retryAfterSeconds?}; kind is one of " + FaultKinds.NAMES);
        ops.put("DELETE /_sandbox/faults[?path=P]", "disarm every preset, or those armed on path P");
        ops.put("GET /_sandbox/clock", "the sandbox time and its offset from the real clock");
        ops.put("POST /_sandbox/clock", "{set: ISO instant} or {advanceSeconds: N}");
        ops.put("DELETE /_sandbox/clock", "back to the real clock");
        ops.put("GET /_sandbox/state", "what each simulator holds, and every payment callback sent (system, "
                + "reference, url, status)");
        ops.put("GET /_sandbox/calls[?limit=N]", "the last N calls received (default 100, at most "
                + CallLog.CAPACITY + ")");
        return Map.of("controlApi", ops);
    }

    private SimResponse resetSandbox() {
        sandbox.reset();
        return SimResponse.json(200, Map.of("reset", true));
    }

    private SimResponse faults(SimRequest request) {
        switch (request.method()) {
            case "GET":
                return SimResponse.json(200, Map.of("faults", armed()));
            case "DELETE":
                int cleared = request.queryParameter("path").map(sandbox.services().faults()::clear).orElseGet(() -> {
                    int n = sandbox.faults().armed();
                    sandbox.faults().clear();
                    return n;
                });
                return SimResponse.json(200, Map.of("cleared", cleared));
            case "POST":
                JsonNode body = JsonCodec.tryParse(request.body()).filter(JsonNode::isObject).orElseThrow(() ->
                        ValidationException.of("body", "json.object", "the body must be a JSON object"));
                FaultPreset preset = FaultKinds.arm(sandbox.faults(), body);
                return SimResponse.json(201, Map.of("armed", preset.toString(), "faults", armed()));
            default:
                return notAllowed("GET, POST, DELETE");
        }
    }

    private List<Map<String, Object>> armed() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ArmedFault f : sandbox.services().faults().armed()) {
            list.add(f.describe());
        }
        return list;
    }

    private SimResponse clock(SimRequest request) {
        switch (request.method()) {
            case "GET":
                break;
            case "DELETE":
                sandbox.services().clock().reset();
                break;
            case "POST":
                JsonNode body = JsonCodec.tryParse(request.body()).filter(JsonNode::isObject).orElseThrow(() ->
                        ValidationException.of("body", "json.object", "the body must be a JSON object"));
                if (body.hasNonNull("set")) {
                    try {
                        sandbox.services().clock().set(Instant.parse(body.get("set").asText()));
                    } catch (DateTimeParseException e) {
                        throw ValidationException.of("set", "iso.instant",
                                "set must be an ISO instant such as 2026-01-31T08:00:00Z");
                    }
                } else if (body.hasNonNull("advanceSeconds") && body.get("advanceSeconds").canConvertToLong()) {
                    sandbox.services().clock().advance(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
                } else {
                    throw ValidationException.of("body", "clock.change",
                            "send {\"set\": \"2026-01-31T08:00:00Z\"} or {\"advanceSeconds\": 3600}");
                }
                break;
            default:
                return notAllowed("GET, POST, DELETE");
        }
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("now", sandbox.services().clock().instant().toString());
        now.put("offsetSeconds", sandbox.services().clock().offset().toSeconds());
        return SimResponse.json(200, now);
    }

    private Map<String, Object> state() {
        return SandboxState.of(sandbox);
    }

    private SimResponse calls(SimRequest request) {
        int limit;
        try {
            limit = Integer.parseInt(request.queryParameter("limit").orElse("100"));
        } catch (NumberFormatException e) {
            throw ValidationException.of("limit", "integer", "limit must be a whole number");
        }
        if (limit < 1 || limit > CallLog.CAPACITY) {
            throw ValidationException.of("limit", "range", "limit must be 1.." + CallLog.CAPACITY);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReceivedCall c : sandbox.calls(limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", c.at().toString());
            m.put("method", c.method());
            m.put("path", c.path());
            m.put("status", c.status());
            m.put("fault", c.fault());
            list.add(m);
        }
        return SimResponse.json(200, Map.of("calls", list));
    }

    private static SimResponse notAllowed(String allowed) {
        return SimResponse.error(405, "method_not_allowed", "use " + allowed).withHeader("Allow", allowed);
    }
}
