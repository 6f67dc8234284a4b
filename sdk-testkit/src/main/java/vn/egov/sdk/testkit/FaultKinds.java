package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import vn.egov.sdk.core.ValidationException;

/** Arms a fault preset described in JSON by the control API, through the same {@link SandboxFaults} as Java. */
final class FaultKinds {

    /** The fault kinds the control API accepts. */
    static final List<String> NAMES = List.of("connectionReset", "emptyResponse", "malformedChunk",
            "randomDataThenClose", "delay", "status", "tooManyRequests", "malformedBody");

    private FaultKinds() {
    }

    static FaultPreset arm(SandboxFaults faults, JsonNode body) {
        String path = body.path("path").asText("");
        String method = body.path("method").asText("");
        FaultPresetBuilder builder = method.isBlank() ? faults.on(path) : faults.on(method, path);
        if (body.path("always").asBoolean(false)) {
            builder.always();
        } else if (body.has("times")) {
            if (!body.get("times").canConvertToInt()) {
                throw ValidationException.of("times", "integer", "times must be a whole number, at least 1");
            }
            builder.times(body.get("times").asInt());
        }
        if (body.path("afterServing").asBoolean(false)) {
            builder.afterServing();
        }
        String kind = body.path("kind").asText("");
        return switch (kind) {
            case "connectionReset" -> builder.connectionReset();
            case "emptyResponse" -> builder.emptyResponse();
            case "malformedChunk" -> builder.malformedChunk();
            case "randomDataThenClose" -> builder.randomDataThenClose();
            case "delay" -> builder.delay(Duration.ofMillis(number(body, "delayMillis")));
            case "status" -> builder.status((int) number(body, "status"));
            case "tooManyRequests" -> builder.tooManyRequests(Duration.ofSeconds(number(body, "retryAfterSeconds")));
            case "malformedBody" -> builder.malformedBody();
            default -> throw ValidationException.of("kind", "fault.kind", "kind must be one of " + NAMES
                    + ", was '" + kind + "'");
        };
    }

    private static long number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.canConvertToLong()) {
            throw ValidationException.of(field, "integer", field + " is required, a whole number");
        }
        return n.asLong();
    }
}
