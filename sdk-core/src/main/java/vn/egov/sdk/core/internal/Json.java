package vn.egov.sdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * The SDK's one Jackson mapper: bounded nesting and number length, no polymorphic typing, unknown fields ignored.
 * String length is left to the HTTP runtime's response-size limit, since an axis returns a whole package as one
 * base64 string.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            // bounded by the runtime's maxResponseBytes anyway; packages travel as one base64 string
                            .maxStringLength(256 * 1024 * 1024)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** The shared mapper. Thread-safe; do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses text as a JSON object, or empty if it is not one. */
    public static Optional<JsonNode> tryParseObject(String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses an in-memory body as a JSON object without decoding it to a string first, or empty if it is not one.
     *
     * @param body the body bytes, UTF-8 (a stream over memory, such as {@code ApiResponse.bodyStream()})
     */
    public static Optional<JsonNode> tryParseObject(java.io.InputStream body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
