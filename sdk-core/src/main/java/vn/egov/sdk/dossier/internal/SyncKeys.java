package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The outbox form of what {@code DossierSync} records: wire JSON with every text in Unicode NFC, and the
 * deterministic idempotency keys built from it. Internal.
 */
public final class SyncKeys {
    /** Dossier codes longer than this are hashed inside keys, so a key stays within the outbox's 200 characters. */
    private static final int MAX_CODE_IN_KEY = 80;

    private SyncKeys() {
    }

    /**
     * The node with every text value in NFC (field names are the portal's ASCII names).
     *
     * @param node a wire object, changed in place
     * @return {@code node}
     */
    public static ObjectNode nfc(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            f.setValue(nfcValue(f.getValue()));
        }
        return node;
    }

    private static JsonNode nfcValue(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? value
                    : JsonNodeFactory.instance.textNode(Normalizer.normalize(text, Normalizer.Form.NFC));
        }
        if (value.isObject()) {
            return nfc((ObjectNode) value);
        }
        if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, nfcValue(array.get(i)));
            }
        }
        return value;
    }

    /**
     * Text in NFC, for comparing what the portal holds with what was recorded.
     *
     * @param text the text, may be {@code null}
     * @return its NFC form, {@code ""} for {@code null}
     */
    public static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The key of a dossier record: {@code D|<MaHoSo>|<hash of the payload>}.
     *
     * @param code the {@code MaHoSo}
     * @param payload the NFC wire JSON
     * @return the key
     */
    public static String dossier(String code, String payload) {
        return "D|" + code(code) + "|" + hash(payload);
    }

    /**
     * The key of a dossier record the vendor names its own change of: {@code D|<MaHoSo>|v:<hash of the change id>}.
     *
     * @param code the {@code MaHoSo}
     * @param changeId the vendor's id of this change (a row version, an event id)
     * @return the key
     */
    public static String dossierChange(String code, String changeId) {
        return "D|" + code(code) + "|v:" + hash(changeId);
    }

    /**
     * The key of a progress row: {@code P|<MaHoSo>|<ThoiDiemXuLy>|<TrangThai>|<hash of the payload>}.
     *
     * @param code the {@code MaHoSo}
     * @param handledAt the {@code ThoiDiemXuLy} wire text
     * @param status the {@code TrangThai} code
     * @param payload the NFC wire JSON
     * @return the key
     */
    public static String progress(String code, String handledAt, String status, String payload) {
        return "P|" + code(code) + "|" + handledAt + "|" + status + "|" + hash(payload);
    }

    /**
     * The key of a status change: {@code S|<MaHoSo>|<TrangThaiHoSo>|<epoch second of the change>|<hash>}.
     *
     * @param code the {@code MaHoSo}
     * @param status the status code
     * @param changedAtEpochSecond when the vendor changed it
     * @param payload the NFC wire JSON
     * @return the key
     */
    public static String status(String code, String status, long changedAtEpochSecond, String payload) {
        return "S|" + code(code) + "|" + status + "|" + changedAtEpochSecond + "|" + hash(payload);
    }

    private static String code(String code) {
        String c = nfc(code);
        return c.length() <= MAX_CODE_IN_KEY && c.indexOf('|') < 0 ? c : "#" + hash(c);
    }

    /**
     * The first 128 bits of the SHA-256 of the text's UTF-8 bytes, base64url without padding (22 characters).
     *
     * @param text the text
     * @return the hash
     */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM has it
        }
    }
}
