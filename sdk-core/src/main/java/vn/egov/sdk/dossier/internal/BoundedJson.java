package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import vn.egov.sdk.core.internal.LimitedJson;
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

    private static final LimitedJson READER = new LimitedJson(MAX_BYTES, MAX_DEPTH, MAX_STRING, MAX_TOKENS);

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
        return READER.read(json, (problem, where) -> switch (problem) {
            case TOO_DEEP -> new DossierFormatException(name, "json.tooDeep",
                    "the JSON nests deeper than " + MAX_DEPTH + " levels", null);
            case OVER_LIMIT -> new DossierFormatException(name, "json.tooLarge", "the JSON breaks a size limit ("
                    + MAX_BYTES + " bytes, strings of " + MAX_STRING + " characters, " + MAX_TOKENS + " tokens)",
                    null);
            case TRUNCATED -> new DossierFormatException(name, "json.truncated", "the JSON ends early" + at(where),
                    null);
            case DUPLICATE_FIELD -> new DossierFormatException(name, "json.duplicateField",
                    "a field is given twice" + at(where), null);
            case MALFORMED -> new DossierFormatException(name, "json.malformed", "not well-formed JSON" + at(where),
                    null);
            case UNREADABLE -> new DossierFormatException(name, "json.malformed", "not readable JSON", null);
            case EMPTY -> new DossierFormatException(name, "json.truncated", "no JSON value given", null);
        });
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (at line " + location.getLineNr() + ", column " + location.getColumnNr()
                + ")";
    }
}
