package vn.egov.sdk.core.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never appear in clear in a log line or exception message: credentials in headers, secret
 * fields in JSON or form bodies and query strings, and 9- or 12-digit citizen ID numbers (CMND / CCCD).
 */
public final class Redactor {
    /** What a masked value is replaced by. */
    public static final String MASK = "****";

    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "lgspaccesstoken", "x-secretkey",
            "auth", "authhash", "x-authentication-token");
    private static final Set<String> NOT_SENSITIVE = Set.of("idempotency-key", "x-correlation-id",
            "content-length", "content-type");
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i).*(secret|token|password|passwd|pwd|apikey|api-key|api_key|accesskey|access_key|signature|"
                    + "checksum|hash|hmac|credential|session|otp|totp|privatekey|private_key|key|verifier).*"
                    // whole names too short to look for inside others: SmartCA's signature activation data
                    + "|(?i)sad");
    /** A JWT (three base64url parts, the first a JSON header): a bearer credential wherever it appears. */
    private static final Pattern JWT = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    /** JSON {@code "name": "value"} or {@code "name": 123} pairs. */
    private static final Pattern JSON_PAIR = Pattern.compile(
            "\"([^\"\\\\]{1,64})\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*)");
    /** Form / query {@code name=value} pairs. */
    private static final Pattern FORM_PAIR = Pattern.compile("(^|[?&;\\s])([A-Za-z0-9_.\\-]{1,64})=([^&\\s\"]*)");
    /** A run of exactly 9 or 12 digits: a citizen ID number (CMND: 9, CCCD: 12). */
    private static final Pattern CITIZEN_ID = Pattern.compile("(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])");

    private Redactor() {
    }

    /** Whether a header's value must be masked. */
    public static boolean isSensitiveHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !NOT_SENSITIVE.contains(n) && (SENSITIVE_HEADERS.contains(n) || SENSITIVE_NAME.matcher(n).matches());
    }

    /** A header value as it may be logged. */
    public static String headerValue(String name, String value) {
        return isSensitiveHeader(name) ? MASK : redactText(value);
    }

    /**
     * Masks secret-named fields of JSON, form and query text, then citizen ID numbers anywhere.
     *
     * @param text any text; {@code null} gives {@code ""}
     */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = replacePairs(JSON_PAIR, text, 1, 2, m -> "\"" + m.group(1) + "\":\"" + MASK + "\"");
        out = replacePairs(FORM_PAIR, out, 2, 3, m -> m.group(1) + m.group(2) + "=" + MASK);
        out = JWT.matcher(out).replaceAll("[jwt]");
        return CITIZEN_ID.matcher(out).replaceAll(m -> "[id:" + m.group(1).length() + " digits]");
    }

    /**
     * Server-supplied text (a header value, an id) made safe for one line of a log or exception message: control
     * and other non-printable characters written as {@code \\uXXXX}, cut to {@code max} characters (with an
     * ellipsis), then {@linkplain #redactText(String) redacted}.
     *
     * @param text the text; {@code null} gives {@code ""}
     * @param max the longest text kept, at least 1
     * @return the printable text
     */
    public static String printable(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        int n = Math.min(text.length(), Math.max(1, max));
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || !Character.isDefined(c)
                    || Character.getType(c) == Character.FORMAT) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > n) {
            sb.append('…');
        }
        return redactText(sb.toString());
    }

    private static String replacePairs(Pattern pattern, String text, int nameGroup, int valueGroup,
            java.util.function.Function<Matcher, String> masked) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = SENSITIVE_NAME.matcher(m.group(nameGroup)).matches()
                    && !NOT_SENSITIVE.contains(m.group(nameGroup).toLowerCase(Locale.ROOT))
                    ? masked.apply(m) : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
