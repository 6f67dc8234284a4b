package vn.egov.sdk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response the runtime received: status, headers and the whole body (bounded by the client's
 * {@code maxResponseBytes}). Immutable.
 */
public final class ApiResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * @param status HTTP status code
     * @param headers header values by name (names compared case-insensitively)
     * @param body the body bytes (copied)
     */
    public ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, headers, body.clone(), true);
    }

    /** For the runtime: takes ownership of a freshly read array instead of copying it. */
    ApiResponse(int status, Map<String, List<String>> headers, byte[] ownedBody, boolean owned) {
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = java.util.Collections.unmodifiableMap(copy);
        this.body = ownedBody;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** Every header, names case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body bytes (a copy). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream over the response's own bytes, without a copy. */
    public java.io.InputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body);
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + ", bodyBytes=" + body.length + "]";
    }
}
