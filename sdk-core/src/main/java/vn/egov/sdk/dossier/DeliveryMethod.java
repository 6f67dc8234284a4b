package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;

/**
 * How the result is delivered (not how the dossier was submitted) (wire field {@code HinhThuc}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. 
 */
public final class DeliveryMethod {
    /** {@code 0}: the result is not sent by post (collected, or sent online). */
    public static final DeliveryMethod OTHER = new DeliveryMethod("0", "other");
    /** {@code 1}: the result is sent by post. */
    public static final DeliveryMethod POSTAL = new DeliveryMethod("1", "postal");

    private static final List<DeliveryMethod> KNOWN = List.of(OTHER, POSTAL);

    private final String code;
    private final String key;

    private DeliveryMethod(String code, String key) {
        this.code = code;
        this.key = key;
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
        String c = ValidationException.requireText(code, "DeliveryMethod.code").strip();
        for (DeliveryMethod known : KNOWN) {
            if (known.code.equals(c)) {
                return known;
            }
        }
        return new DeliveryMethod(c, "");
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<DeliveryMethod> known() {
        return KNOWN;
    }

    /**
     * The wire code.
     *
     * @return the code, for example {@code "0"}
     */
    public String code() {
        return code;
    }

    /**
     * The stable English key of a known code.
     *
     * @return the key, for example {@code "other"}, or empty text for an unknown code
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
        return o instanceof DeliveryMethod other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return key.isEmpty() ? "HinhThuc(" + code + ")" : key + "(" + code + ")";
    }
}
