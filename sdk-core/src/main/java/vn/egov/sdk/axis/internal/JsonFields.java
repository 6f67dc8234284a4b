package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import vn.egov.sdk.core.internal.Json;

/**
 * Lenient reading of the axis clients' JSON answers with the SDK's shared bounded mapper ({@link Json#mapper()}):
 * parse any JSON value, and the text of a member.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /**
     * Parses bytes as one JSON value (object, array or scalar) with {@link Json#mapper()}.
     *
     * @param bytes the body; {@code null} or empty gives empty
     * @return the value, or empty when the bytes are not JSON (or exceed the mapper's bounds)
     */
    public static Optional<JsonNode> parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.mapper().readTree(bytes)).filter(n -> !n.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The first member of {@code node} among {@code names} holding non-empty text (or a number or boolean, as
     * text); JSON {@code null}, objects and arrays count as absent.
     *
     * @param node the object (anything else has no members)
     * @param names the member names, in order of preference
     * @return the text, or empty
     */
    public static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    /**
     * The text of a member, "" when it is absent, {@code null}, empty, an object or an array.
     *
     * @param node the object
     * @param name the member name
     * @return the text or ""
     */
    public static String textOrEmpty(JsonNode node, String name) {
        return text(node, name).orElse("");
    }
}
