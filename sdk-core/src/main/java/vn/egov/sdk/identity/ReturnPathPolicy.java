package vn.egov.sdk.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.Origins;
import vn.egov.sdk.identity.internal.QueryDecoder;

/**
 * Where the browser may be sent after a login: the return path a vendor keeps server-side with the pending login
 * (never in {@code state}) is checked against this allow-list, so a crafted login link cannot turn the portal into
 * an open redirect.
 *
 * <p>Allowed are:
 * <ul>
 * <li>a path on the same site: starting with exactly one {@code /} (not {@code //}, not {@code /\}), and still so
 * after percent-decoding it (up to three times, so {@code /%2F%2Fevil} is refused too);</li>
 * <li>an absolute {@code http}/{@code https} URL whose origin (scheme, host, port) is one given to
 * {@link Builder#allowOrigin(String)}, with no user info ({@code https://good@evil} is refused).</li>
 * </ul>
 * Everything else is refused: another scheme ({@code javascript:}, {@code data:}), a scheme without {@code //}
 * ({@code https:evil}), a relative path not starting with {@code /}, a backslash anywhere, white space, control
 * characters, non-ASCII characters (percent-encode them), and more than {@value #MAX_LENGTH} characters.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReturnPathPolicy {
    /** The longest return path accepted. */
    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "returnPath";

    private final Set<String> origins;

    private ReturnPathPolicy(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * A policy that allows only paths on the same site.
     *
     * @return the policy
     */
    public static ReturnPathPolicy relativeOnly() {
        return new ReturnPathPolicy(Set.of());
    }

    /**
     * A builder; with no origin added, it builds {@link #relativeOnly()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a return path.
     *
     * @param returnPath the path or URL to send the browser to after the login
     * @return {@code returnPath}, unchanged
     * @throws ValidationException (field {@code returnPath}, code {@code returnPath.<rule>}) when it is not allowed;
     *     the message does not repeat the value
     */
    public String check(String returnPath) {
        ValidationException.requireNonNull(returnPath, FIELD);
        if (returnPath.isEmpty() || returnPath.length() > MAX_LENGTH) {
            throw refuse("length", "must have 1 to " + MAX_LENGTH + " characters, has " + returnPath.length());
        }
        for (int i = 0; i < returnPath.length(); i++) {
            char c = returnPath.charAt(i);
            if (c == '\\') {
                throw refuse("backslash", "must not contain a backslash (browsers read it as '/')");
            }
            if (c <= 0x20 || c >= 0x7f) {
                throw refuse("characters", "must hold only printable ASCII without white space (percent-encode "
                        + "others); a control, space or non-ASCII character was found at index " + i);
            }
        }
        if (returnPath.charAt(0) == '/') {
            return checkRelative(returnPath);
        }
        int colon = returnPath.indexOf(':');
        int end = firstOf(returnPath, "/?#");
        if (colon < 0 || (end >= 0 && end < colon)) {
            throw refuse("notAbsolutePath", "a relative path must start with '/'");
        }
        return checkAbsolute(returnPath);
    }

    /**
     * Whether a return path is allowed.
     *
     * @param returnPath the path or URL; {@code null} is not allowed
     * @return {@code true} if {@link #check(String)} accepts it
     */
    public boolean allows(String returnPath) {
        try {
            check(returnPath);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /**
     * The origins absolute URLs may point to.
     *
     * @return the normalised origins ({@code https://host[:port]}), empty for {@link #relativeOnly()}
     */
    public Set<String> allowedOrigins() {
        return origins;
    }

    private static String checkRelative(String path) {
        String current = path;
        for (int round = 0; round <= 3; round++) {
            if (current.startsWith("//") || current.startsWith("/\\")) {
                throw refuse(round == 0 ? "protocolRelative" : "encodedRedirect",
                        "must start with exactly one '/' (also after percent-decoding), or it leaves the site");
            }
            if (!current.startsWith("/") || current.indexOf('\\') >= 0 || QueryDecoder.hasControl(current)) {
                throw refuse("encodedRedirect", "after percent-decoding it must still be a path starting with '/', "
                        + "without backslash or control characters");
            }
            if (current.indexOf('%') < 0) {
                return path;
            }
            Optional<String> decoded = QueryDecoder.decode(current, false);
            if (decoded.isEmpty() && round == 0) {
                throw refuse("encoding", "has a broken percent-encoding");
            }
            if (decoded.isEmpty()) {
                return path; // a literal '%' left after decoding ("%25"): nothing more a browser would decode
            }
            current = decoded.get();
        }
        throw refuse("encodedRedirect", "is percent-encoded more than three times over");
    }

    private String checkAbsolute(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refuse("syntax", "is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw refuse("scheme", "an absolute URL must be http or https");
        }
        if (!url.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3) || uri.isOpaque()) {
            throw refuse("syntax", "an absolute URL must be scheme://host/…");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse("userinfo", "an absolute URL must not carry user info (user@host)");
        }
        Optional<String> origin = Origins.of(uri);
        if (origin.isEmpty() || !origins.contains(origin.get())) {
            throw refuse("origin", "an absolute URL must point to an allowed origin (" + origins.size()
                    + " allowed)");
        }
        return url;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static ValidationException refuse(String rule, String message) {
        return ValidationException.of("returnPath." + rule, FIELD, "the return path " + message);
    }

    @Override
    public String toString() {
        return "ReturnPathPolicy[relative paths" + (origins.isEmpty() ? "" : ", " + origins) + "]";
    }

    /** Builds a {@link ReturnPathPolicy}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> origins = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Allows absolute URLs on an origin, for example {@code https://dichvucong.tinh.gov.vn} or
         * {@code http://localhost:8080}.
         *
         * @param origin {@code scheme://host[:port]}, http or https, optionally ending in {@code /}; no path, query,
         *     fragment or user info
         * @return this builder
         */
        public Builder allowOrigin(String origin) {
            String field = "ReturnPathPolicy.allowOrigin";
            ValidationException.requireText(origin, field);
            URI uri;
            try {
                uri = new URI(origin.strip());
            } catch (URISyntaxException e) {
                throw ValidationException.of("syntax", field, "an origin must be a valid URL scheme://host[:port]");
            }
            Optional<String> normal = Origins.of(uri);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (normal.isEmpty() || !bare) {
                throw ValidationException.of("origin", field,
                        "an origin is http(s)://host[:port] with no user info, path, query or fragment");
            }
            origins.add(normal.get());
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public ReturnPathPolicy build() {
            return new ReturnPathPolicy(origins);
        }
    }
}
