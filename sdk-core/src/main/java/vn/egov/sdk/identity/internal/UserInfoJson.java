package vn.egov.sdk.identity.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.core.internal.LimitedJson;
import vn.egov.sdk.identity.UserInfoFormatException;

/**
 * Reads a userinfo body into plain, unmodifiable Java values (String, Long, BigDecimal, Boolean, List, Map; JSON
 * {@code null} dropped) with hard limits: {@value #MAX_BYTES} bytes, nesting depth {@value #MAX_DEPTH}, strings of
 * {@value #MAX_STRING} characters, {@value #MAX_TOKENS} tokens; a claim given twice is refused (two readers could
 * otherwise see two different identities). Errors never repeat the input's text.
 */
public final class UserInfoJson {
    /** The largest userinfo body accepted. */
    public static final int MAX_BYTES = 64 * 1024;
    /** The deepest nesting accepted (the object itself is depth 1). */
    public static final int MAX_DEPTH = 16;
    /** The longest string accepted. */
    public static final int MAX_STRING = 16 * 1024;
    /** The most JSON tokens accepted. */
    public static final int MAX_TOKENS = 10_000;

    private static final LimitedJson READER = new LimitedJson(MAX_BYTES, MAX_DEPTH, MAX_STRING, MAX_TOKENS);

    private UserInfoJson() {
    }

    /** Parses a userinfo body into an unmodifiable claims map. */
    public static Map<String, Object> read(byte[] json) {
        if (json == null) {
            throw new UserInfoFormatException("", "json.required", "the userinfo body is required (null given)",
                    null);
        }
        if (json.length > MAX_BYTES) {
            throw new UserInfoFormatException("", "json.tooLarge", "the userinfo body has " + json.length
                    + " bytes, more than the " + MAX_BYTES + " accepted", null);
        }
        JsonNode node = READER.read(json, (problem, where) -> switch (problem) {
            case TOO_DEEP -> new UserInfoFormatException("", "json.tooDeep",
                    "the userinfo body nests deeper than " + MAX_DEPTH + " levels", null);
            case OVER_LIMIT -> new UserInfoFormatException("", "json.tooLarge",
                    "the userinfo body breaks a size limit (" + MAX_BYTES + " bytes, strings of " + MAX_STRING
                            + " characters, " + MAX_TOKENS + " tokens)", null);
            case DUPLICATE_FIELD -> new UserInfoFormatException("", "json.duplicateClaim",
                    "the userinfo body gives a claim twice" + at(where), null);
            case TRUNCATED, MALFORMED -> new UserInfoFormatException("", "json.malformed",
                    "the userinfo body is not well-formed JSON (truncated, not UTF-8, or broken)" + at(where), null);
            case UNREADABLE -> new UserInfoFormatException("", "json.malformed",
                    "the userinfo body could not be read", null);
            case EMPTY -> new UserInfoFormatException("", "json.malformed", "the userinfo body is empty", null);
        });
        if (!node.isObject()) {
            throw new UserInfoFormatException("", "json.notObject",
                    "the userinfo body is JSON but not an object (" + node.getNodeType() + ")", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) toJava(node);
        return claims;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> f : node.properties()) {
                    Object v = toJava(f.getValue());
                    if (v != null) {
                        map.put(f.getKey(), v);
                    }
                }
                return Collections.unmodifiableMap(map);
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode e : node) {
                    Object v = toJava(e);
                    if (v != null) {
                        list.add(v);
                    }
                }
                return Collections.unmodifiableList(list);
            }
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                        : node.decimalValue();
            case BOOLEAN:
                return node.booleanValue();
            default:
                return null;
        }
    }
}
