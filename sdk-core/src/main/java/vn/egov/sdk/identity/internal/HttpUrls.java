package vn.egov.sdk.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/** The rule for a configured endpoint: an absolute http(s) URL with a host, without user info or fragment. */
public final class HttpUrls {
    private HttpUrls() {
    }

    /**
     * The broken rule of a URL, if any.
     *
     * @param value the URL text
     * @param path the field, for the error
     * @return the error, or {@code null} when the URL is fine
     */
    public static FieldError error(String value, String path) {
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawFragment() == null
                    && u.getRawUserInfo() == null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return new FieldError("url", path, path + " must be an absolute http(s) URL without user info or fragment");
    }

    /**
     * Checks a URL.
     *
     * @param value the URL text
     * @param path the field
     * @throws ValidationException when it is null, blank or breaks the rule
     */
    public static void require(String value, String path) {
        ValidationException.requireText(value, path);
        FieldError e = error(value, path);
        if (e != null) {
            throw new ValidationException(List.of(e));
        }
    }
}
