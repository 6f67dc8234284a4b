package vn.egov.sdk.payment.dvcqg.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.payment.internal.FlatJsonReader;

/**
 * The DVCQG platform's JSON, read with limits: a size cap, duplicate keys refused, shallow nesting, short strings
 * and numbers. Thread-safe.
 */
public final class DvcqgJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                            .maxStringLength(64 * 1024).maxNumberLength(40).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .build();

    /**
     * The platform's callback rules: {@code null} as empty text, nested values refused, fractions and booleans as
     * written, repeated keys refused, depth 8, strings up to 64 KiB, numbers up to 40 characters.
     */
    public static final FlatJsonReader.Rules RULES = FlatJsonReader.Rules.strict("the body");
    private static final FlatJsonReader<Unreadable> READER = new FlatJsonReader<>(RULES,
            (field, message) -> new Unreadable(message));

    private DvcqgJson() {
    }

    /** Why a body could not be read. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what is wrong
         */
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses one JSON object, refusing anything else.
     *
     * @param bytes the body
     * @param maxBytes the largest body read
     * @return the object
     * @throws Unreadable when the body is empty, too big, not one JSON object, or repeats a key
     */
    public static JsonNode object(byte[] bytes, int maxBytes) throws Unreadable {
        if (bytes == null || bytes.length == 0) {
            throw new Unreadable("the body is empty");
        }
        if (bytes.length > maxBytes) {
            throw new Unreadable("the body has " + bytes.length + " bytes, more than the " + maxBytes + " accepted");
        }
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            node = MAPPER.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new Unreadable("the body has data after its JSON object");
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("the body is not valid JSON (" + e.getClass().getSimpleName() + ": "
                    + firstLine(e.getMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("the body is not a JSON object");
        }
        return node;
    }

    /**
     * Reads one flat JSON object straight into its scalar fields as text, in the body's order, without building a
     * tree: strings as they are, numbers as written, {@code null} as empty text.
     *
     * @param bytes the body
     * @param maxBytes the largest body read
     * @return wire name to text
     * @throws Unreadable when the body is empty, too big, not one flat JSON object, or repeats a key
     */
    public static Map<String, String> flatObject(byte[] bytes, int maxBytes) throws Unreadable {
        return READER.read(bytes, maxBytes);
    }

    /**
     * The object's scalar fields as text, in the body's order; a nested object or array is refused.
     *
     * @param object the object
     * @return wire name to text
     * @throws Unreadable naming the first field that is not a scalar
     */
    public static Map<String, String> scalars(JsonNode object) throws Unreadable {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new Unreadable("field " + e.getKey() + " is " + v.getNodeType() + ", not a text or a number");
            }
            out.put(e.getKey(), v.isNull() ? "" : v.asText());
        }
        return out;
    }

    /**
     * The mapper, for writing.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
