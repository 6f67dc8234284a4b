package vn.egov.sdk.edxml;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.edxml.internal.Values;

/**
 * The business block of the trace list ({@code TraceHeaderList/Bussiness}, wire spelling with double s): what the
 * package does (new, revoke, update, replace) and to which document.
 *
 * @param documentId the document concerned ({@code DocumentId}), for revoke / update
 * @param type {@code BussinessDocType}
 * @param reason {@code BussinessDocReason}
 * @param paper {@code Paper}: 1 if a paper original follows (meaning inferred)
 * @param documentInfos {@code BussinessDocumentInfo}, for updates
 * @param replacements {@code ReplacementInfoList/ReplacementInfo}, for replacements
 * @param staff {@code StaffInfo}
 * @param extensions unknown child elements, kept and written back
 */
public record Business(Optional<DocumentId> documentId, BusinessDocType type, String reason, OptionalInt paper,
        List<BusinessDocumentInfo> documentInfos, List<ReplacementInfo> replacements, List<StaffInfo> staff,
        List<XmlElement> extensions) {
    /**
     * Normalises nulls.
     *
     * @param documentId the document concerned, or empty
     * @param type {@code BussinessDocType}
     * @param reason {@code BussinessDocReason}
     * @param paper {@code Paper}, or empty
     * @param documentInfos the {@code BussinessDocumentInfo} entries; copied
     * @param replacements the {@code ReplacementInfo} entries; copied
     * @param staff the staff entries ({@code StaffInfo}); copied
     * @param extensions unknown child elements; copied
     */
    public Business {
        documentId = Values.opt(documentId);
        type = type == null ? BusinessDocType.NEW : type;
        reason = Values.text(reason);
        paper = Values.optInt(paper);
        documentInfos = Values.list(documentInfos);
        replacements = Values.list(replacements);
        staff = Values.list(staff);
        extensions = Values.list(extensions);
    }

    /**
     * A business block of the given type with its default reason, {@code Paper} 0 and the given staff.
     *
     * @param type the business type ({@code BussinessDocType})
     * @param staff the staff member handling it ({@code StaffInfo})
     * @return a business block with no document id, infos, replacements or extensions
     */
    public static Business of(BusinessDocType type, StaffInfo staff) {
        return new Business(Optional.empty(), type, type.defaultReason(), OptionalInt.of(0), List.of(), List.of(),
                staff == null ? List.of() : List.of(staff), List.of());
    }
}
