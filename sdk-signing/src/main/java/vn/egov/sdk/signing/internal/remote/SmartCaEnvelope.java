package vn.egov.sdk.signing.internal.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SmartCA's answer envelope {@code {status_code, message, data}}, read leniently: {@code status_code} as number or
 * text, absent parts empty.
 *
 * @param statusCode the {@code status_code}, if present and numeric
 * @param message the {@code message}, empty if absent
 * @param data the {@code data} object, or an empty object
 */
public record SmartCaEnvelope(OptionalInt statusCode, String message, JsonNode data) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(4 * 1024 * 1024).maxNumberLength(32).build());
    }

    /** The mapper for SmartCA bodies. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new JSON object for a request body. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serialises a request body. */
    public static String write(ObjectNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a SmartCA request", e);
        }
    }

    /**
     * Parses a body.
     *
     * @param body the bytes
     * @return the envelope, or empty when the body is not a JSON object
     */
    public static Optional<SmartCaEnvelope> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode sc = root.get("status_code");
        OptionalInt code = OptionalInt.empty();
        if (sc != null && sc.isIntegralNumber() && sc.canConvertToInt()) {
            code = OptionalInt.of(sc.intValue());
        } else if (sc != null && sc.isTextual() && sc.asText().matches("[0-9]{1,6}")) {
            code = OptionalInt.of(Integer.parseInt(sc.asText()));
        }
        JsonNode m = root.get("message");
        String message = m != null && m.isValueNode() ? m.asText() : "";
        JsonNode d = root.get("data");
        return Optional.of(new SmartCaEnvelope(code, message, d != null && d.isObject() ? d : MAPPER.createObjectNode()));
    }

    /** Whether the envelope says the call succeeded: {@code status_code} 200 (or absent, with a 2xx HTTP status). */
    public boolean ok() {
        return statusCode.isEmpty() || statusCode.getAsInt() == 200 || statusCode.getAsInt() == 0;
    }

    /** A text field of {@code data}, if present and not blank. */
    public Optional<String> dataText(String field) {
        JsonNode n = data.get(field);
        return n != null && n.isValueNode() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }
}
