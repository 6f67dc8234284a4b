package vn.egov.sdk.signing.validation;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * What a {@link CertificateValidator} found about a signer certificate at a signing time.
 *
 * @param indication the verdict for the certificate
 * @param subIndication why, when not VALID
 * @param reason a sentence a vendor can act on
 * @param chain the chain built, signer first, the trust anchor last (empty when none could be built)
 * @param revocation the signer certificate's revocation check
 * @param warnings what did not change the verdict but is worth knowing (soft-fail revocation, SHA-1 in the chain)
 */
public record CertificateValidation(Indication indication, Optional<SubIndication> subIndication, String reason,
        List<X509Certificate> chain, RevocationResult revocation, List<String> warnings) {
    /**
     * Copies the lists and checks the members.
     *
     * @param indication the verdict; required
     * @param subIndication why, when not VALID; empty for VALID
     * @param reason a sentence a vendor can act on; required
     * @param chain the chain built, signer first; copied, empty when none was built
     * @param revocation the signer certificate's revocation check; required
     * @param warnings findings that did not change the verdict; copied
     */
    public CertificateValidation {
        ValidationException.requireNonNull(indication, "CertificateValidation.indication");
        ValidationException.requireNonNull(subIndication, "CertificateValidation.subIndication");
        ValidationException.requireNonNull(reason, "CertificateValidation.reason");
        ValidationException.requireNonNull(revocation, "CertificateValidation.revocation");
        chain = List.copyOf(ValidationException.requireElements(chain, "CertificateValidation.chain"));
        warnings = List.copyOf(ValidationException.requireElements(warnings, "CertificateValidation.warnings"));
    }
}
