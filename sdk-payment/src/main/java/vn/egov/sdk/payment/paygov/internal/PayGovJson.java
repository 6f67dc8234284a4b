package vn.egov.sdk.payment.paygov.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.internal.FlatJsonReader;

/** PayGov's JSON: a flat callback object read strictly (no duplicate keys, scalars only), and answer fields. */
public final class PayGovJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(8).maxStringLength(1_048_576).maxNumberLength(32).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    /**
     * PayGov's callback rules: {@code null} as empty text, nested values and fractions refused, booleans as
     * written, repeated keys refused, depth 8, strings up to 1 MiB, numbers up to 32 characters.
     */
    public static final FlatJsonReader.Rules RULES = FlatJsonReader.Rules.strict("the callback body")
            .limits(8, 1_048_576, 32).scalars(false, true);
    private static final FlatJsonReader<CallbackVerificationException> READER = new FlatJsonReader<>(RULES,
            (field, message) -> new CallbackVerificationException(CallbackFailure.MALFORMED, field, null, message));

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
        return READER.read(raw, maxBytes);
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
}
