package vn.egov.sdk.payment.keypay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes Keypay's flat JSON bodies, with limits on size, depth and text length. */
public final class KeypayWire {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(65_536)
                    .maxNumberLength(40).build())
            .build());

    private KeypayWire() {
    }

    /** A body that is not a JSON object within the limits. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * Reads a JSON object's fields as text: strings as they are, numbers and booleans as written, nested values as
     * their JSON text, {@code null} as absent.
     *
     * @param body the bytes
     * @param maxBytes the largest body accepted
     * @return the fields in the body's order
     * @throws Malformed when the body is too big, not JSON, or not an object
     */
    public static Map<String, String> fields(byte[] body, int maxBytes) throws Malformed {
        if (body == null || body.length == 0) {
            throw new Malformed("the body is empty");
        }
        if (body.length > maxBytes) {
            throw new Malformed("the body has " + body.length + " bytes, more than the " + maxBytes + " accepted");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Malformed("the body is not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("the body is not a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return out;
    }

    /**
     * Writes a value as JSON bytes.
     *
     * @param value maps, lists, text and numbers
     * @return the UTF-8 JSON
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a value as JSON text.
     *
     * @param value maps, lists, text and numbers
     * @return the JSON text
     */
    public static String writeText(Object value) {
        return new String(write(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
