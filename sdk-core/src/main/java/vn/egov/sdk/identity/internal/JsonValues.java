package vn.egov.sdk.identity.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of parsed JSON values (maps, lists, strings, numbers, booleans, nulls). */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * An unmodifiable copy of a JSON object, nested objects and arrays copied too.
     *
     * @param object the object
     * @return the copy, in the same order
     */
    public static Map<String, Object> copyObject(Map<String, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
        object.forEach((k, v) -> copy.put(k, copy(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copy(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>(((List<?>) value).size());
            ((List<?>) value).forEach(v -> copy.add(copy(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof java.util.Date) {
            return ((java.util.Date) value).getTime() / 1000;
        }
        return value;
    }
}
