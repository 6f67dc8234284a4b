package vn.egov.sdk.payment.internal;

/** Joins checksum fields and shows a signed string with its secret masked. */
public final class SignedStrings {
    /** What stands for the secret in a shown signed string. */
    public static final String MASK = "***";

    private SignedStrings() {
    }

    /**
     * Joins the fields with {@code |}, {@code null} as empty text.
     *
     * @param fields the fields in the message's own order
     * @return the joined text
     */
    public static String pipeJoined(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('|');
            }
            b.append(fields[i] == null ? "" : fields[i]);
        }
        return b.toString();
    }
}
