package vn.egov.sdk.payment;

import vn.egov.sdk.core.ValidationException;

/**
 * The fields of a fine receipt ({@link ServiceKind#FINE}): the kind of fine, the treasury, the decision and the
 * violation. Empty text where a value is not known.
 *
 * @param fineTypeCode {@code MaLoaiHinhThuPhat}
 * @param fineTypeName {@code TenLoaiHinhThuPhat}
 * @param treasury {@code KhoBac}
 * @param decisionDate {@code NgayQD}, as the operator spells it
 * @param decisionNumber {@code SoQD}, required
 * @param violationTime {@code ThoiGianViPham}
 * @param violationPlace {@code DiaDiemViPham}
 * @param violatorName {@code TenNguoiViPham}, required
 */
public record FineDetails(String fineTypeCode, String fineTypeName, String treasury, String decisionDate,
        String decisionNumber, String violationTime, String violationPlace, String violatorName) {

    /**
     * Validates the components.
     *
     * @param fineTypeCode the kind of fine's code
     * @param fineTypeName its name
     * @param treasury the treasury
     * @param decisionDate the decision's date
     * @param decisionNumber the decision's number
     * @param violationTime when the violation happened
     * @param violationPlace where
     * @param violatorName who
     * @throws ValidationException naming the field at fault
     */
    public FineDetails {
        ValidationException.requireNonNull(fineTypeCode, "FineDetails.fineTypeCode");
        ValidationException.requireNonNull(fineTypeName, "FineDetails.fineTypeName");
        ValidationException.requireNonNull(treasury, "FineDetails.treasury");
        ValidationException.requireNonNull(decisionDate, "FineDetails.decisionDate");
        ValidationException.requireText(decisionNumber, "FineDetails.decisionNumber");
        ValidationException.requireNonNull(violationTime, "FineDetails.violationTime");
        ValidationException.requireNonNull(violationPlace, "FineDetails.violationPlace");
        ValidationException.requireText(violatorName, "FineDetails.violatorName");
    }
}
