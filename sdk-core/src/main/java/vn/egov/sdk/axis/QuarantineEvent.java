package vn.egov.sdk.axis;

import java.nio.file.Path;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * A package a {@link ReceiveLoop} quarantined: its attempt budget ({@link ReceiveLoop.Builder#maxAttempts}) is
 * spent, it was acknowledged {@code fail} to the axis and is never handed over again. Its raw bytes, exactly as
 * the axis holds them (not parsed), are kept on disk for a person, or the event says why they could not be.
 *
 * @param docId the axis id of the package
 * @param attempts how many attempts began (an attempt the process died in included)
 * @param lastFailure the last failure, in words (the exception's class and message, or that the process ended
 *        during the attempt)
 * @param file where the raw bytes are, if they could be kept
 * @param notKept why the bytes could not be kept, if they could not
 */
public record QuarantineEvent(String docId, int attempts, String lastFailure, Optional<Path> file,
        Optional<String> notKept) {
    /**
     * Validates the components: exactly one of {@code file} and {@code notKept} is present.
     *
     * @param docId the axis id of the package, non-blank
     * @param attempts how many attempts began
     * @param lastFailure the last failure in words, non-null
     * @param file where the raw bytes are, non-null (empty if they could not be kept)
     * @param notKept why the bytes could not be kept, non-null (empty if they were)
     * @throws ValidationException if a component is missing, or both or neither of {@code file} and
     *         {@code notKept} are present
     */
    public QuarantineEvent {
        CheckpointEntry.requireDocId(docId);
        ValidationException.requireNonNull(lastFailure, "QuarantineEvent.lastFailure");
        ValidationException.requireNonNull(file, "QuarantineEvent.file");
        ValidationException.requireNonNull(notKept, "QuarantineEvent.notKept");
        if (file.isPresent() == notKept.isPresent()) {
            throw ValidationException.of("quarantineEvent.outcome", "file",
                    "give either the file of the kept bytes or why they could not be kept");
        }
    }

    /**
     * Whether the raw bytes were kept on disk.
     *
     * @return true if {@link #file()} is present, false if {@link #notKept()} says why not
     */
    public boolean kept() {
        return file.isPresent();
    }
}
