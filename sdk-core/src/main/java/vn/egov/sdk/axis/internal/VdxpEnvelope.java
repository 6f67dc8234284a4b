package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import vn.egov.sdk.core.internal.Json;

/**
 * The axis' response envelope {@code {status, ErrorCode, ErrorDesc, ...}}: {@code status} {@code OK} / {@code FAIL},
 * {@code ErrorCode} {@code "0"} for success.
 *
 * <p>An answer is exactly one of: {@linkplain #ok() a success}, {@linkplain #refusal() a refusal} ({@code FAIL}, or
 * an {@code ErrorCode} other than {@code "0"}), or {@linkplain #problem() not the axis' envelope} (no {@code status}
 * and no {@code ErrorCode}, a {@code status} that is neither, or a member of the wrong JSON type). {@code status} must
 * be a JSON string and {@code ErrorCode} a string or an integer; JSON {@code null} counts as absent; an
 * {@code ErrorDesc} that is an object or array is ignored.
 *
 * @param status the {@code status} member, "" when absent
 * @param errorCode the {@code ErrorCode} member as text, "" when absent
 * @param errorDesc the {@code ErrorDesc} member, "" when absent
 * @param defect what is wrong with the members' types, "" when nothing
 */
public record VdxpEnvelope(String status, String errorCode, String errorDesc, String defect) {
    /** Base64 as the axis writes {@code data}; padding tolerated when missing. */
    private static final Base64Variant DATA_BASE64 = Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed();

    /**
     * An envelope whose members have the right types.
     *
     * @param status the {@code status} member, "" when absent
     * @param errorCode the {@code ErrorCode} member, "" when absent
     * @param errorDesc the {@code ErrorDesc} member, "" when absent
     */
    public VdxpEnvelope(String status, String errorCode, String errorDesc) {
        this(status, errorCode, errorDesc, "");
    }

    /** Whether the axis reported success. */
    public boolean ok() {
        boolean codeOk = errorCode.isEmpty() || "0".equals(errorCode);
        boolean statusOk = status.isEmpty() || "OK".equalsIgnoreCase(status);
        return defect.isEmpty() && codeOk && statusOk && !(status.isEmpty() && errorCode.isEmpty());
    }

    /** Whether the axis refused: {@code status FAIL}, or an {@code ErrorCode} other than {@code "0"}. */
    public boolean refusal() {
        return "FAIL".equalsIgnoreCase(status) || !errorCode.isEmpty() && !"0".equals(errorCode);
    }

    /**
     * Why this answer is neither a success nor a refusal.
     *
     * @return the reason, empty for a success or a refusal
     */
    public Optional<String> problem() {
        if (ok() || refusal()) {
            return Optional.empty();
        }
        if (!defect.isEmpty()) {
            return Optional.of(defect);
        }
        if (status.isEmpty() && errorCode.isEmpty()) {
            return Optional.of("neither status nor ErrorCode");
        }
        return Optional.of("status '" + Refusals.shortened(status) + "' is neither OK nor FAIL");
    }

    /** Reads the envelope of a parsed body. */
    public static VdxpEnvelope of(JsonNode body) {
        StringBuilder defect = new StringBuilder();
        String status = member(body.get("status"), false, "status", defect);
        String code = member(body.get("ErrorCode"), true, "ErrorCode", defect);
        JsonNode desc = body.get("ErrorDesc");
        String text = desc != null && desc.isValueNode() && !desc.isNull() ? desc.asText() : "";
        return new VdxpEnvelope(status, code, text, defect.toString());
    }

    private static String member(JsonNode v, boolean integerAllowed, String name, StringBuilder defect) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual() || integerAllowed && v.isIntegralNumber()) {
            return v.asText();
        }
        addDefect(defect, name, v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        return "";
    }

    private static void addDefect(StringBuilder defect, String name, String type) {
        defect.append(defect.length() == 0 ? "" : "; ").append(name).append(" is a JSON ").append(type);
    }

    /**
     * Reads the envelope members of a body without materialising large members (skips {@code data}); stops as soon
     * as {@code status} and {@code ErrorCode} say success, so {@code ErrorDesc} after them is then not read.
     *
     * @param body the body
     * @return the envelope, or empty when the body is not a JSON object
     */
    public static Optional<VdxpEnvelope> peek(InputStream body) {
        try {
            return scanOrThrow(body, null).map(Decoded::envelope);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the envelope and decodes the base64 string member {@code data} into {@code sink} as it streams, so a
     * 20 MB package is never held as a Java string.
     *
     * @param body the body
     * @param sink where the decoded {@code data} goes
     * @return the envelope, or empty when the body is not a JSON object
     */
    public static Optional<VdxpEnvelope> decodeData(InputStream body, OutputStream sink) {
        try {
            return scanOrThrow(body, sink).map(Decoded::envelope);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * What a streamed {@code getEdoc} answer held.
     *
     * @param envelope the envelope
     * @param dataDefect why {@code data} could not be decoded (not a JSON string, not base64), "" when it was
     *        decoded or absent
     */
    public record Decoded(VdxpEnvelope envelope, String dataDefect) {
    }

    /**
     * Like {@link #decodeData}, for a body streamed from the network: a failure to read the body is thrown (the
     * runtime treats it as a connection failure), while a body that is not JSON gives an empty result and a
     * {@code data} that is not base64 a {@link Decoded#dataDefect()}. Nothing unchecked is thrown for any body.
     *
     * @throws IOException if reading the body or writing the sink fails
     */
    public static Optional<Decoded> decodeStreaming(InputStream body, OutputStream sink) throws IOException {
        try {
            return scanOrThrow(body, sink);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<Decoded> scanOrThrow(InputStream body, OutputStream sink) throws IOException {
        String status = "";
        String code = "";
        String desc = "";
        String dataDefect = "";
        StringBuilder defect = new StringBuilder();
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name) && sink != null) {
                    dataDefect = decode(p, value, sink);
                    if (!dataDefect.isEmpty()) {
                        // the parser may stand inside the broken string: report what was read so far
                        return Optional.of(new Decoded(new VdxpEnvelope(status, code, desc, defect.toString()),
                                dataDefect));
                    }
                } else if ("status".equals(name)) {
                    status = scalar(p, value, false, name, defect);
                } else if ("ErrorCode".equals(name)) {
                    code = scalar(p, value, true, name, defect);
                } else if ("ErrorDesc".equals(name)) {
                    desc = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getValueAsString("") : "";
                    p.skipChildren();
                } else {
                    p.skipChildren();
                }
                VdxpEnvelope sofar = new VdxpEnvelope(status, code, desc, defect.toString());
                if (sink == null && !status.isEmpty() && !code.isEmpty() && sofar.ok()) {
                    // a success is decided by status and ErrorCode alone: the rest (the data) need not be scanned
                    return Optional.of(new Decoded(sofar, ""));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return Optional.empty();
            }
            if (sink != null && p.nextToken() != null) {
                // a streamed answer is read to its end, so that a body cut short (or followed by more) is noticed
                return Optional.empty();
            }
            return Optional.of(new Decoded(new VdxpEnvelope(status, code, desc, defect.toString()), dataDefect));
        }
    }

    private static String scalar(JsonParser p, JsonToken value, boolean integerAllowed, String name,
            StringBuilder defect) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        if (value == JsonToken.VALUE_STRING || integerAllowed && value == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        addDefect(defect, name, value.isStructStart() ? (value == JsonToken.START_OBJECT ? "object" : "array")
                : value.isNumeric() ? "number" : value.isBoolean() ? "boolean" : value.toString());
        p.skipChildren();
        return "";
    }

    /** Decodes {@code data} into the sink; returns why it cannot be, or "". */
    private static String decode(JsonParser p, JsonToken value, OutputStream sink) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return "data is not a JSON string";
        }
        try {
            p.readBinaryValue(DATA_BASE64, sink);
            return "";
        } catch (IllegalArgumentException e) {
            // Jackson reports a character or padding that is not base64 with an unchecked exception
            return "data is not base64";
        }
    }
}
