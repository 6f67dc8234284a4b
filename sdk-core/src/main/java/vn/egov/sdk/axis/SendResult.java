package vn.egov.sdk.axis;

import vn.egov.sdk.core.ValidationException;

/**
 * What the axis answered to a send.
 *
 * @param docId the axis' id for the sent package ({@code DocId})
 * @param documentId the edXML {@code DocumentId} of what was sent ("" for a status package without one)
 * @param duplicate whether the axis already had this package and answered with the original's id (a repeat
 *        after an unknown outcome did not send it twice)
 */
public record SendResult(String docId, String documentId, boolean duplicate) {
    /** Validates the components. */
    public SendResult {
        ValidationException.requireNonNull(docId, "SendResult.docId");
        documentId = documentId == null ? "" : documentId;
    }
}
