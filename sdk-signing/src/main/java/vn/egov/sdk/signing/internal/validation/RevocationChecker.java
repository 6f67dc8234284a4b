package vn.egov.sdk.signing.internal.validation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.RevocationStatus;

/**
 * The revocation status of one certificate: OCSP first (the AIA addresses), then the CRL (the CDP addresses).
 * A usable OCSP answer (good, revoked or unknown) is final; an unusable one (down, malformed, forged, stale, nonce
 * mismatch) falls back to the CRL. Answers are cached until their next update when caching is on.
 */
public final class RevocationChecker {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.signing.validation");

    private final OcspCheck ocsp;
    private final CrlCheck crl;
    private final Optional<RevocationCache<RevocationAnswer>> ocspCache;

    /**
     * @param ocsp the OCSP check
     * @param crl the CRL check
     * @param cache whether to reuse OCSP answers until their next update
     */
    public RevocationChecker(OcspCheck ocsp, CrlCheck crl, boolean cache) {
        this.ocsp = ocsp;
        this.crl = crl;
        this.ocspCache = cache ? Optional.of(new RevocationCache<>(1024, RevocationAnswer::validUntil))
                : Optional.empty();
    }

    /** Whether {@code certificate} names any address to check its revocation at. */
    public static boolean hasSources(X509Certificate certificate) {
        return !RevocationUrls.ocsp(certificate).isEmpty() || !RevocationUrls.crl(certificate).isEmpty();
    }

    /**
     * Checks {@code certificate}, issued by {@code issuer}, at {@code now}. Never throws for a source's failure:
     * without a usable answer the result is {@link RevocationStatus#UNKNOWN} from source {@code "none"}, its detail
     * listing what each source did.
     */
    public RevocationResult check(X509Certificate certificate, X509Certificate issuer, Instant now) {
        List<String> failures = new ArrayList<>();
        String key = Fingerprints.sha256(issuer) + "/" + certificate.getSerialNumber().toString(16);
        for (URI url : RevocationUrls.ocsp(certificate)) {
            Optional<RevocationAnswer> hit = ocspCache.flatMap(c -> c.get(url + "|" + key, now));
            if (hit.isPresent()) {
                return result(hit.get(), " (cached)");
            }
            try {
                RevocationAnswer a = ocsp.check(url, certificate, issuer, now);
                if (a.status() != RevocationStatus.UNKNOWN) {
                    ocspCache.ifPresent(c -> c.put(url + "|" + key, a));
                }
                return result(a, "");
            } catch (SourceFailure e) {
                LOG.debug("OCSP unusable: {}", e.getMessage());
                failures.add(Causes.describe(e));
            }
        }
        for (URI url : RevocationUrls.crl(certificate)) {
            try {
                RevocationAnswer a = crl.check(url, certificate, issuer, now);
                String after = failures.isEmpty() ? "" : " (after: " + String.join("; ", failures) + ")";
                return result(a, after);
            } catch (SourceFailure e) {
                LOG.debug("CRL unusable: {}", e.getMessage());
                failures.add(Causes.describe(e));
            }
        }
        if (failures.isEmpty()) {
            failures.add("the certificate names no OCSP responder and no CRL");
        }
        return new RevocationResult(RevocationStatus.UNKNOWN, "none", Optional.empty(), String.join("; ", failures));
    }

    private static RevocationResult result(RevocationAnswer a, String note) {
        return new RevocationResult(a.status(), a.source(), a.revokedAt(), a.detail() + note);
    }
}
