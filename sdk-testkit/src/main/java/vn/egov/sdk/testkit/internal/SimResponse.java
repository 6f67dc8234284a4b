package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A simulator's answer: status, headers and body. Immutable.
 *
 * @param status the HTTP status code
 * @param headers the response headers (one value each)
 * @param body the body bytes
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    private static final String JSON = "application/json; charset=utf-8";

    /**
     * Copies the parts.
     *
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the body, or {@code null} for none
     */
    public SimResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status code
     * @param value a Jackson-serialisable value (map, record, {@code JsonNode}…)
     * @return the response, with {@code Content-Type: application/json}
     */
    public static SimResponse json(int status, Object value) {
        return new SimResponse(status, Map.of("Content-Type", JSON), JsonCodec.write(value));
    }

    /**
     * A JSON error in the OAuth2 style: {@code {"error": code, "error_description": description}}.
     *
     * @param status the HTTP status code
     * @param code the error code
     * @param description words for the developer reading the test output
     * @return the response
     */
    public static SimResponse error(int status, String code, String description) {
        return json(status, errorBody(code, description));
    }

    /**
     * The body of {@link #error(int, String, String)}.
     *
     * @param code the error code
     * @param description what is wrong
     * @return {@code {"error": code, "error_description": description}}
     */
    public static Map<String, Object> errorBody(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }

    /**
     * A copy with one more header (replacing a header of the same name).
     *
     * @param name the header name
     * @param value the header value
     * @return the new response
     */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new SimResponse(status, copy, body);
    }

    /**
     * A copy with another status code, same headers and body.
     *
     * @param newStatus the status code
     * @return the new response
     */
    public SimResponse withStatus(int newStatus) {
        return new SimResponse(newStatus, headers, body);
    }

    /**
     * The body as a copy of its bytes.
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "SimResponse[" + status + ", " + body.length + " body bytes]";
    }
}
