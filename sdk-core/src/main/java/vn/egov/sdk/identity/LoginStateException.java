package vn.egov.sdk.identity;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

/**
 * The provider's callback does not match a pending login that this browser may take: see {@link #failure()}. The
 * login must not go on; show the user a "start again" page. The message never contains the state, the binding value
 * or any secret.
 */
public class LoginStateException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    private final LoginStateFailure failure;

    /**
     * Creates the exception.
     *
     * @param failure why; required
     * @param message what happened, in words a vendor can act on
     */
    public LoginStateException(LoginStateFailure failure, String message) {
        super("pending login " + ValidationException.requireNonNull(failure, "LoginStateException.failure") + ": "
                + message, ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.failure = failure;
    }

    /**
     * Why the pending login could not be taken.
     *
     * @return the failure
     */
    public LoginStateFailure failure() {
        return failure;
    }
}
