package vn.egov.sdk.axis;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A {@link CheckpointStore} could not open, read or write its checkpoints: the journal file is locked by another
 * process, its directory is not writable, the disk failed, or the store is closed. Nothing about a package is
 * wrong; a {@link ReceiveLoop} ends the poll and throws it, because without its checkpoints it can promise nothing.
 *
 * <p>{@link #fault()} is {@link Fault#CALLER} (the vendor's environment or configuration); {@link #retryable()}
 * says whether the same call may succeed later (a lock another process may release, a failed write) or not (a
 * closed store, a directory that is not writable).
 */
public class CheckpointStoreException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where (the file), in words an operator can act on
     * @param retryable whether the same call may succeed later
     * @param cause the underlying I/O error, or {@code null}
     */
    public CheckpointStoreException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(Fault.CALLER, retryable), cause);
    }
}
