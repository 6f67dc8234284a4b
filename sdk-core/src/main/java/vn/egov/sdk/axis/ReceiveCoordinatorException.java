package vn.egov.sdk.axis;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A {@link ReceiveCoordinator} could not reach or write the state the nodes share (the database is down, a
 * serialisation failure, a table missing). Nothing about a package is wrong; a {@link ReceiveLoop} ends the poll
 * and throws it, and its background loop backs off and tries again.
 *
 * <p>{@link #fault()} is {@link Fault#CALLER} (the vendor's environment); {@link #retryable()} says whether the
 * same call may succeed later (a lost connection, a deadlock) or not (a missing table, a refused statement).
 */
public class ReceiveCoordinatorException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words an operator can act on (no secrets)
     * @param retryable whether the same call may succeed later
     * @param cause the underlying error, or {@code null}
     */
    public ReceiveCoordinatorException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(Fault.CALLER, retryable), cause);
    }
}
