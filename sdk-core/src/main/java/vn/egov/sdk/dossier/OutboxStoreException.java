package vn.egov.sdk.dossier;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A {@link DossierOutbox} could not open, read or write its entries: a file locked by another process, a
 * directory that is not writable, a failed disk or database, a closed store. Nothing about a dossier is wrong;
 * a drain stops and tries again later.
 *
 * <p>{@link #fault()} is {@link Fault#CALLER} (the vendor's environment or configuration); {@link #retryable()}
 * says whether the same call may succeed later.
 */
public class OutboxStoreException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where, in words an operator can act on
     * @param retryable whether the same call may succeed later
     * @param cause the underlying error, or {@code null}
     */
    public OutboxStoreException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(Fault.CALLER, retryable), cause);
    }
}
