package vn.egov.sdk.spring.actuate.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.signing.SignatureSource;

/**
 * Whether each signing key's certificate is still valid and for how long: {@code DOWN} once expired (or not yet
 * valid), {@value CheckResult#CERTIFICATE_EXPIRING} when it expires within the warning period, else {@code UP}.
 * The details name the certificate's subject, serial number, end of validity and days left (no key material).
 */
public final class CertificateExpiryCheck implements HealthCheck {
    private final Map<String, SignatureSource> keys;
    private final Duration warning;
    private final Clock clock;

    /**
     * Creates the check.
     *
     * @param keys the signing keys by bean name
     * @param warning how long before the end of validity the check warns
     * @param clock the current time
     */
    public CertificateExpiryCheck(Map<String, SignatureSource> keys, Duration warning, Clock clock) {
        this.keys = Map.copyOf(keys);
        this.warning = warning;
        this.clock = clock;
    }

    @Override
    public CheckResult check() {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        keys.forEach((name, key) -> results.put(name, check(key)));
        return CheckResult.combine(results);
    }

    private CheckResult check(SignatureSource key) {
        Map<String, Object> details = new LinkedHashMap<>();
        X509Certificate cert;
        try {
            cert = key.certificate();
        } catch (RuntimeException e) {
            details.put("reason", "the signing key has no readable certificate: " + e.getClass().getSimpleName());
            return new CheckResult("DOWN", details);
        }
        Instant now = clock.instant();
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant notBefore = cert.getNotBefore().toInstant();
        details.put("subject", cert.getSubjectX500Principal().getName());
        details.put("serialNumber", cert.getSerialNumber().toString(16));
        details.put("notAfter", notAfter.toString());
        long daysLeft = Duration.between(now, notAfter).toDays();
        details.put("daysLeft", daysLeft);
        if (!now.isBefore(notAfter)) {
            details.put("reason", "the signing certificate expired on " + notAfter);
            return new CheckResult("DOWN", details);
        }
        if (now.isBefore(notBefore)) {
            details.put("reason", "the signing certificate is not valid before " + notBefore);
            return new CheckResult("DOWN", details);
        }
        if (now.plus(warning).isAfter(notAfter)) {
            details.put("reason", "the signing certificate expires within " + warning.toDays() + " days (on "
                    + notAfter + "): renew it");
            return new CheckResult(CheckResult.CERTIFICATE_EXPIRING, details);
        }
        return new CheckResult("UP", details);
    }
}
