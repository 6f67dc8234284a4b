package vn.egov.sdk.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.testkit.TestPki;

/**
 * A deliberately small {@link CertificateValidator} for format tests (XML, CMS, PDF) that must not depend on the
 * full validator: the signer must be issued by the test PKI's licensed CA (its signature verifies), be valid at
 * the signing time and allow signatures. No revocation check. Validation itself is tested with the real one.
 */
public final class TestValidators {
    private TestValidators() {
    }

    /** Accepts certificates issued by {@code pki}'s licensed CA. */
    public static CertificateValidator issuedBy(TestPki pki) {
        return (signer, candidates, at) -> check(pki, signer, at);
    }

    private static CertificateValidation check(TestPki pki, X509Certificate signer, Instant at) {
        RevocationResult none = RevocationResult.notChecked("test validator");
        try {
            signer.verify(pki.ca().getPublicKey());
        } catch (Exception e) {
            return result(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, "not issued by the test CA", List.of(), none);
        }
        List<X509Certificate> chain = List.of(signer, pki.ca(), pki.root());
        if (at.isAfter(signer.getNotAfter().toInstant())) {
            return result(SubIndication.EXPIRED, "expired", chain, none);
        }
        if (at.isBefore(signer.getNotBefore().toInstant())) {
            return result(SubIndication.NOT_YET_VALID, "not yet valid", chain, none);
        }
        boolean[] ku = signer.getKeyUsage();
        if (ku != null && !ku[0] && !ku[1]) {
            return result(SubIndication.KEY_USAGE, "not for signatures", chain, none);
        }
        return new CertificateValidation(Indication.VALID, Optional.empty(), "issued by the test CA", chain, none,
                List.of());
    }

    private static CertificateValidation result(SubIndication why, String reason, List<X509Certificate> chain,
            RevocationResult revocation) {
        return new CertificateValidation(why.indication(), Optional.of(why), reason, chain, revocation, List.of());
    }
}
