package vn.egov.sdk.signing.internal.validation;

import java.time.Instant;
import java.util.Optional;
import vn.egov.sdk.signing.validation.RevocationStatus;

/**
 * A usable answer of one revocation source about one certificate.
 *
 * @param status GOOD, REVOKED or UNKNOWN (the responder does not know the certificate)
 * @param source {@code "OCSP"} or {@code "CRL"}
 * @param revokedAt the revocation time, for REVOKED
 * @param detail a sentence for the report
 * @param validUntil until when the answer may be reused (the source's next update)
 */
public record RevocationAnswer(RevocationStatus status, String source, Optional<Instant> revokedAt, String detail,
        Instant validUntil) {
}
