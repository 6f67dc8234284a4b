package vn.egov.sdk.dossier;

import java.util.List;
import vn.egov.sdk.core.ValidationException;

/**
 * Who the dossier's holder is (wire field {@code LoaiDoiTuong}), open to codes this SDK does not know: {@link #of(String)} keeps an unknown
 * code as given instead of failing, so a new national code never breaks reading. 
 */
public final class SubjectType extends OpenCode {
    /** {@code 1}: công dân (a citizen). */
    public static final SubjectType CITIZEN = new SubjectType("1", "citizen");
    /** {@code 2}: doanh nghiệp (an enterprise). */
    public static final SubjectType ENTERPRISE = new SubjectType("2", "enterprise");
    /** {@code 3}: cơ quan nhà nước (a state agency). */
    public static final SubjectType STATE_AGENCY = new SubjectType("3", "stateAgency");
    /** {@code 4}: tổ chức/khác (another organisation). */
    public static final SubjectType ORGANISATION_OTHER = new SubjectType("4", "organisationOther");

    private static final List<SubjectType> KNOWN = List.of(CITIZEN, ENTERPRISE, STATE_AGENCY, ORGANISATION_OTHER);

    private SubjectType(String code, String key) {
        super("LoaiDoiTuong", code, key);
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
        return lookup(KNOWN, code, "SubjectType.code", c -> new SubjectType(c, ""));
    }

    /**
     * The codes this SDK knows.
     *
     * @return the known values, in code order
     */
    public static List<SubjectType> known() {
        return KNOWN;
    }
}
