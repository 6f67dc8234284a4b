package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/** The LGSP client's JSON helpers: one shared mapper, lenient parsing, first non-empty text of several fields. */
public final class LgspJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private LgspJson() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses bytes as JSON, empty when they are not JSON. */
    public static Optional<JsonNode> tryParse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(bytes)).filter(n -> !n.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first field of {@code node} among {@code names} holding non-empty text (or a number). */
    public static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    /** The LGSP error code of a refusal body: {@code data.errorCode}, else {@code errorCode}. */
    public static Optional<String> errorCode(JsonNode body) {
        Optional<String> inData = body.path("data").isObject() ? text(body.get("data"), "errorCode", "ErrorCode")
                : Optional.empty();
        return inData.or(() -> text(body, "errorCode", "ErrorCode"));
    }

    /** The description of a refusal body: {@code data.errorDesc}, else {@code message}. */
    public static Optional<String> errorDescription(JsonNode body) {
        Optional<String> inData = body.path("data").isObject() ? text(body.get("data"), "errorDesc", "ErrorDesc")
                : Optional.empty();
        return inData.or(() -> text(body, "errorDesc", "message"));
    }
}
