package vn.egov.sdk.identity.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The origin ({@code scheme://host[:port]}, lower case, default port dropped) of an http(s) URI. */
public final class Origins {
    private Origins() {
    }

    /** The origin of a parsed http or https URI with a server authority and no user info, else empty. */
    public static Optional<String> of(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port));
    }
}
