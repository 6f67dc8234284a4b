package vn.egov.sdk.core.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;

/**
 * One HTTP request as the SDK runtime sends it: method, absolute URL, headers in order, optional body.
 * Immutable; change it with {@link #toBuilder()}.
 */
public final class ApiRequest {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    private final String method;
    private final URI url;
    private final List<Map.Entry<String, String>> headers;
    private final Optional<HttpBody> body;
    private final boolean idempotent;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.url = b.url;
        this.headers = Collections.unmodifiableList(new ArrayList<>(b.headers));
        this.body = Optional.ofNullable(b.body);
        this.idempotent = b.idempotent;
    }

    /**
     * A builder for a request of the given method to the given absolute URL.
     *
     * @param method one of GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, in any case (stored upper case)
     * @param url an absolute {@code http} or {@code https} URL with a host; its query string is kept as given
     * @return a builder with no headers, no body and not declared idempotent
     * @throws vn.egov.sdk.core.ValidationException if the method is null or not one of those, or the URL is null,
     *         malformed, relative or of another scheme
     */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /**
     * A GET request without headers.
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @return the request
     * @throws vn.egov.sdk.core.ValidationException if the URL is null or not an absolute http(s) URL
     */
    public static ApiRequest get(String url) {
        return builder("GET", url).build();
    }

    /**
     * A POST request with the given body and no headers (the content type travels with the body).
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @param body the body to send; null sends the POST without a body
     * @return the request
     * @throws vn.egov.sdk.core.ValidationException if the URL is null or not an absolute http(s) URL
     */
    public static ApiRequest post(String url, HttpBody body) {
        return builder("POST", url).body(body).build();
    }

    /**
     * The HTTP method.
     *
     * @return the method in upper case, for example {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The URL the request goes to.
     *
     * @return the absolute http(s) URL, never null
     */
    public URI url() {
        return url;
    }

    /**
     * The headers in the order they will be sent; a name may appear more than once.
     *
     * @return an unmodifiable list of name/value pairs, empty if there are none
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * The first value of a header, the name compared case-insensitively.
     *
     * @param name the header name; null matches nothing
     * @return the first value, or empty if the request has no such header
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The body to send.
     *
     * @return the body, or empty for a request without one
     */
    public Optional<HttpBody> body() {
        return body;
    }

    /**
     * Whether the method is safe (GET, HEAD, OPTIONS): repeating it has no effect on the server.
     *
     * @return true for GET, HEAD and OPTIONS
     */
    public boolean isSafeMethod() {
        return SAFE_METHODS.contains(method);
    }

    /**
     * Whether repeating this request has no further effect even though its method is unsafe, as the caller
     * declared with {@link Builder#idempotent(boolean)} (for example an OAuth2 token request).
     *
     * @return true if the builder was told {@code idempotent(true)}; false by default
     */
    public boolean isDeclaredIdempotent() {
        return idempotent;
    }

    /**
     * A builder holding this request's method, URL, headers, body and idempotence, to derive a changed copy
     * (an interceptor adding a header, for example); this request is not changed.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(method, url);
        b.headers.addAll(headers);
        b.body = body.orElse(null);
        b.idempotent = idempotent;
        return b;
    }

    @Override
    public String toString() {
        return method + " " + url.getScheme() + "://" + url.getAuthority() + url.getRawPath();
    }

    /** Builder of {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final URI url;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private HttpBody body;
        private boolean idempotent;

        private Builder(String method, String url) {
            String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(m)) {
                throw ValidationException.of("request.method", "ApiRequest.method",
                        "method must be one of " + METHODS);
            }
            this.method = m;
            this.url = parseUrl(url);
        }

        /** A copy's builder: method and URL were checked when this request was built. */
        private Builder(String method, URI url) {
            this.method = method;
            this.url = url;
        }

        private static URI parseUrl(String url) {
            try {
                URI u = new URI(ValidationException.requireNonNull(url, "ApiRequest.url"));
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                    throw new IllegalArgumentException("not an absolute http(s) URL");
                }
                return u;
            } catch (Exception e) {
                throw ValidationException.of("request.url", "ApiRequest.url",
                        "url must be an absolute http or https URL");
            }
        }

        /**
         * Adds a header after those already set; several values of one name are allowed and all are sent.
         *
         * @param name the header name, non-empty
         * @param value the value, non-null (may be empty)
         * @return this builder
         * @throws vn.egov.sdk.core.ValidationException if the name is null or empty or the value is null
         */
        public Builder header(String name, String value) {
            if (name == null || name.isEmpty() || value == null) {
                throw ValidationException.of("request.header", "ApiRequest.headers",
                        "header name must be non-empty and value non-null");
            }
            headers.add(Map.entry(name, value));
            return this;
        }

        /**
         * Replaces every value of a header (name compared case-insensitively) by one value.
         *
         * @param name the header name, non-empty
         * @param value the value, non-null (may be empty)
         * @return this builder
         * @throws vn.egov.sdk.core.ValidationException if the name is null or empty or the value is null
         */
        public Builder setHeader(String name, String value) {
            removeHeader(name);
            return header(name, value);
        }

        /**
         * Removes every value of a header, the name compared case-insensitively; nothing happens if it is absent.
         *
         * @param name the header name; null removes nothing
         * @return this builder
         */
        public Builder removeHeader(String name) {
            ValidationException.requireNonNull(name, "ApiRequest.removeHeader.name");
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            return this;
        }

        /**
         * Sets the body, replacing any earlier one.
         *
         * @param value the body; null for a request without a body
         * @return this builder
         */
        public Builder body(HttpBody value) {
            this.body = value;
            return this;
        }

        /**
         * Declares that repeating this unsafe request has no further effect on the server (an OAuth2 token
         * request, a lookup sent as POST), so the runtime may retry it like a GET.
         *
         * @param value true to allow retries of this unsafe request; false (the default) to never repeat it
         * @return this builder
         */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /**
         * Builds the immutable request.
         *
         * @return the request
         * @throws vn.egov.sdk.core.ValidationException if a GET or HEAD has a body
         */
        public ApiRequest build() {
            if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
                throw ValidationException.of("request.body", "ApiRequest.body", method + " must not have a body");
            }
            return new ApiRequest(this);
        }
    }
}
