package vn.egov.sdk.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.identity.LoginCallbackException;
import vn.egov.sdk.identity.LoginCallbackException.Reason;

/**
 * Splits an authorization response's query ({@code application/x-www-form-urlencoded}) strictly: percent-escapes and
 * UTF-8 must be valid, control characters are refused (but in the free text of {@code error_description}), the
 * response parameters may appear once each and are capped in length; other parameters are ignored (their first value
 * kept). No message repeats a value.
 */
public final class CallbackQuery {
    /** The response parameters this parser knows. */
    public static final Set<String> KNOWN = Set.of("code", "state", "iss", "error", "error_description", "error_uri",
            "session_state");
    private static final int MAX_PARAMETERS = 64;
    private static final int MAX_VALUE = 4096;

    private CallbackQuery() {
    }

    /**
     * The query part of a callback URI or query string: after the first {@code ?} when there is one, before any
     * {@code #}.
     *
     * @param callback a URI, a path with a query, or a bare query
     * @return the query, possibly empty
     */
    public static String queryOf(String callback) {
        String s = callback;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int q = s.indexOf('?');
        if (q >= 0) {
            return s.substring(q + 1);
        }
        return s.contains("=") ? s : "";
    }

    /**
     * Decodes the parameters.
     *
     * @param query the query, without {@code ?}
     * @return the known parameters' values and the first value of any other, by name, in order
     * @throws LoginCallbackException on any broken rule
     */
    public static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        String[] pairs = query.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw new LoginCallbackException(Reason.TOO_LARGE, null, "the callback has more than " + MAX_PARAMETERS
                    + " parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1), name);
            if (KNOWN.contains(name)) {
                if (out.containsKey(name)) {
                    throw new LoginCallbackException(Reason.DUPLICATE_PARAMETER, name, "the callback carries the "
                            + "parameter '" + name + "' more than once (RFC 6749 §3.1 forbids it)");
                }
                if (value.length() > MAX_VALUE) {
                    throw new LoginCallbackException(Reason.MALFORMED, name, "the callback's '" + name
                            + "' is longer than " + MAX_VALUE + " characters");
                }
                out.put(name, value);
            } else {
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }

    private static String decode(String raw, String parameterName) {
        String name = parameterName == null || KNOWN.contains(parameterName) ? parameterName : null;
        String shown = parameterName == null ? "a parameter name" : "the parameter '" + safeName(parameterName) + "'";
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new LoginCallbackException(Reason.MALFORMED, name, "the callback has a broken "
                            + "percent-escape in " + shown);
                }
                bytes[n++] = (byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x21 || c > 0x7e) {
                throw new LoginCallbackException(Reason.MALFORMED, name, "the callback has an unencoded space, "
                        + "control or non-ASCII character in " + shown);
            } else {
                bytes[n++] = (byte) c;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new LoginCallbackException(Reason.MALFORMED, name, "the callback has invalid UTF-8 in " + shown);
        }
        if ("error_description".equals(parameterName)) {
            return text; // free text, shown only through Redactor.printable, which escapes control characters
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new LoginCallbackException(Reason.MALFORMED, name, "the callback has a control or format "
                        + "character in " + shown);
            }
        }
        return text;
    }

    private static String safeName(String name) {
        return name.length() > 40 || !name.matches("[A-Za-z0-9_.\\-]*") ? "(unprintable name)" : name;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
