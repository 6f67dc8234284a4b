package vn.egov.sdk.signing.internal.validation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.PublicKey;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.signing.validation.RevocationStatus;

/**
 * A CRL lookup (RFC 5280): the CRL is fetched (bounded), must be issued and signed by the certificate's issuer
 * (which may sign CRLs), must be current ({@code nextUpdate} not passed, within the clock skew), and must not be a
 * delta CRL or carry critical extensions the SDK does not understand. Verified CRLs are cached until their
 * {@code nextUpdate}.
 */
public final class CrlCheck {
    private static final String IDP = "2.5.29.28";
    private static final String DELTA = "2.5.29.27";
    private static final int CRL_SIGN = 6;

    /** A verified CRL and the key that signed it. */
    private record Verified(X509CRL crl, PublicKey signer, Instant nextUpdate) {
    }

    private final BoundedFetch fetch;
    private final long maxBytes;
    private final Duration skew;
    private final Optional<RevocationCache<Verified>> cache;

    /**
     * @param fetch how to download
     * @param maxBytes the largest CRL read
     * @param skew the clock skew tolerated on {@code thisUpdate}/{@code nextUpdate}
     * @param cache whether to keep verified CRLs until their next update
     */
    public CrlCheck(BoundedFetch fetch, long maxBytes, Duration skew, boolean cache) {
        this.fetch = fetch;
        this.maxBytes = maxBytes;
        this.skew = skew;
        this.cache = cache ? Optional.of(new RevocationCache<>(32, v -> v.nextUpdate().plus(skew)))
                : Optional.empty();
    }

    /**
     * Looks {@code certificate} up in the CRL at {@code url}.
     *
     * @throws SourceFailure when the CRL is unusable
     */
    public RevocationAnswer check(URI url, X509Certificate certificate, X509Certificate issuer, Instant now)
            throws SourceFailure {
        Verified v = cached(url, issuer, now).orElse(null);
        if (v == null) {
            v = download(url, issuer, now);
            Verified fresh = v;
            cache.ifPresent(c -> c.put(url.toString(), fresh));
        }
        X509CRLEntry entry = v.crl().getRevokedCertificate(certificate.getSerialNumber());
        String from = "CRL " + url;
        if (entry == null || entry.getRevocationReason() == CRLReason.REMOVE_FROM_CRL) {
            return new RevocationAnswer(RevocationStatus.GOOD, "CRL", Optional.empty(),
                    from + " does not list the certificate (thisUpdate " + v.crl().getThisUpdate().toInstant() + ")",
                    v.nextUpdate());
        }
        Instant at = entry.getRevocationDate().toInstant();
        return new RevocationAnswer(RevocationStatus.REVOKED, "CRL", Optional.of(at), from + " lists it as revoked at "
                + at + (entry.getRevocationReason() != null ? " (" + entry.getRevocationReason() + ")" : ""),
                v.nextUpdate());
    }

    private Optional<Verified> cached(URI url, X509Certificate issuer, Instant now) {
        return cache.flatMap(c -> c.get(url.toString(), now))
                .filter(v -> v.signer().equals(issuer.getPublicKey()))
                .filter(v -> !v.nextUpdate().isBefore(now.minus(skew)));
    }

    private Verified download(URI url, X509Certificate issuer, Instant now) throws SourceFailure {
        String from = "CRL " + url;
        byte[] bytes;
        try {
            bytes = fetch.get(url, maxBytes);
        } catch (BoundedFetch.FetchException e) {
            throw new SourceFailure("CRL " + Causes.describe(e));
        }
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new SourceFailure(from + " is malformed (not a DER or PEM CRL)");
        }
        if (crl == null) {
            throw new SourceFailure(from + " is empty");
        }
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new SourceFailure(from + " was issued by " + crl.getIssuerX500Principal().getName()
                    + ", not by the certificate's issuer");
        }
        boolean[] ku = issuer.getKeyUsage();
        if (ku != null && (ku.length <= CRL_SIGN || !ku[CRL_SIGN])) {
            throw new SourceFailure(from + ": the issuer's certificate may not sign CRLs (no cRLSign key usage)");
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (Exception e) {
            throw new SourceFailure(from + ": its signature does not verify with the issuer's key (forged or altered)");
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (oid.equals(DELTA)) {
                    throw new SourceFailure(from + " is a delta CRL, which the SDK does not use");
                }
                if (!oid.equals(IDP)) {
                    throw new SourceFailure(from + " carries a critical extension the SDK does not understand: " + oid);
                }
            }
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(skew))) {
            throw new SourceFailure(from + ": its thisUpdate " + thisUpdate + " is in the future");
        }
        if (crl.getNextUpdate() == null) {
            throw new SourceFailure(from + " has no nextUpdate: its freshness cannot be judged");
        }
        Instant nextUpdate = crl.getNextUpdate().toInstant();
        if (nextUpdate.isBefore(now.minus(skew))) {
            throw new SourceFailure(from + " is stale: its nextUpdate " + nextUpdate + " has passed (now " + now + ")");
        }
        return new Verified(crl, issuer.getPublicKey(), nextUpdate);
    }
}
