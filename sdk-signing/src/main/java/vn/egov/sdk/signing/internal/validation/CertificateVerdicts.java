package vn.egov.sdk.signing.internal.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.TrustStore;

/**
 * The verdicts of the {@link vn.egov.sdk.signing.validation.PkixCertificateValidator}: a failure with its advice,
 * and, once the chain is built and valid, what the revocation results of the signer and of the intermediate CAs make
 * of it under the {@link RevocationPolicy}.
 */
public final class CertificateVerdicts {
    private final RevocationPolicy policy;
    private final TrustStore trustStore;
    private final RevocationChecker revocation;

    /**
     * @param policy what to do without a revocation answer
     * @param trustStore the trusted roots (named in the verdict)
     * @param revocation the revocation checker; null only when the policy is OFFLINE
     */
    public CertificateVerdicts(RevocationPolicy policy, TrustStore trustStore, RevocationChecker revocation) {
        this.policy = policy;
        this.trustStore = trustStore;
        this.revocation = revocation;
    }

    /**
     * The verdict on a chain that passed every other check: revocation of the signer and of each intermediate CA
     * that names a source (unless the policy is OFFLINE or the signer is itself a root), then the algorithms.
     *
     * @param chain the chain, signer first, root last
     * @param signingTime when the signature was made
     * @param now the current time, for the freshness of revocation answers
     * @param weakness why the chain's algorithms are too weak, if they are
     * @param warnings the warnings so far; added to
     * @return the validation result
     */
    public CertificateValidation afterRevocation(List<X509Certificate> chain, Instant signingTime, Instant now,
            Optional<String> weakness, List<String> warnings) {
        X509Certificate signer = chain.get(0);
        if (policy == RevocationPolicy.OFFLINE || chain.size() < 2) {
            RevocationResult none = RevocationResult.notChecked(chain.size() < 2
                    ? "the signer's certificate is itself a trusted root"
                    : "revocation not checked: the validator is configured OFFLINE");
            if (chain.size() >= 2) {
                warnings.add("revocation was not checked (policy OFFLINE)");
            }
            return verdict(chain, none, weakness, warnings);
        }
        RevocationResult own = revocation.check(signer, chain.get(1), now);
        Optional<CertificateValidation> bad = judge(own, "the signer's certificate", chain, own, signingTime,
                weakness, warnings);
        if (bad.isPresent()) {
            return bad.get();
        }
        for (int i = 1; i < chain.size() - 1; i++) {
            X509Certificate ca = chain.get(i);
            if (!RevocationChecker.hasSources(ca)) {
                warnings.add("the CA certificate " + name(ca) + " names no OCSP responder or CRL: its revocation "
                        + "was not checked");
                continue;
            }
            RevocationResult caResult = revocation.check(ca, chain.get(i + 1), now);
            Optional<CertificateValidation> caBad = judge(caResult, "the CA certificate " + name(ca), chain, own,
                    signingTime, weakness, warnings);
            if (caBad.isPresent()) {
                return caBad.get();
            }
        }
        return verdict(chain, own, weakness, warnings);
    }

    /** The verdict a revocation result forces, if any; adds warnings for the ones that do not change it. */
    private Optional<CertificateValidation> judge(RevocationResult r, String who, List<X509Certificate> chain,
            RevocationResult reported, Instant signingTime, Optional<String> weakness, List<String> warnings) {
        switch (r.status()) {
            case REVOKED -> {
                Instant at = r.revokedAt().orElse(Instant.MIN);
                if (!at.isAfter(signingTime)) {
                    String reason = who + " was revoked at " + at + ", at or before the signing time " + signingTime
                            + " (" + r.detail() + ")";
                    if (r != reported) {
                        return Optional.of(new CertificateValidation(Indication.INVALID,
                                Optional.of(SubIndication.REVOKED), reason + "; the issuing CA's certificate was "
                                        + "revoked: ask the sender to sign again with a certificate from a valid CA",
                                chain, reported, warnings));
                    }
                    return Optional.of(fail(SubIndication.REVOKED, reason, chain, reported, warnings));
                }
                warnings.add(who + " was revoked at " + at + ", after the signing time " + signingTime
                        + ": the signature stands only if that signing time can be trusted (" + r.detail() + ")");
                return Optional.empty();
            }
            case UNKNOWN -> {
                if (!r.source().equals("none")) {
                    return Optional.of(fail(SubIndication.REVOCATION_UNKNOWN, who + ": " + r.detail(), chain,
                            reported, warnings));
                }
                if (policy == RevocationPolicy.SOFT_FAIL) {
                    warnings.add("revocation status of " + who + " unknown, accepted under SOFT_FAIL: "
                            + r.detail());
                    return Optional.empty();
                }
                if (weakness.isPresent()) {
                    warnings.add("revocation status of " + who + " unknown: " + r.detail());
                    return Optional.empty();
                }
                return Optional.of(fail(SubIndication.TRY_LATER, "the revocation status of " + who
                        + " could not be obtained: " + r.detail(), chain, reported, warnings));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private CertificateValidation verdict(List<X509Certificate> chain, RevocationResult revocationResult,
            Optional<String> weakness, List<String> warnings) {
        if (weakness.isPresent()) {
            return fail(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, weakness.get(), chain, revocationResult, warnings);
        }
        String root = trustStore.nameOf(chain.get(chain.size() - 1)).orElse("a trusted root");
        return new CertificateValidation(Indication.VALID, Optional.empty(), "the signer's certificate "
                + name(chain.get(0)) + " chains to " + root + ", was valid at the signing time and "
                + describe(revocationResult), chain, revocationResult, warnings);
    }

    private static String describe(RevocationResult r) {
        return switch (r.status()) {
            case GOOD -> "is not revoked (" + r.source() + ")";
            case REVOKED -> "was revoked only after signing";
            case UNKNOWN -> "its revocation status is unknown (" + r.detail() + ")";
            case NOT_CHECKED -> "its revocation was not checked (" + r.detail() + ")";
        };
    }

    /**
     * A failed validation.
     *
     * @param why the sub-indication (its indication and advice go with it)
     * @param reason what failed, in words
     * @param chain the chain as far as it was built
     * @param revocationResult the signer's revocation result, or why it was not checked
     * @param warnings the warnings
     * @return the validation result
     */
    public static CertificateValidation fail(SubIndication why, String reason, List<X509Certificate> chain,
            RevocationResult revocationResult, List<String> warnings) {
        return new CertificateValidation(why.indication(), Optional.of(why), reason + "; " + why.advice(), chain,
                revocationResult, warnings);
    }

    /**
     * A certificate's subject, for messages.
     *
     * @param c the certificate
     * @return its subject distinguished name
     */
    public static String name(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }
}
