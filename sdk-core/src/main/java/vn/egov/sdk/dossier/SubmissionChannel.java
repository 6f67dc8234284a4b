package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;

/**
 * How the dossier was submitted (wire field {@code KenhThucHien}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. 
 */
public final class SubmissionChannel {
    /** {@code 1}: submitted at the one-stop shop (an inferred meaning; only {@code 2} is confirmed). */
    public static final SubmissionChannel DIRECT = new SubmissionChannel("1", "direct");
    /** {@code 2}: submitted online. */
    public static final SubmissionChannel ONLINE = new SubmissionChannel("2", "online");
    /** {@code 3}: submitted by post (an inferred meaning; only {@code 2} is confirmed). */
    public static final SubmissionChannel POSTAL = new SubmissionChannel("3", "postal");

    private static final List<SubmissionChannel> KNOWN = List.of(DIRECT, ONLINE, POSTAL);

    private final String code;
    private final String key;

    private SubmissionChannel(String code, String key) {
        this.code = code;
        this.key = key;
    }

    /**
     * The value for a wire code: a known constant, or an unknown code kept as given.
     *
     * @param code the code as sent on the wire, for example {@code "1"}; surrounding white space is
     *     ignored
     * @return the value
     * @throws ValidationException when the code is {@code null} or blank
     */
    public static SubmissionChannel of(String code) {
        String c = ValidationException.requireText(code, "SubmissionChannel.code").strip();
        for (SubmissionChannel known : KNOWN) {
            if (known.code.equals(c)) {
                return known;
            }
        }
        return new SubmissionChannel(c, "");
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<SubmissionChannel> known() {
        return KNOWN;
    }

    /**
     * The wire code.
     *
     * @return the code, for example {@code "1"}
     */
    public String code() {
        return code;
    }

    /**
     * The stable English key of a known code.
     *
     * @return the key, for example {@code "direct"}, or empty text for an unknown code
     */
    public String key() {
        return key;
    }

    /**
     * Whether this SDK knows the code.
     *
     * @return {@code true} for one of {@link #known()}
     */
    public boolean isKnown() {
        return !key.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubmissionChannel other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return key.isEmpty() ? "KenhThucHien(" + code + ")" : key + "(" + code + ")";
    }
}
