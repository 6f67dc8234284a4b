package vn.egov.sdk.signing.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.core.ValidationException;

/**
 * Plugs edXML XML-DSig into the axis clients ({@code VdxpAxisClient}, {@code LgspAxisClient}): as their
 * {@link DocumentSigner} it signs each package before it is sent, as their {@link SignatureVerifier} it verifies
 * each package fetched and maps the {@link ValidationReport} to a {@link SignatureCheck}.
 *
 * <pre>{@code
 * EdXmlAxisSignatures xml = EdXmlAxisSignatures.of(signer, verifier);
 * VdxpAxisClient client = VdxpAxisClient.builder()...signer(xml).verifier(xml).build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class EdXmlAxisSignatures implements DocumentSigner, SignatureVerifier {
    private final EdXmlSigner signer;
    private final EdXmlSignatureVerifier verifier;

    private EdXmlAxisSignatures(EdXmlSigner signer, EdXmlSignatureVerifier verifier) {
        this.signer = ValidationException.requireNonNull(signer, "EdXmlAxisSignatures.signer");
        this.verifier = ValidationException.requireNonNull(verifier, "EdXmlAxisSignatures.verifier");
    }

    /**
     * Signs outgoing and verifies incoming packages.
     *
     * @param signer signs packages before they are sent (it needs a signature source)
     * @param verifier verifies packages on receipt
     * @return the signer and verifier for an axis client's {@code signer(…)} and {@code verifier(…)}
     */
    public static EdXmlAxisSignatures of(EdXmlSigner signer, EdXmlSignatureVerifier verifier) {
        return new EdXmlAxisSignatures(signer, verifier);
    }

    /**
     * Only signing, for a client that does not verify: {@code builder.signer(EdXmlAxisSignatures.signer(s))}.
     *
     * @param signer the edXML signer; required
     * @return a document signer that signs each outgoing package with {@code signer}
     */
    public static DocumentSigner signer(EdXmlSigner signer) {
        ValidationException.requireNonNull(signer, "EdXmlAxisSignatures.signer");
        return signer::sign;
    }

    /**
     * Only verification: {@code builder.verifier(EdXmlAxisSignatures.verifier(v))}.
     *
     * @param verifier the edXML signature verifier; required
     * @return a signature verifier that verifies each incoming package and maps its report to a {@link SignatureCheck}
     */
    public static SignatureVerifier verifier(EdXmlSignatureVerifier verifier) {
        ValidationException.requireNonNull(verifier, "EdXmlAxisSignatures.verifier");
        return in -> toCheck(verifier.verify(in));
    }

    @Override
    public void sign(InputStream unsigned, OutputStream signed) throws IOException {
        signer.sign(unsigned, signed);
    }

    @Override
    public SignatureCheck verify(InputStream received) {
        return toCheck(verifier.verify(received));
    }

    /**
     * The axis' view of a report: the same indication, the signer's subject, and the reason with any warnings.
     *
     * @param report the report
     * @return the check
     */
    public static SignatureCheck toCheck(ValidationReport report) {
        SignatureCheck.Indication indication = switch (report.indication()) {
            case VALID -> SignatureCheck.Indication.VALID;
            case INVALID -> SignatureCheck.Indication.INVALID;
            case INDETERMINATE -> SignatureCheck.Indication.INDETERMINATE;
        };
        String reason = report.warnings().isEmpty() ? report.reason()
                : report.reason() + " (warnings: " + String.join("; ", report.warnings()) + ")";
        return new SignatureCheck(indication, report.signerName(), reason);
    }
}
