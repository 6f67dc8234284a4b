package vn.egov.sdk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.egov.sdk.core.ValidationException;

/**
 * A response the runtime received: status, headers and the whole body (bounded by the client's
 * {@code maxResponseBytes}). Immutable.
 */
public final class ApiResponse {
    private final int status;
    /** Headers as received, names case-insensitive; never handed out. */
    private final Map<String, List<String>> received;
    private final byte[] body;
    /** The immutable copy {@link #headers()} hands out, made on first use (most calls never ask). */
    private volatile Map<String, List<String>> headers;

    /**
     * @param status HTTP status code
     * @param headers header values by name (names compared case-insensitively)
     * @param body the body bytes, non-null (copied, so later changes to the array do not reach the response)
     */
    public ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, ValidationException.requireNonNull(headers, "ApiResponse.headers"),
                ValidationException.requireNonNull(body, "ApiResponse.body").clone(), false);
    }

    /**
     * Takes ownership of the body array; with {@code headersOwned} (the runtime, holding OkHttp's freshly made
     * case-insensitive map that nobody else sees) also of the header map, whose immutable copy
     * {@link #headers()} then makes only when asked for. Any other map is copied.
     */
    ApiResponse(int status, Map<String, List<String>> headers, byte[] ownedBody, boolean headersOwned) {
        this.status = status;
        if (headersOwned && headers instanceof TreeMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            this.received = sorted;
        } else {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            this.received = copy;
        }
        this.body = ownedBody;
    }

    /**
     * The HTTP status code.
     *
     * @return the status as received, for example {@code 200} or {@code 503}
     */
    public int status() {
        return status;
    }

    /**
     * Whether the status is 2xx.
     *
     * @return true for 200 to 299 inclusive
     */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /**
     * Every header as received.
     *
     * @return an unmodifiable map from name (looked up case-insensitively) to its values in order; empty if the
     *         response had no headers
     */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> h = headers;
        if (h == null) {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            received.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            h = java.util.Collections.unmodifiableMap(copy);
            headers = h;
        }
        return h;
    }

    /**
     * The first value of a header, the name compared case-insensitively.
     *
     * @param name the header name, non-null
     * @return the first value, or empty if the response has no such header
     */
    public Optional<String> header(String name) {
        List<String> values = received.get(ValidationException.requireNonNull(name, "ApiResponse.header.name"));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body bytes; each call makes a fresh copy, so for a large body prefer {@link #bodyStream()}.
     *
     * @return a copy of the body, empty (not null) when the response had none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as a stream over the response's own bytes, without a copy.
     *
     * @return a new in-memory stream positioned at the first byte; closing it is not needed
     */
    public java.io.InputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body);
    }

    /**
     * The body decoded as UTF-8, whatever charset the {@code Content-Type} names; malformed bytes become
     * U+FFFD.
     *
     * @return the decoded body, empty when there is none
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body length.
     *
     * @return the number of body bytes received
     */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + ", bodyBytes=" + body.length + "]";
    }
}
