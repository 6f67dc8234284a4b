package vn.egov.sdk.identity;

import java.util.Optional;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * An ID token was refused: {@link #failure()} says why, {@link #claim()} names the claim or header parameter at
 * fault when there is one. The message never contains the token or the nonce.
 *
 * <p>The fault is {@link Fault#VERIFICATION} (not retryable) for every failure but
 * {@link IdTokenFailure#JWKS_UNAVAILABLE}, whose fault is that of the failed JWKS fetch: {@link Fault#PLATFORM} when
 * the identity provider answered with an error or an unusable key set, {@link Fault#NETWORK} when it could not be
 * reached; that one is retryable.
 */
public class IdTokenException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Why the token was refused. */
    private final IdTokenFailure failure;
    /** The claim or header parameter at fault, or {@code null}. */
    private final String claim;

    /**
     * Creates the exception.
     *
     * @param failure why the token was refused
     * @param claim the claim or header parameter at fault (for example {@code iss} or {@code alg}), or {@code null}
     * @param message what went wrong, in words a vendor can act on; never the token itself
     * @param details the structured details
     * @param cause the underlying cause, or {@code null}
     */
    public IdTokenException(IdTokenFailure failure, String claim, String message, ErrorDetails details,
            Throwable cause) {
        super(message, details, cause);
        this.failure = failure == null ? IdTokenFailure.MALFORMED : failure;
        this.claim = claim;
    }

    /**
     * A refusal of fault {@link Fault#VERIFICATION}, not retryable.
     *
     * @param failure why the token was refused
     * @param claim the claim or header parameter at fault, or {@code null}
     * @param message what went wrong; never the token itself
     * @return the exception, to throw
     */
    public static IdTokenException of(IdTokenFailure failure, String claim, String message) {
        return new IdTokenException(failure, claim, message, ErrorDetails.of(Fault.VERIFICATION, false), null);
    }

    /**
     * Why the token was refused.
     *
     * @return the failure
     */
    public IdTokenFailure failure() {
        return failure;
    }

    /**
     * The claim ({@code iss}, {@code aud}, {@code nonce}, ...) or header parameter ({@code alg}, {@code kid}) at
     * fault.
     *
     * @return its name, or empty when the failure concerns the token as a whole
     */
    public Optional<String> claim() {
        return Optional.ofNullable(claim);
    }
}
