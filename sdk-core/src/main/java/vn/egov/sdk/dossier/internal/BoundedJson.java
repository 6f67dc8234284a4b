package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import vn.egov.sdk.dossier.DossierFormatException;

/**
 * Parses one dossier record's JSON with hard limits: {@value #MAX_BYTES} bytes, nesting depth {@value #MAX_DEPTH},
 * strings of {@value #MAX_STRING} characters, {@value #MAX_TOKENS} tokens; a field given twice or trailing content
 * is refused. Errors never repeat the input's text.
 */
public final class BoundedJson {
    /** The largest record accepted. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** The deepest nesting accepted (a record's lists of objects are depth 3). */
    public static final int MAX_DEPTH = 16;
    /** The longest string accepted. */
    public static final int MAX_STRING = 1024 * 1024;
    /** The most JSON tokens accepted. */
    public static final int MAX_TOKENS = 1_000_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING)
                            .maxNameLength(256)
                            .maxNumberLength(40)
                            .maxDocumentLength(MAX_BYTES)
                            .maxTokenCount(MAX_TOKENS)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private BoundedJson() {
    }

    /** Parses bytes as one JSON object, or throws a format exception naming {@code name}. */
    public static JsonNode readObject(byte[] json, String name) {
        if (json == null) {
            throw new DossierFormatException(name, "json.required", "the JSON bytes are required (null given)", null);
        }
        if (json.length > MAX_BYTES) {
            throw new DossierFormatException(name, "json.tooLarge", json.length + " bytes given, at most "
                    + MAX_BYTES + " accepted", null);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            boolean depth = String.valueOf(e.getOriginalMessage()).contains("depth");
            throw new DossierFormatException(name, depth ? "json.tooDeep" : "json.tooLarge", depth
                    ? "the JSON nests deeper than " + MAX_DEPTH + " levels"
                    : "the JSON breaks a size limit (" + MAX_BYTES + " bytes, strings of " + MAX_STRING
                            + " characters, " + MAX_TOKENS + " tokens)", null);
        } catch (JsonEOFException e) {
            throw new DossierFormatException(name, "json.truncated", "the JSON ends early" + at(e), null);
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("end-of-input")) {
                throw new DossierFormatException(name, "json.truncated", "the JSON ends early" + at(e), null);
            }
            boolean dup = m.startsWith("Duplicate field");
            throw new DossierFormatException(name, dup ? "json.duplicateField" : "json.malformed",
                    (dup ? "a field is given twice" : "not well-formed JSON") + at(e), null);
        } catch (IOException e) {
            throw new DossierFormatException(name, "json.malformed", "not readable JSON", null);
        }
        if (node == null || node.isMissingNode()) {
            throw new DossierFormatException(name, "json.truncated", "no JSON value given", null);
        }
        return node;
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
