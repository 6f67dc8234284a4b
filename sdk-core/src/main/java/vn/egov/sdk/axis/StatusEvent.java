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
 * @param attempt the receive loop's attempt number for this status package, as {@link ReceivedPackage#attempt()}:
 *        {@code 1} = not handed over before, {@code > 1} = may be a repeat
 */
public record StatusEvent(String docId, EdocStatus status, ResponseFor responseFor, StatusPackage pkg,
        Optional<SignatureCheck> signature, int attempt) {
    /**
     * Validates the components.
     *
     * @param docId the axis id of the status package, non-blank
     * @param status the status reported, non-null
     * @param responseFor the document reported on, non-null
     * @param pkg the whole status package, non-null
     * @param signature the signature check; null is taken as empty
     * @param attempt the receive loop's attempt number, at least 1
     * @throws ValidationException naming the component that is missing, or the attempt if it is below 1
     */
    public StatusEvent {
        CheckpointEntry.requireDocId(docId);
        require(status, "status");
        require(responseFor, "responseFor");
        require(pkg, "pkg");
        signature = signature == null ? Optional.empty() : signature;
        if (attempt < 1) {
            throw ValidationException.of("statusEvent.attempt.invalid", "attempt", "attempt must be >= 1");
        }
    }

    /**
     * An event on its first attempt.
     *
     * @param docId the axis id of the status package
     * @param status the status reported
     * @param responseFor the document reported on
     * @param pkg the whole status package
     * @param signature the signature check, if any
     */
    public StatusEvent(String docId, EdocStatus status, ResponseFor responseFor, StatusPackage pkg,
            Optional<SignatureCheck> signature) {
        this(docId, status, responseFor, pkg, signature, 1);
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
        return of(docId, pkg, signature, 1);
    }

    /**
     * The event of a fetched status package on a given attempt.
     *
     * @param docId the axis id
     * @param pkg the status package
     * @param signature its signature check, if any
     * @param attempt the receive loop's attempt number, at least 1
     * @return the event
     * @throws ValidationException naming the missing or invalid argument
     */
    public static StatusEvent of(String docId, StatusPackage pkg, Optional<SignatureCheck> signature, int attempt) {
        require(pkg, "pkg");
        return new StatusEvent(docId, pkg.status(), pkg.responseFor(), pkg, signature, attempt);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ValidationException.of("statusEvent." + field + ".missing", field, "give " + field);
        }
    }
}
