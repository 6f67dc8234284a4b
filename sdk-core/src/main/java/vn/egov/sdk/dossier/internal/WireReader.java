package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.dossier.SubmissionChannel;

/**
 * Reads wire fields of one JSON object, naming the field's path in every error. JSON {@code null} or a missing
 * field is "not set"; codes and text may arrive as JSON numbers; an empty code or date is "not set".
 */
public final class WireReader {
    private final JsonNode node;
    private final String path;

    private WireReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** A reader of the record at the root, named {@code name}. */
    public static WireReader root(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            throw new DossierFormatException(name, "json.notObject", "a JSON object is required ("
                    + (node == null ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
                    + " given)", null);
        }
        return new WireReader(node, name);
    }

    /** A text field. */
    public String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        throw wrongType(name, v, "text or a number");
    }

    /** A date field. */
    public Instant date(String name) {
        String t = code(name);
        if (t == null) {
            return null;
        }
        return WireDates.parse(t).orElseThrow(() -> new DossierFormatException(path + "." + name, "date.malformed",
                "a date yyyyMMddHHmmss is required (" + t.length() + " characters given)", null));
    }

    /** A {@code 0}/{@code 1} flag. */
    public Boolean flag(String name) {
        JsonNode v = node.get(name);
        if (v != null && v.isBoolean()) {
            return v.booleanValue();
        }
        String t = code(name);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new DossierFormatException(path + "." + name, "flag.malformed",
                    "a flag 0 or 1 is required", null);
        };
    }

    /** A {@code True}/{@code False} flag. */
    public Boolean trueFalse(String name) {
        JsonNode v = node.get(name);
        if (v != null && v.isBoolean()) {
            return v.booleanValue();
        }
        String t = code(name);
        if (t == null) {
            return null;
        }
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return Boolean.FALSE;
        }
        throw new DossierFormatException(path + "." + name, "flag.malformed", "a flag True or False is required",
                null);
    }

    /** A status code. */
    public DossierStatus status(String name) {
        String t = code(name);
        return t == null ? null : DossierStatus.of(t);
    }

    /** A subject type code. */
    public SubjectType subjectType(String name) {
        String t = code(name);
        return t == null ? null : SubjectType.of(t);
    }

    /** A delivery method code. */
    public DeliveryMethod delivery(String name) {
        String t = code(name);
        return t == null ? null : DeliveryMethod.of(t);
    }

    /** A submission channel code. */
    public SubmissionChannel channel(String name) {
        String t = code(name);
        return t == null ? null : SubmissionChannel.of(t);
    }

    /** A list of objects; not set reads as an empty list. */
    public <T> List<T> list(String name, Function<WireReader, T> reader) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(name, v, "an array");
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String p = path + "." + name + "[" + i + "]";
            JsonNode e = v.get(i);
            if (e == null || !e.isObject()) {
                throw new DossierFormatException(p, "field.wrongType", "an object is required ("
                        + kind(e) + " given)", null);
            }
            out.add(reader.apply(new WireReader(e, p)));
        }
        return out;
    }

    private String code(String name) {
        String t = text(name);
        if (t == null || t.isBlank()) {
            return null;
        }
        return t.strip();
    }

    private DossierFormatException wrongType(String name, JsonNode v, String expected) {
        return new DossierFormatException(path + "." + name, "field.wrongType",
                expected + " is required (" + kind(v) + " given)", null);
    }

    private static String kind(JsonNode v) {
        return v == null ? "null" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
