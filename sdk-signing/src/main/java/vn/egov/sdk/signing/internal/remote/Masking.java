package vn.egov.sdk.signing.internal.remote;

/** How user ids and service texts appear in logs and messages: citizen ids masked, texts bounded. */
public final class Masking {
    private static final int MAX_TEXT = 200;

    private Masking() {
    }

    /** A user id with all but its last three characters masked ({@code *********234}). */
    public static String userId(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        int keep = Math.min(3, id.length() / 4);
        return "*".repeat(Math.min(id.length() - keep, 12)) + id.substring(id.length() - keep);
    }

    /** A service text bounded, with runs of 9 or more digits (ids) masked and control characters removed. */
    public static String shortText(String text) {
        if (text == null) {
            return "";
        }
        String t = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
        return t.replaceAll("[0-9]{9,}", "[id]").replaceAll("\\p{Cntrl}", " ");
    }
}
