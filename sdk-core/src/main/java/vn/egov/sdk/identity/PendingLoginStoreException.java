package vn.egov.sdk.identity;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A {@link PendingLoginStore} kept on a database could not read or write: the database was unreachable or refused
 * the statement. Nothing of the failed call was kept (a login that could not be taken stays pending); when
 * {@link #retryable()} is true the same call may succeed later, otherwise the database or its schema needs
 * attention. Messages never contain the state, nonce, code verifier or browser binding.
 */
public class PendingLoginStoreException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any secret
     * @param retryable whether the same call may succeed later
     * @param cause the database's error
     */
    public PendingLoginStoreException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(retryable ? Fault.NETWORK : Fault.CALLER, retryable), cause);
    }
}
