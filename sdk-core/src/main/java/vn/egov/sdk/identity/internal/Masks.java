package vn.egov.sdk.identity.internal;

/**
 * Masks personal identifiers for {@code toString()} and messages: ID numbers keep their last three characters,
 * technical ids their first and last four, phones their last three digits, e-mail addresses their first character
 * and domain.
 */
public final class Masks {
    private Masks() {
    }

    /** An ID number (CCCD, CMND, social insurance, passport, tax code): {@code *********123}. */
    public static String idNumber(String value) {
        if (value.length() < 7) {
            return "*".repeat(Math.max(value.length(), 3));
        }
        return "*".repeat(value.length() - 3) + value.substring(value.length() - 3);
    }

    /**
     * A technical id or subject: {@code 3f2a…9c1d} when it is long (16 characters or more) and not only digits;
     * otherwise it may be an ID number and is masked as one.
     */
    public static String techId(String value) {
        if (value.length() < 16 || value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return idNumber(value);
        }
        return value.substring(0, 4) + "…" + value.substring(value.length() - 4);
    }

    /** A phone number: stars but the last three digits. */
    public static String phone(String value) {
        return idNumber(value);
    }

    /** An e-mail address: {@code n***@example.vn}. */
    public static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return new String(Character.toChars(value.codePointAt(0))) + "***" + value.substring(at);
    }

    /** A URI that may carry a token: only its scheme and host, {@code https://host/…}. */
    public static String uri(String value) {
        try {
            java.net.URI u = new java.net.URI(value);
            if (u.getScheme() != null && u.getHost() != null) {
                return u.getScheme() + "://" + u.getHost() + "/…";
            }
        } catch (java.net.URISyntaxException e) {
            // fall through
        }
        return "…";
    }

    /** Free text from the wire shown in a log line: at most 32 characters, control characters replaced. */
    public static String shortText(String value) {
        String v = value.length() > 32 ? value.substring(0, 32) + "…" : value;
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
