package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The sandbox's Jackson mapper: writes simulator responses and parses request bodies. */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonCodec() {
    }

    /**
     * Serialises a value to UTF-8 JSON.
     *
     * @param value a Jackson-serialisable value
     * @return the JSON bytes
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a sandbox response", e);
        }
    }

    /**
     * Parses bytes as one JSON value.
     *
     * @param bytes the JSON text in UTF-8
     * @return the value, or empty when the bytes are empty or not valid JSON
     */
    public static Optional<JsonNode> tryParse(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(bytes)).filter(node -> !node.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
