package vn.egov.sdk.jdbc;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * The send outbox could not read or write its table: the database is down or unreachable, refused the statement,
 * or the table is missing. Nothing about the package is wrong; {@link #retryable()} says whether the same call may
 * succeed later (a lost connection, a deadlock, a shutting-down server: yes; a missing table or a permission: no).
 */
public class SendOutboxException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words an operator can act on
     * @param retryable whether the same call may succeed later
     * @param cause the underlying error, or {@code null}
     */
    public SendOutboxException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(Fault.CALLER, retryable), cause);
    }
}
