package vn.egov.sdk.payment;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A {@link PaymentStore} kept on a database could not read or write: the database was unreachable, a transaction
 * was chosen as a deadlock victim, or the database refused the statement (for example a missing table). Nothing of
 * the failed call was kept; when {@link #retryable()} is true (a lost connection, a serialization failure, a server
 * shutting down) the same call may succeed later, otherwise the vendor's database or its schema needs attention.
 */
public class PaymentStoreException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any payment data beyond the reference
     * @param retryable whether the same call may succeed later
     * @param cause the database's error
     */
    public PaymentStoreException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(retryable ? Fault.NETWORK : Fault.CALLER, retryable), cause);
    }
}
