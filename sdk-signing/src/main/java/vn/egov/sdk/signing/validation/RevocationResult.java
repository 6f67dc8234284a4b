package vn.egov.sdk.signing.validation;

import java.time.Instant;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

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
        ValidationException.requireNonNull(status, "RevocationResult.status");
        ValidationException.requireNonNull(source, "RevocationResult.source");
        ValidationException.requireNonNull(revokedAt, "RevocationResult.revokedAt");
        ValidationException.requireNonNull(detail, "RevocationResult.detail");
    }

    /** Not checked, for the given reason. */
    public static RevocationResult notChecked(String why) {
        return new RevocationResult(RevocationStatus.NOT_CHECKED, "none", Optional.empty(), why);
    }
}
