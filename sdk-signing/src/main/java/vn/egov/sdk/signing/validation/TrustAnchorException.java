package vn.egov.sdk.signing.validation;

import java.util.List;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A certificate file offered as a pinned trust anchor was refused: it held no certificate matching the pin, or no
 * certificate at all, or could not be fetched. The message names the pin and the fingerprints found.
 */
public final class TrustAnchorException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final transient PinnedAnchor anchor;
    /** The SHA-256 fingerprints (lowercase hex) of the certificates found in the offered file. */
    private final List<String> found;

    /**
     * @param anchor the pin the file was offered for
     * @param found the SHA-256 fingerprints of the certificates the file held (empty when none)
     * @param message what went wrong and what to do
     * @param retryable whether trying again may help (a download that failed)
     * @param cause the underlying failure, or {@code null}
     */
    public TrustAnchorException(PinnedAnchor anchor, List<String> found, String message, boolean retryable,
            Throwable cause) {
        super(message, ErrorDetails.of(retryable ? Fault.NETWORK : Fault.VERIFICATION, retryable), cause);
        this.anchor = anchor;
        this.found = List.copyOf(found);
    }

    /**
     * The pin the file was offered for.
     *
     * @return the pin that refused the file; {@code null} after the exception was deserialised
     */
    public PinnedAnchor anchor() {
        return anchor;
    }

    /**
     * The SHA-256 fingerprints (lowercase hex) of the certificates found in the file; empty when none.
     *
     * @return an unmodifiable list of lowercase hexadecimal fingerprints
     */
    public List<String> foundFingerprints() {
        return found;
    }
}
