package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import vn.egov.sdk.core.FieldError;

/**
 * One object of a package description, read strictly: each value is taken by its key, with its path
 * ({@code to[1].id}) in every problem; {@link #finish()} reports the keys nobody asked for. Problems are collected,
 * not thrown, so a description's every mistake is reported at once.
 */
final class DescriptionNode {
    static final String REQUIRED = "required";
    static final String UNKNOWN_KEY = "unknown-key";
    static final String TYPE = "type";
    static final String FORMAT = "format";

    private final JsonNode node;
    private final String path;
    private final List<FieldError> problems;
    private final Set<String> asked = new LinkedHashSet<>();

    private DescriptionNode(JsonNode node, String path, List<FieldError> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * The description's top level; a problem is added if it is not an object.
     *
     * @param node the parsed document
     * @param problems where problems go
     * @return the root, empty if it is not an object
     */
    static DescriptionNode root(JsonNode node, List<FieldError> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new FieldError(TYPE, "(top level)", "the description must be a mapping of keys to values"));
            return new DescriptionNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "",
                    problems);
        }
        return new DescriptionNode(node, "", problems);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String rule, String key, String message) {
        problems.add(new FieldError(rule, path(key), message));
    }

    private JsonNode value(String key) {
        asked.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** A text value, required and not blank. */
    String text(String key) {
        JsonNode v = value(key);
        if (v == null || v.isValueNode() && v.asText().isBlank()) {
            problem(REQUIRED, key, "is required");
            return "";
        }
        return scalar(key, v);
    }

    /** A text value, "" when absent. */
    String optionalText(String key) {
        JsonNode v = value(key);
        return v == null ? "" : scalar(key, v);
    }

    private String scalar(String key, JsonNode v) {
        if (!v.isValueNode()) {
            problem(TYPE, key, "must be a text, not a " + (v.isArray() ? "list" : "mapping"));
            return "";
        }
        return v.asText();
    }

    /** A date {@code YYYY-MM-DD}, required. */
    LocalDate date(String key) {
        return optionalDate(key, true).orElse(null);
    }

    /** A date {@code YYYY-MM-DD}, empty when absent. */
    Optional<LocalDate> optionalDate(String key) {
        return optionalDate(key, false);
    }

    private Optional<LocalDate> optionalDate(String key, boolean required) {
        String text = required ? text(key) : optionalText(key);
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            problem(FORMAT, key, "must be a date written YYYY-MM-DD, not '" + shorten(text) + "'");
            return Optional.empty();
        }
    }

    /** A whole number, empty when absent. */
    OptionalInt optionalInt(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return OptionalInt.empty();
        }
        if (v.isInt()) {
            return OptionalInt.of(v.intValue());
        }
        if (v.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(v.asText().strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(TYPE, key, "must be a whole number, not '" + shorten(v.isValueNode() ? v.asText() : v.toString())
                + "'");
        return OptionalInt.empty();
    }

    /** A mapping, required. */
    DescriptionNode object(String key) {
        Optional<DescriptionNode> o = optionalObject(key);
        if (o.isEmpty() && node.get(key) == null) {
            problem(REQUIRED, key, "is required");
        }
        return o.orElseGet(() -> new DescriptionNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode(), path(key), new ArrayList<>()));
    }

    /** A mapping, empty when absent. */
    Optional<DescriptionNode> optionalObject(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            problem(TYPE, key, "must be a mapping of keys to values");
            return Optional.empty();
        }
        return Optional.of(new DescriptionNode(v, path(key), problems));
    }

    /** A list of mappings; when required, at least one. */
    List<DescriptionNode> objects(String key, boolean required) {
        List<DescriptionNode> out = new ArrayList<>();
        JsonNode v = value(key);
        if (v == null || v.isArray() && v.isEmpty()) {
            if (required) {
                problem(REQUIRED, key, "needs at least one entry");
            }
            return out;
        }
        if (!v.isArray()) {
            problem(TYPE, key, "must be a list");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isObject()) {
                problem(TYPE, key + "[" + i + "]", "must be a mapping of keys to values");
            } else {
                out.add(new DescriptionNode(e, path(key) + "[" + i + "]", problems));
            }
        }
        return out;
    }

    /** A list of texts, empty when absent. */
    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        JsonNode v = value(key);
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            problem(TYPE, key, "must be a list of texts");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isValueNode() && !e.isNull()) {
                out.add(e.asText());
            } else {
                problem(TYPE, key + "[" + i + "]", "must be a text");
            }
        }
        return out;
    }

    /** Reports every key of this object that was not asked for, naming the keys it may have. */
    void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!asked.contains(name)) {
                problem(UNKNOWN_KEY, name, "is not a known key here (known: " + String.join(", ", asked) + ")");
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
