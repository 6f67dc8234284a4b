package vn.egov.sdk.signing.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;

/**
 * Validates a signer certificate at a point in time: builds the chain to a trust anchor from the certificates the
 * signature carried, checks validity at that time, key usage and revocation. Signature verifiers (XML, CMS, PDF)
 * call it after the cryptographic check and put the result in their {@link ValidationReport}.
 */
public interface CertificateValidator {

    /**
     * Validates a signer certificate.
     *
     * @param signer the signer certificate
     * @param candidates other certificates the signature carried (intermediates; order does not matter)
     * @param signingTime the time to validate at: the time a trusted timestamp proves, else now (the SDK's verifiers
     *        never pass a time the signer merely claimed, unless the caller asks them to, e.g.
     *        {@code CmsVerifier.Builder.validateAtClaimedTime})
     * @return the result; never throws for a bad certificate, only reports it
     */
    CertificateValidation validate(X509Certificate signer, Collection<X509Certificate> candidates,
            Instant signingTime);
}
