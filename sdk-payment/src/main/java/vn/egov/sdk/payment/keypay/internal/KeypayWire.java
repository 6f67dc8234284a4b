package vn.egov.sdk.payment.keypay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes Keypay's flat JSON bodies, with limits on size, depth and text length. */
public final class KeypayWire {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(65_536)
                    .maxNumberLength(40).build())
            // a key given twice could be read one way here and another way by the vendor's own code
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the body is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    out.put(name, MAPPER.readTree(p).toString());
                } else if (value != JsonToken.VALUE_NULL) {
                    out.put(name, p.getText());
                }
            }
            if (p.nextToken() != null) {
                throw new Malformed("the body has content after its JSON object");
            }
        } catch (IOException e) {
            throw new Malformed("the body is not JSON within the limits (" + e.getClass().getSimpleName() + ")");
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
