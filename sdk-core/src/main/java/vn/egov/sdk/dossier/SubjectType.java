package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;

/**
 * Who the dossier's holder is (wire field {@code LoaiDoiTuong}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. 
 */
public final class SubjectType {
    /** {@code 1}: công dân (a citizen). */
    public static final SubjectType CITIZEN = new SubjectType("1", "citizen");
    /** {@code 2}: doanh nghiệp (an enterprise). */
    public static final SubjectType ENTERPRISE = new SubjectType("2", "enterprise");
    /** {@code 3}: cơ quan nhà nước (a state agency). */
    public static final SubjectType STATE_AGENCY = new SubjectType("3", "stateAgency");
    /** {@code 4}: tổ chức/khác (another organisation). */
    public static final SubjectType ORGANISATION_OTHER = new SubjectType("4", "organisationOther");

    private static final List<SubjectType> KNOWN = List.of(CITIZEN, ENTERPRISE, STATE_AGENCY, ORGANISATION_OTHER);

    private final String code;
    private final String key;

    private SubjectType(String code, String key) {
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
    public static SubjectType of(String code) {
        String c = ValidationException.requireText(code, "SubjectType.code").strip();
        for (SubjectType known : KNOWN) {
            if (known.code.equals(c)) {
                return known;
            }
        }
        return new SubjectType(c, "");
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<SubjectType> known() {
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
     * @return the key, for example {@code "citizen"}, or empty text for an unknown code
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
        return o instanceof SubjectType other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return key.isEmpty() ? "LoaiDoiTuong(" + code + ")" : key + "(" + code + ")";
    }
}
