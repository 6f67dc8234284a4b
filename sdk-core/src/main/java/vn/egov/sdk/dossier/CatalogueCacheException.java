package vn.egov.sdk.dossier;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * A {@link CatalogueCache} could not read or write its snapshot: a directory that is not writable, a failed disk, a
 * snapshot file that is not one this SDK wrote (damaged or edited by hand). Nothing on the portal is wrong; the
 * sync that met it changed nothing and can run again.
 *
 * <p>{@link #fault()} is {@link Fault#CALLER} (the vendor's environment); {@link #retryable()} says whether the same
 * call may succeed later (a damaged file will not mend itself).
 */
public class CatalogueCacheException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where, in words an operator can act on
     * @param retryable whether the same call may succeed later
     * @param cause the underlying error, or {@code null}
     */
    public CatalogueCacheException(String message, boolean retryable, Throwable cause) {
        super(message, ErrorDetails.of(Fault.CALLER, retryable), cause);
    }
}
