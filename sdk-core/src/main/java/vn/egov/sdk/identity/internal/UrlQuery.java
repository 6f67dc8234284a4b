package vn.egov.sdk.identity.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Appends form-encoded parameters to a URL that may already have a query, and fills logout URL templates. */
public final class UrlQuery {
    private UrlQuery() {
    }

    /**
     * The URL with the parameters appended ({@code ?} or {@code &}), each name and value form-encoded as UTF-8.
     *
     * @param base the URL
     * @param params the parameters in order; null values are left out
     * @return the URL
     */
    public static URI append(URI base, Map<String, String> params) {
        StringBuilder s = new StringBuilder(base.toString());
        boolean hasQuery = base.getRawQuery() != null;
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            s.append(hasQuery ? '&' : '?').append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            hasQuery = true;
        }
        return URI.create(s.toString());
    }

    /**
     * A template with {@code {name}} placeholders replaced by the form-encoded values (empty for a null value).
     *
     * @param template the template
     * @param values the values by placeholder name
     * @return the URL
     */
    public static URI fill(String template, Map<String, String> values) {
        String s = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            s = s.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : encode(v.getValue()));
        }
        return URI.create(s);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
