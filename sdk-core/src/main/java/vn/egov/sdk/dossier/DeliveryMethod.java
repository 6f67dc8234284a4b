package vn.egov.sdk.dossier;

import java.util.List;
import vn.egov.sdk.core.ValidationException;

/**
 * How the result is delivered (not how the dossier was submitted) (wire field {@code HinhThuc}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. 
 */
public final class DeliveryMethod extends OpenCode {
    /** {@code 0}: the result is not sent by post (collected, or sent online). */
    public static final DeliveryMethod OTHER = new DeliveryMethod("0", "other");
    /** {@code 1}: the result is sent by post. */
    public static final DeliveryMethod POSTAL = new DeliveryMethod("1", "postal");

    private static final List<DeliveryMethod> KNOWN = List.of(OTHER, POSTAL);

    private DeliveryMethod(String code, String key) {
        super("HinhThuc", code, key);
    }

    /**
     * The value for a wire code: a known constant, or an unknown code kept as given.
     *
     * @param code the code as sent on the wire, for example {@code "0"}; surrounding white space is
     *     ignored
     * @return the value
     * @throws ValidationException when the code is {@code null} or blank
     */
    public static DeliveryMethod of(String code) {
        return lookup(KNOWN, code, "DeliveryMethod.code", c -> new DeliveryMethod(c, ""));
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<DeliveryMethod> known() {
        return KNOWN;
    }
}
