package vn.egov.sdk.payment.paygov.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;

/** PayGov's JSON: a flat callback object read strictly (no duplicate keys, scalars only), and answer fields. */
public final class PayGovJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(8).maxStringLength(1_048_576).maxNumberLength(32).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private PayGovJson() {
    }

    /**
     * The mapper (for writing requests).
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a callback body into its fields as text, in body order.
     *
     * @param raw the body
     * @param maxBytes the largest body accepted
     * @return the fields
     * @throws CallbackVerificationException of {@link CallbackFailure#MALFORMED} when it is not a flat JSON object
     */
    public static Map<String, String> flatObject(byte[] raw, int maxBytes) {
        if (raw == null || raw.length == 0) {
            throw malformed("the callback body is empty");
        }
        if (raw.length > maxBytes) {
            throw malformed("the callback body has " + raw.length + " bytes, more than the " + maxBytes + " accepted");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the callback body is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NULL) {
                    fields.put(name, "");
                } else if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT
                        || v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                    fields.put(name, p.getText());
                } else {
                    throw new CallbackVerificationException(CallbackFailure.MALFORMED, name, null,
                            "field " + name + " is not text or a whole number");
                }
            }
            if (p.nextToken() != null) {
                throw malformed("the callback body has content after its JSON object");
            }
        } catch (IOException e) {
            throw malformed("the callback body is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        return fields;
    }

    /**
     * Reads an answer's {@code data.<name>} (or top-level {@code <name>}) as text.
     *
     * @param body the answer body
     * @param name the field
     * @return the value, or empty when absent, blank or the body is not JSON
     */
    public static Optional<String> dataField(byte[] body, String name) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            JsonNode data = root.path("data");
            JsonNode v = data.isObject() && data.has(name) ? data.get(name) : root.get(name);
            return v == null || !v.isValueNode() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static CallbackVerificationException malformed(String message) {
        return new CallbackVerificationException(CallbackFailure.MALFORMED, null, null, message);
    }
}
