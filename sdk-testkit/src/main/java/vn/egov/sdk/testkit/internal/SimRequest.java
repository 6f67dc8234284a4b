package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as the simulators see it: independent of WireMock, immutable.
 *
 * @param method the HTTP method in upper case
 * @param path the path without the query string (not percent-decoded)
 * @param query the decoded query parameters, in order of appearance per name
 * @param headers the headers; look them up with {@link #header(String)}, which ignores case
 * @param body the request body, empty when there is none
 * @param form the decoded fields of an {@code application/x-www-form-urlencoded} body, as WireMock read them
 * @param parts the parts of a {@code multipart/form-data} body by name (the first of a name), as WireMock read them
 */
public record SimRequest(String method, String path, Map<String, List<String>> query,
                         Map<String, List<String>> headers, byte[] body, Map<String, List<String>> form,
                         Map<String, Part> parts) {

    /**
     * One part of a multipart body.
     *
     * @param name the form name
     * @param content the content bytes
     */
    public record Part(String name, byte[] content) {
        /**
         * Copies the content.
         *
         * @param name the form name
         * @param content the content
         */
        public Part {
            content = content == null ? new byte[0] : content.clone();
        }

        /**
         * The content.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /**
         * The content as UTF-8 text.
         *
         * @return the text
         */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * Copies and normalises the parts.
     *
     * @param method the HTTP method
     * @param path the path without the query string
     * @param query the decoded query parameters
     * @param headers the headers
     * @param body the body, or {@code null} for none
     * @param form the decoded form fields
     * @param parts the multipart parts by name
     */
    public SimRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(byName);
        body = body == null ? new byte[0] : body.clone();
        form = Map.copyOf(form);
        parts = Map.copyOf(parts);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the parameter name (exact case)
     * @return the decoded value, or empty when absent
     */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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
     * @return the body text, empty when there is no body
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the request uses the given method.
     *
     * @param expected the method, any case
     * @return {@code true} when it matches
     */
    public boolean isMethod(String expected) {
        return method.equalsIgnoreCase(expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimRequest that && method.equals(that.method) && path.equals(that.path)
                && query.equals(that.query) && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body) && form.equals(that.form)
                && parts.keySet().equals(that.parts.keySet());
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "SimRequest[" + method + ' ' + path + ", " + body.length + " body bytes]";
    }
}
