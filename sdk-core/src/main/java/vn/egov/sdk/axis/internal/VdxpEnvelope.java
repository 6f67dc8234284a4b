package vn.egov.sdk.axis.internal;

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
 * @param status the {@code status} member, "" when absent
 * @param errorCode the {@code ErrorCode} member as text, "" when absent
 * @param errorDesc the {@code ErrorDesc} member, "" when absent
 */
public record VdxpEnvelope(String status, String errorCode, String errorDesc) {
    /** Whether the axis reported success. */
    public boolean ok() {
        boolean codeOk = errorCode.isEmpty() || "0".equals(errorCode);
        boolean statusOk = status.isEmpty() || "OK".equalsIgnoreCase(status);
        return codeOk && statusOk && !(status.isEmpty() && errorCode.isEmpty());
    }

    /** Reads the envelope of a parsed body. */
    public static VdxpEnvelope of(JsonNode body) {
        return new VdxpEnvelope(JsonFields.textOrEmpty(body, "status"), JsonFields.textOrEmpty(body, "ErrorCode"),
                JsonFields.textOrEmpty(body, "ErrorDesc"));
    }

    /**
     * Reads the envelope members of a body without materialising large members (skips {@code data}); stops as soon
     * as {@code status} and {@code ErrorCode} say success, so {@code ErrorDesc} after them is then not read.
     *
     * @param body the body
     * @return the envelope, or empty when the body is not a JSON object
     */
    public static Optional<VdxpEnvelope> peek(InputStream body) {
        return scan(body, null);
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
        return scan(body, sink);
    }

    /**
     * Like {@link #decodeData}, for a body streamed from the network: a failure to read the body is thrown (the
     * runtime treats it as a connection failure), while a body that is not JSON gives an empty result.
     *
     * @throws IOException if reading the body or writing the sink fails
     */
    public static Optional<VdxpEnvelope> decodeStreaming(InputStream body, OutputStream sink) throws IOException {
        try {
            return scanOrThrow(body, sink);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<VdxpEnvelope> scan(InputStream body, OutputStream sink) {
        try {
            return scanOrThrow(body, sink);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<VdxpEnvelope> scanOrThrow(InputStream body, OutputStream sink) throws IOException {
        String status = "";
        String code = "";
        String desc = "";
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name) && sink != null && value == JsonToken.VALUE_STRING) {
                    p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, sink);
                } else if (value.isScalarValue() && ("status".equals(name) || "ErrorCode".equals(name)
                        || "ErrorDesc".equals(name))) {
                    String text = p.getValueAsString("");
                    if ("status".equals(name)) {
                        status = text;
                    } else if ("ErrorCode".equals(name)) {
                        code = text;
                    } else {
                        desc = text;
                    }
                } else {
                    p.skipChildren();
                }
                if (sink == null && !status.isEmpty() && !code.isEmpty()
                        && new VdxpEnvelope(status, code, desc).ok()) {
                    // a success is decided by status and ErrorCode alone: the rest (the data) need not be scanned
                    return Optional.of(new VdxpEnvelope(status, code, desc));
                }
            }
            return Optional.of(new VdxpEnvelope(status, code, desc));
        }
    }
}
