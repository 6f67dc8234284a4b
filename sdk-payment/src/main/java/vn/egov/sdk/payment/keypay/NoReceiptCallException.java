package vn.egov.sdk.payment.keypay;

import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * The Keypay DVCQG variant has no receipt call: its receipts (biên lai) come from the DVCQG payment platform
 * ({@code GET_BILL}). Thrown by {@link KeypayDvcqgClient#openReceipt(String)}; the caller's fault, never retryable.
 */
public class NoReceiptCallException extends EgovException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what to use instead
     */
    public NoReceiptCallException(String message) {
        super(message, ErrorDetails.of(Fault.CALLER, false), null);
    }
}
