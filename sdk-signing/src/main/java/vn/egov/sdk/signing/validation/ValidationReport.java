package vn.egov.sdk.signing.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The result of validating one signature: who signed, when, with which chain, the revocation result, and the
 * verdict with a reason a vendor can act on. Immutable.
 *
 * @param signatureId which signature of the document (the XML {@code Id}, the PDF field name, {@code "cms[0]"})
 * @param indication VALID, INVALID or INDETERMINATE
 * @param subIndication why, when not VALID
 * @param reason a sentence: what was found and what to do
 * @param signer the signer certificate, when one was found
 * @param signingTime the claimed or timestamped signing time, when present
 * @param chain the chain built to the trust anchor (signer first), empty when none
 * @param revocation the signer certificate's revocation check
 * @param warnings findings that did not change the verdict (non-standard namespace, SHA-1 digest accepted…)
 */
public record ValidationReport(String signatureId, Indication indication, Optional<SubIndication> subIndication,
        String reason, Optional<X509Certificate> signer, Optional<Instant> signingTime, List<X509Certificate> chain,
        RevocationResult revocation, List<String> warnings) {
    /**
     * Copies the lists and checks the members.
     *
     * @param signatureId which signature of the document; required
     * @param indication VALID, INVALID or INDETERMINATE; required
     * @param subIndication why, when not VALID; empty for VALID
     * @param reason a sentence a vendor can act on; required
     * @param signer the signer certificate, or empty when none was found
     * @param signingTime the claimed or timestamped signing time, or empty
     * @param chain the chain built, signer first; copied, empty when none
     * @param revocation the signer certificate's revocation check; required
     * @param warnings findings that did not change the verdict; copied
     */
    public ValidationReport {
        ValidationException.requireNonNull(signatureId, "ValidationReport.signatureId");
        ValidationException.requireNonNull(indication, "ValidationReport.indication");
        ValidationException.requireNonNull(subIndication, "ValidationReport.subIndication");
        ValidationException.requireNonNull(reason, "ValidationReport.reason");
        ValidationException.requireNonNull(signer, "ValidationReport.signer");
        ValidationException.requireNonNull(signingTime, "ValidationReport.signingTime");
        ValidationException.requireNonNull(revocation, "ValidationReport.revocation");
        chain = List.copyOf(ValidationException.requireElements(chain, "ValidationReport.chain"));
        warnings = List.copyOf(ValidationException.requireElements(warnings, "ValidationReport.warnings"));
    }

    /**
     * Whether the signature is {@link Indication#VALID}.
     *
     * @return {@code true} only for {@link Indication#VALID}
     */
    public boolean isValid() {
        return indication == Indication.VALID;
    }

    /**
     * The signer's subject name (RFC 2253), when a signer was found.
     *
     * @return the signer's RFC 2253 subject name, or empty when no signer certificate was found
     */
    public Optional<String> signerName() {
        return signer.map(c -> c.getSubjectX500Principal().getName());
    }

    /**
     * A report for a signature whose cryptographic check failed (or that could not be read): the certificate is
     * not looked at further.
     *
     * @param signatureId which signature of the document
     * @param why the failure; its indication becomes the report's
     * @param detail what was found, to which the sub-indication's advice is appended
     * @param signer the signer certificate, if one was found
     * @param signingTime the signing time the signature claims, if any
     * @param warnings findings that did not change the verdict
     * @return a report with no chain and revocation not checked
     */
    public static ValidationReport failed(String signatureId, SubIndication why, String detail,
            Optional<X509Certificate> signer, Optional<Instant> signingTime, List<String> warnings) {
        return new ValidationReport(signatureId, why.indication(), Optional.of(why), detail + "; " + why.advice(),
                signer, signingTime, List.of(), RevocationResult.notChecked("signature not intact"), warnings);
    }

    /**
     * A report for an intact signature: the verdict is the certificate validation's, weak algorithms turning a
     * VALID one into INDETERMINATE.
     *
     * @param signatureId which signature of the document
     * @param signer the signer certificate
     * @param signingTime the claimed or timestamped signing time, if any
     * @param certificate the validation of the signer certificate
     * @param weakness why an algorithm used is weak (for example SHA-1), or empty
     * @param warnings findings that did not change the verdict; the certificate validation's are added
     * @return a report with the certificate validation's chain, revocation and verdict
     */
    public static ValidationReport intact(String signatureId, X509Certificate signer, Optional<Instant> signingTime,
            CertificateValidation certificate, Optional<String> weakness, List<String> warnings) {
        java.util.List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(certificate.warnings());
        if (certificate.indication() == Indication.VALID && weakness.isPresent()) {
            SubIndication why = SubIndication.CRYPTO_CONSTRAINTS_FAILURE;
            return new ValidationReport(signatureId, why.indication(), Optional.of(why),
                    weakness.get() + "; " + why.advice(), Optional.of(signer), signingTime, certificate.chain(),
                    certificate.revocation(), all);
        }
        weakness.ifPresent(all::add);
        return new ValidationReport(signatureId, certificate.indication(), certificate.subIndication(),
                certificate.reason(), Optional.of(signer), signingTime, certificate.chain(),
                certificate.revocation(), all);
    }

    @Override
    public String toString() {
        return "ValidationReport[" + signatureId + ": " + indication + subIndication.map(s -> "/" + s).orElse("")
                + ", signer " + signerName().orElse("unknown") + ", " + reason + "]";
    }
}
