package vn.egov.sdk.signing.internal.pdf;

import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningException;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.PreparedCmsSignature;

/** Assembles the CMS container of a PDF signature whose value was already checked. */
public final class ContainerAssembly {
    private ContainerAssembly() {
    }

    /**
     * The container: the signed data with the value and, for B-T, the signature timestamp.
     *
     * @param cms the PDF signer's CMS signer
     * @param prepared the prepared CMS signature
     * @param value the signature value, already checked against {@code prepared}
     * @return the DER-encoded container
     * @throws ValidationException if the container cannot be assembled from the value
     * @throws SigningException if the timestamp authority fails (any other SDK failure here is the authority's,
     *     since the value was checked)
     */
    public static byte[] assemble(CmsSigner cms, PreparedCmsSignature prepared, SignatureValue value) {
        try {
            return cms.assemble(prepared, value);
        } catch (ValidationException | SigningException e) {
            throw e;
        } catch (EgovException e) {
            throw new SigningException("the timestamp authority failed: " + Causes.describe(e),
                    ErrorDetails.of(Fault.PLATFORM, e.retryable()), e);
        }
    }
}
