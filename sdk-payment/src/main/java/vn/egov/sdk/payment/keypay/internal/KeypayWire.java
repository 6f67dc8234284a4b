package vn.egov.sdk.payment.keypay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import vn.egov.sdk.payment.internal.FlatJsonReader;

/** Reads and writes Keypay's flat JSON bodies, with limits on size, depth and text length. */
public final class KeypayWire {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(65_536)
                    .maxNumberLength(40).build())
            // a key given twice could be read one way here and another way by the vendor's own code
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /**
     * Keypay's rules: {@code null} absent, nested values kept as JSON text, fractions and booleans as written,
     * repeated keys refused, depth 16, strings up to 64 KiB, numbers up to 40 characters.
     */
    public static final FlatJsonReader.Rules RULES = FlatJsonReader.Rules.strict("the body").limits(16, 65_536, 40)
            .nulls(FlatJsonReader.Nulls.ABSENT).nested(FlatJsonReader.Nested.JSON_TEXT);
    private static final FlatJsonReader<Malformed> READER = new FlatJsonReader<>(RULES,
            (field, message) -> new Malformed(message));

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
        return READER.read(body, maxBytes);
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
