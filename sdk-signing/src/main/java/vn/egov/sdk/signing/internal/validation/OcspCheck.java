package vn.egov.sdk.signing.internal.validation;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.signing.internal.PemKeys;
import vn.egov.sdk.signing.validation.RevocationStatus;

/**
 * One OCSP query (RFC 6960) and the checks on its answer: a fresh nonce; a {@code successful} response; signed by
 * the issuing CA itself or by a delegated responder the CA issued with {@code id-kp-OCSPSigning}; a single response
 * for exactly the certificate asked about; {@code thisUpdate}/{@code nextUpdate} fresh within the clock skew; the
 * nonce echoed when the responder echoes one. Any failed check makes the answer unusable ({@link SourceFailure}).
 */
public final class OcspCheck {
    private static final String OCSP_SIGNING = KeyPurposeId.id_kp_OCSPSigning.getId();

    private final BoundedFetch fetch;
    private final SecureRandom random;
    private final long maxResponseBytes;
    private final Duration skew;
    private final Duration maxAgeWithoutNextUpdate;
    private final boolean requireNonce;
    private final DigestCalculatorProvider digests;

    /**
     * @param fetch how to send the request
     * @param random the nonce source
     * @param maxResponseBytes the largest response read
     * @param skew the clock skew tolerated on {@code thisUpdate}/{@code nextUpdate}
     * @param maxAgeWithoutNextUpdate how old a response without {@code nextUpdate} may be
     * @param requireNonce whether a response without the nonce is refused
     */
    public OcspCheck(BoundedFetch fetch, SecureRandom random, long maxResponseBytes, Duration skew,
            Duration maxAgeWithoutNextUpdate, boolean requireNonce) {
        this.fetch = fetch;
        this.random = random;
        this.maxResponseBytes = maxResponseBytes;
        this.skew = skew;
        this.maxAgeWithoutNextUpdate = maxAgeWithoutNextUpdate;
        this.requireNonce = requireNonce;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(PemKeys.provider()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks {@code responder} about {@code certificate}.
     *
     * @param now the validation time
     * @throws SourceFailure when no usable answer came
     */
    public RevocationAnswer check(URI responder, X509Certificate certificate, X509Certificate issuer, Instant now)
            throws SourceFailure {
        X509CertificateHolder issuerHolder;
        CertificateID id;
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] request;
        try {
            issuerHolder = new X509CertificateHolder(issuer.getEncoded());
            id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder, certificate.getSerialNumber());
            request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce)))))
                    .build().getEncoded();
        } catch (Exception e) {
            throw new SourceFailure("cannot build the OCSP request: " + Causes.describe(e));
        }
        byte[] body;
        try {
            body = fetch.post(responder, request, "application/ocsp-request", maxResponseBytes);
        } catch (BoundedFetch.FetchException e) {
            throw new SourceFailure("OCSP responder " + Causes.describe(e));
        }
        return read(responder, body, certificate.getSerialNumber(), issuer, issuerHolder, nonce, now);
    }

    private RevocationAnswer read(URI responder, byte[] body, BigInteger serial, X509Certificate issuer,
            X509CertificateHolder issuerHolder, byte[] nonce, Instant now) throws SourceFailure {
        String from = "OCSP responder " + responder;
        BasicOCSPResp basic;
        try {
            OCSPResp resp = new OCSPResp(body);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new SourceFailure(from + " refused to answer (" + statusName(resp.getStatus()) + ")");
            }
            Object o = resp.getResponseObject();
            if (!(o instanceof BasicOCSPResp b)) {
                throw new SourceFailure(from + " sent a response of an unsupported type");
            }
            basic = b;
        } catch (SourceFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SourceFailure(from + " sent a malformed response (not DER OCSP): " + Causes.describe(e));
        }
        X509Certificate signer = responderCertificate(from, basic, issuer, issuerHolder, now);
        try {
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(PemKeys.provider())
                    .build(signer.getPublicKey()))) {
                throw new SourceFailure(from + ": the response's signature does not verify (forged or altered)");
            }
        } catch (SourceFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SourceFailure(from + ": the response's signature cannot be checked: " + Causes.describe(e));
        }
        checkNonce(from, basic, nonce);
        SingleResp single = matching(from, basic, serial, issuerHolder);
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
        if (thisUpdate.isAfter(now.plus(skew))) {
            throw new SourceFailure(from + ": the answer's thisUpdate " + thisUpdate + " is in the future");
        }
        Instant validUntil = nextUpdate.orElse(thisUpdate.plus(maxAgeWithoutNextUpdate));
        if (validUntil.isBefore(now.minus(skew))) {
            throw new SourceFailure(from + ": the answer is stale (valid until " + validUntil + ", now " + now + ")");
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new RevocationAnswer(RevocationStatus.GOOD, "OCSP", Optional.empty(),
                    from + " says good (thisUpdate " + thisUpdate + ")", validUntil);
        }
        if (status instanceof RevokedStatus revoked) {
            Instant at = revoked.getRevocationTime().toInstant();
            return new RevocationAnswer(RevocationStatus.REVOKED, "OCSP", Optional.of(at),
                    from + " says revoked at " + at + reason(revoked), validUntil);
        }
        if (status instanceof UnknownStatus) {
            return new RevocationAnswer(RevocationStatus.UNKNOWN, "OCSP", Optional.empty(),
                    from + " does not know this certificate (status unknown)", validUntil);
        }
        throw new SourceFailure(from + " gave a status the SDK does not know");
    }

    private X509Certificate responderCertificate(String from, BasicOCSPResp basic, X509Certificate issuer,
            X509CertificateHolder issuerHolder, Instant now) throws SourceFailure {
        RespID rid = basic.getResponderId();
        try {
            DigestCalculator sha1 = digests.get(CertificateID.HASH_SHA1);
            if (rid.equals(new RespID(issuerHolder.getSubject()))
                    || rid.equals(new RespID(issuerHolder.getSubjectPublicKeyInfo(), sha1))) {
                return issuer;
            }
            for (X509CertificateHolder h : basic.getCerts()) {
                if (!rid.equals(new RespID(h.getSubject()))
                        && !rid.equals(new RespID(h.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)))) {
                    continue;
                }
                X509Certificate delegated = new JcaX509CertificateConverter().setProvider(PemKeys.provider())
                        .getCertificate(h);
                return checkDelegated(from, delegated, issuer, now);
            }
        } catch (SourceFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SourceFailure(from + ": cannot identify the response's signer: " + Causes.describe(e));
        }
        throw new SourceFailure(from + ": the response is signed by "
                + describe(rid) + ", neither the issuing CA nor a responder certificate it included");
    }

    private static X509Certificate checkDelegated(String from, X509Certificate delegated, X509Certificate issuer,
            Instant now) throws SourceFailure {
        String who = delegated.getSubjectX500Principal().getName();
        try {
            if (!delegated.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new SourceFailure(from + ": responder certificate " + who + " was not issued by the CA");
            }
            delegated.verify(issuer.getPublicKey());
        } catch (SourceFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SourceFailure(from + ": responder certificate " + who
                    + " is not signed by the issuing CA (forged responder)");
        }
        List<String> eku;
        try {
            eku = delegated.getExtendedKeyUsage();
        } catch (Exception e) {
            eku = null;
        }
        if (eku == null || !eku.contains(OCSP_SIGNING)) {
            throw new SourceFailure(from + ": responder certificate " + who + " lacks id-kp-OCSPSigning");
        }
        Date at = Date.from(now);
        if (at.before(delegated.getNotBefore()) || at.after(delegated.getNotAfter())) {
            throw new SourceFailure(from + ": responder certificate " + who + " is not valid now");
        }
        return delegated;
    }

    private void checkNonce(String from, BasicOCSPResp basic, byte[] nonce) throws SourceFailure {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            if (requireNonce) {
                throw new SourceFailure(from + " did not echo the request's nonce (required by configuration)");
            }
            return;
        }
        byte[] got = echoed.getExtnValue().getOctets();
        byte[] sent;
        try {
            sent = new DEROctetString(nonce).getEncoded();
        } catch (java.io.IOException e) {
            throw new SourceFailure("cannot encode the nonce");
        }
        if (!Arrays.equals(got, sent) && !Arrays.equals(got, nonce)) {
            throw new SourceFailure(from + ": the response's nonce does not match the request's (replayed or forged)");
        }
    }

    private SingleResp matching(String from, BasicOCSPResp basic, BigInteger serial,
            X509CertificateHolder issuerHolder) throws SourceFailure {
        for (SingleResp s : basic.getResponses()) {
            try {
                if (s.getCertID().getSerialNumber().equals(serial) && s.getCertID().matchesIssuer(issuerHolder, digests)) {
                    return s;
                }
            } catch (Exception e) {
                // an entry we cannot match is not ours
            }
        }
        throw new SourceFailure(from + ": the response does not cover the certificate asked about (CertID mismatch)");
    }

    private static String describe(RespID rid) {
        X500Name name = rid.toASN1Primitive().getName();
        return name != null ? "'" + name + "'" : "a key hash";
    }

    private static String reason(RevokedStatus revoked) {
        return revoked.hasRevocationReason() ? " (reason code " + revoked.getRevocationReason() + ")" : "";
    }

    private static String statusName(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> "status " + status;
        };
    }
}
