package vn.egov.sdk.signing.validation;

import java.time.Instant;
import java.util.Optional;

/**
 * What the revocation check of the signer's certificate found.
 *
 * @param status the status
 * @param source where it came from: {@code "OCSP"}, {@code "CRL"} or {@code "none"}
 * @param revokedAt when the certificate was revoked, for {@link RevocationStatus#REVOKED}
 * @param detail a sentence for the report (responder URL, failure)
 */
public record RevocationResult(RevocationStatus status, String source, Optional<Instant> revokedAt, String detail) {
    /** Checks the members. */
    public RevocationResult {
        if (status == null || source == null || revokedAt == null || detail == null) {
            throw new IllegalArgumentException("every member of RevocationResult is required");
        }
    }

    /** Not checked, for the given reason. */
    public static RevocationResult notChecked(String why) {
        return new RevocationResult(RevocationStatus.NOT_CHECKED, "none", Optional.empty(), why);
    }
}
