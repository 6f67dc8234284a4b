package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.dossier.DossierFormatException;

/** Reads a list of texts: a JSON array of strings (numbers read as text), or one string read as one element. */
final class Texts {
    private Texts() {
    }

    static List<String> list(JsonNode object, String name, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.textValue());
        }
        if (!v.isArray()) {
            throw new DossierFormatException(name + "." + field, "field.wrongType", "an array of texts is required ("
                    + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " given)", null);
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isTextual() || e.isNumber()) {
                out.add(e.asText());
            } else if (!e.isNull()) {
                throw new DossierFormatException(name + "." + field + "[" + i + "]", "field.wrongType",
                        "a text is required (" + e.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                                + " given)", null);
            }
        }
        return out;
    }
}
