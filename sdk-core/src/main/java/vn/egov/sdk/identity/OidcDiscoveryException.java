package vn.egov.sdk.identity;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A provider's discovery document ({@code /.well-known/openid-configuration}) was refused:
 * {@link #reason()} says why. Fault {@link Fault#VERIFICATION}, not retryable.
 */
public class OidcDiscoveryException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Why a discovery document was refused. */
    public enum Reason {
        /** Not a JSON object, or a field of the wrong type. */
        MALFORMED,
        /** Larger than the cap. */
        TOO_LARGE,
        /** Its {@code issuer} is not the issuer asked for (OpenID Connect Discovery 1.0 §4.3). */
        ISSUER_MISMATCH,
        /** A required endpoint is missing, or an endpoint is not an absolute http(s) URL. */
        BAD_ENDPOINT
    }

    /** Why the document was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the document was refused
     * @param message what went wrong, in words a vendor can act on
     */
    public OidcDiscoveryException(Reason reason, String message) {
        super(message, ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.reason = reason == null ? Reason.MALFORMED : reason;
    }

    /**
     * Why the document was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
