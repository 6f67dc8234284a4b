package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A SHA-256 over a canonical form of a JSON value: object keys sorted, text in NFC (so NFC and NFD spellings of the
 * same Vietnamese words hash alike), numbers as their plain decimal text.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** The hex SHA-256 of the canonical form. */
    public static String of(JsonNode node) {
        StringBuilder canonical = new StringBuilder(256);
        append(node, canonical);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(Normalizer.normalize(e.getKey(), Normalizer.Form.NFC), e.getValue());
            }
            out.append('{');
            sorted.forEach((k, v) -> {
                quote(k, out);
                out.append(':');
                append(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(e -> {
                append(e, out);
                out.append(',');
            });
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            quote(Normalizer.normalize(node.asText(), Normalizer.Form.NFC), out);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}
