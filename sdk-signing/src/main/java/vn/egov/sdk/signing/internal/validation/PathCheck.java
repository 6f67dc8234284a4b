package vn.egov.sdk.signing.internal.validation;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.signing.validation.SubIndication;

/**
 * Validates a built chain with the JDK's PKIX validator (its own revocation checking off: the SDK does that):
 * issuer signatures, CA basic constraints and path length, CA key usage, name constraints, critical extensions,
 * the JDK's disabled algorithms, and every certificate's validity at the given time.
 */
public final class PathCheck {
    /** Why a chain failed, mapped to a sub-indication. */
    public record Failure(SubIndication subIndication, String reason) {
    }

    private PathCheck() {
    }

    /**
     * Validates {@code chain} (signer first, trust anchor last) at {@code at}.
     *
     * @return the failure, or empty when the chain is valid
     */
    public static Optional<Failure> validate(List<X509Certificate> chain, Instant at) {
        if (chain.size() < 2) {
            return Optional.empty();
        }
        try {
            X509Certificate root = chain.get(chain.size() - 1);
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(path, params);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            int index = e.getIndex();
            String who = index >= 0 && index < chain.size() - 1
                    ? (index == 0 ? "the signer's certificate" : "the CA certificate "
                            + chain.get(index).getSubjectX500Principal().getName())
                    : "the chain";
            CertPathValidatorException.Reason r = e.getReason();
            if (r == CertPathValidatorException.BasicReason.EXPIRED) {
                return Optional.of(new Failure(SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                        who + " had expired at " + at));
            }
            if (r == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Optional.of(new Failure(SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                        who + " was not yet valid at " + at));
            }
            if (r == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
                return Optional.of(new Failure(SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                        who + " uses a disabled algorithm or key size: " + Causes.describe(e)));
            }
            if (r == PKIXReason.NOT_CA_CERT || r == PKIXReason.PATH_TOO_LONG || r == PKIXReason.INVALID_KEY_USAGE) {
                return Optional.of(new Failure(SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                        who + " may not issue certificates (" + r + ")"));
            }
            return Optional.of(new Failure(SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                    who + " is not acceptable: " + Causes.describe(e)));
        } catch (Exception e) {
            return Optional.of(new Failure(SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                    "the chain cannot be validated: " + Causes.describe(e)));
        }
    }
}
