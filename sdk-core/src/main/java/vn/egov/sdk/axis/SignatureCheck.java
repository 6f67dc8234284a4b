package vn.egov.sdk.axis;

import java.util.Optional;

/**
 * What a {@link SignatureVerifier} found about a received package's signature.
 *
 * @param indication VALID, INVALID or INDETERMINATE (as EU DSS words it)
 * @param signer who signed, if known (subject of the signing certificate)
 * @param reason why, in words a vendor can act on
 */
public record SignatureCheck(Indication indication, Optional<String> signer, String reason) {
    /** The verdict. */
    public enum Indication {
        /** The signature verified and the signer is trusted. */
        VALID,
        /** The signature is broken, or the content changed after signing. */
        INVALID,
        /** It could not be decided (no signature, unknown signer, revocation unknown). */
        INDETERMINATE
    }
}
