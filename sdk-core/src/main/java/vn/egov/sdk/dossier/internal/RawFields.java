package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.Json;

/** Fields a catalogue value does not model, kept as their JSON text so nothing the portal sent is lost. */
public final class RawFields {
    private RawFields() {
    }

    /** The fields of {@code object} not in {@code known}, in order, as JSON text. */
    public static Map<String, String> unknown(JsonNode object, Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!known.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue().toString());
            }
        }
        return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** An unmodifiable ordered copy, each value checked to be JSON text and no key a modelled one. */
    public static Map<String, String> copy(Map<String, String> fields, Set<String> known, String path) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            String p = path + "." + k;
            ValidationException.requireNonNull(k, path + ".key");
            ValidationException.requireNonNull(v, p);
            if (known.contains(k)) {
                throw ValidationException.of("modelled", p, p + " is a modelled field: set it through its component");
            }
            parse(v, p);
            out.put(k, v);
        });
        return Collections.unmodifiableMap(out);
    }

    /** Adds the fields to {@code out}. */
    public static void write(ObjectNode out, Map<String, String> fields) {
        fields.forEach((k, v) -> out.set(k, parse(v, k)));
    }

    private static JsonNode parse(String text, String path) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("json", path, path + " must be JSON text");
        }
    }
}
