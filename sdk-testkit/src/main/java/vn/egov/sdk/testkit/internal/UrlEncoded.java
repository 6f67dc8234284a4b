package vn.egov.sdk.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text: form bodies and query strings. */
public final class UrlEncoded {

    private UrlEncoded() {
    }

    /**
     * Parses {@code a=1&b=x%20y&a=2} into names and their values, in order of appearance.
     *
     * @param text the encoded text; {@code null} or empty gives an empty map
     * @return the decoded parameters (a name without {@code =} gets an empty value)
     */
    public static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /**
     * Decodes one form-encoded component ({@code +} is a space).
     *
     * @param component the encoded text
     * @return the decoded text; malformed escapes are kept as they are
     */
    public static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return component;
        }
    }
}
