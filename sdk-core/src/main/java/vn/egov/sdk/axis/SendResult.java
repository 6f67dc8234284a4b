package vn.egov.sdk.axis;

import java.nio.file.Path;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * What the axis answered to a send, and what exactly was sent.
 *
 * <p>The package bytes that left (written, then signed when a signer is set) are described by {@link #sha256()} and
 * {@link #size()}; when the send was given an archive path
 * ({@link DocumentAxisClient#send(vn.egov.sdk.edxml.EdXmlPackage, vn.egov.sdk.core.RequestOptions, Path)}),
 * {@link #archive()} names the file holding those bytes, byte for byte, so a vendor can keep exactly what was sent
 * without signing again or holding a large package in memory.
 *
 * @param docId the axis' id for the sent package ({@code DocId})
 * @param documentId the edXML {@code DocumentId} of what was sent ("" for a status package without one)
 * @param duplicate whether the axis already had this package and answered with the original's id (a repeat
 *        after an unknown outcome did not send it twice)
 * @param sha256 the SHA-256 of the package bytes sent, 64 lowercase hex digits
 * @param size the number of package bytes sent
 * @param archive the file holding a copy of the bytes sent, when an archive path was given
 */
public record SendResult(String docId, String documentId, boolean duplicate, String sha256, long size,
        Optional<Path> archive) {
    /**
     * Validates the components.
     *
     * @param docId the axis' id for the sent package
     * @param documentId the edXML {@code DocumentId}; null is read as ""
     * @param duplicate whether the axis already had this package
     * @param sha256 the SHA-256 of the bytes sent, 64 lowercase hex digits
     * @param size the number of bytes sent, not negative
     * @param archive the archive file, if any; null is read as empty
     */
    public SendResult {
        ValidationException.requireNonNull(docId, "SendResult.docId");
        documentId = documentId == null ? "" : documentId;
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw ValidationException.of("axis.sendResult.sha256", "SendResult.sha256",
                    "sha256 must be 64 lowercase hex digits");
        }
        if (size < 0) {
            throw ValidationException.of("axis.sendResult.size", "SendResult.size", "size must not be negative");
        }
        archive = archive == null ? Optional.empty() : archive;
    }
}
