package vn.egov.sdk.dossier;

import java.util.List;
import vn.egov.sdk.core.ValidationException;

/**
 * How the dossier was submitted (wire field {@code KenhThucHien}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. 
 */
public final class SubmissionChannel extends OpenCode {
    /** {@code 1}: submitted at the one-stop shop (an inferred meaning; only {@code 2} is confirmed). */
    public static final SubmissionChannel DIRECT = new SubmissionChannel("1", "direct");
    /** {@code 2}: submitted online. */
    public static final SubmissionChannel ONLINE = new SubmissionChannel("2", "online");
    /** {@code 3}: submitted by post (an inferred meaning; only {@code 2} is confirmed). */
    public static final SubmissionChannel POSTAL = new SubmissionChannel("3", "postal");

    private static final List<SubmissionChannel> KNOWN = List.of(DIRECT, ONLINE, POSTAL);

    private SubmissionChannel(String code, String key) {
        super("KenhThucHien", code, key);
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
        return lookup(KNOWN, code, "SubmissionChannel.code", c -> new SubmissionChannel(c, ""));
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<SubmissionChannel> known() {
        return KNOWN;
    }
}
