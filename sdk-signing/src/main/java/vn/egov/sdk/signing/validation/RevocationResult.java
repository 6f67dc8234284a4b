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
    /**
     * Checks the members.
     *
     * @param status the revocation status; required
     * @param source {@code "OCSP"}, {@code "CRL"} or {@code "none"}; required
     * @param revokedAt the revocation time for {@link RevocationStatus#REVOKED}, else empty
     * @param detail a sentence for the report; required
     */
    public RevocationResult {
        ValidationException.requireNonNull(status, "RevocationResult.status");
        ValidationException.requireNonNull(source, "RevocationResult.source");
        ValidationException.requireNonNull(revokedAt, "RevocationResult.revokedAt");
        ValidationException.requireNonNull(detail, "RevocationResult.detail");
    }

    /**
     * Not checked, for the given reason.
     *
     * @param why a sentence saying why revocation was not checked
     * @return a {@link RevocationStatus#NOT_CHECKED} result from source {@code "none"}
     */
    public static RevocationResult notChecked(String why) {
        return new RevocationResult(RevocationStatus.NOT_CHECKED, "none", Optional.empty(), why);
    }
}
