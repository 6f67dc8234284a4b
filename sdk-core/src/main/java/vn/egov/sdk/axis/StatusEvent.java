package vn.egov.sdk.axis;

import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.ResponseFor;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * A received status package, as a {@link StatusEventListener} gets it.
 *
 * @param docId the axis id of the status package itself (not of the document it reports on)
 * @param status the QĐ 28 status reported ({@code StatusCode})
 * @param responseFor the document reported on: its sender, số/ký hiệu and {@code DocumentId}
 * @param pkg the whole status package (reporter, staff, description, timestamp)
 * @param signature the signature check, if a verifier is configured
 */
public record StatusEvent(String docId, EdocStatus status, ResponseFor responseFor, StatusPackage pkg,
        Optional<SignatureCheck> signature) {
    /** Validates the components. */
    public StatusEvent {
        CheckpointEntry.requireDocId(docId);
        require(status, "status");
        require(responseFor, "responseFor");
        require(pkg, "pkg");
        signature = signature == null ? Optional.empty() : signature;
    }

    /**
     * The event of a fetched status package.
     *
     * @param docId the axis id
     * @param pkg the status package
     * @param signature its signature check, if any
     * @return the event
     * @throws ValidationException naming the missing argument
     */
    public static StatusEvent of(String docId, StatusPackage pkg, Optional<SignatureCheck> signature) {
        require(pkg, "pkg");
        return new StatusEvent(docId, pkg.status(), pkg.responseFor(), pkg, signature);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ValidationException.of("statusEvent." + field + ".missing", field, "give " + field);
        }
    }
}
