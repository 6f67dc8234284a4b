package vn.egov.sdk.signing.remote;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.signing.SigningException;

/**
 * A remote signature was not obtained: the signer declined or let the request expire, the wait passed its deadline,
 * the service failed the transaction, or what came back does not verify. {@link #reason()} says which,
 * {@link #fault()} whose side it was, {@link #transactionId()} which transaction (to look it up later).
 */
public class RemoteSigningException extends SigningException {
    private static final long serialVersionUID = 1L;

    /** Why no signature was obtained. */
    public enum Reason {
        /** The signer refused (the counterparty's side; a new request may be confirmed). */
        DECLINED(Fault.COUNTERPARTY, true),
        /** The signer did not confirm in the time the service allows (the counterparty's side). */
        EXPIRED(Fault.COUNTERPARTY, true),
        /**
         * The caller's deadline passed while the transaction was still pending (network side: the signer may still
         * confirm it; look it up with the transaction id before submitting again).
         */
        TIMED_OUT(Fault.NETWORK, true),
        /** The thread was interrupted while waiting (the caller's side). */
        INTERRUPTED(Fault.CALLER, false),
        /** The service reported the transaction failed (the platform's side). */
        FAILED(Fault.PLATFORM, true),
        /** The service returned a signature that does not verify with the certificate, or none (platform side). */
        BAD_SIGNATURE(Fault.VERIFICATION, false);

        private final Fault fault;
        private final boolean retryable;

        Reason(Fault fault, boolean retryable) {
            this.fault = fault;
            this.retryable = retryable;
        }

        /**
         * Whose side it is.
         *
         * @return the side that failed, which sets the exception's {@link #fault()}
         */
        public Fault fault() {
            return fault;
        }

        /**
         * Whether a new request may succeed.
         *
         * @return {@code true} if submitting a new request may succeed
         */
        public boolean retryable() {
            return retryable;
        }
    }

    /** Why no signature was obtained. */
    private final Reason reason;
    /** The transaction concerned, to look it up later. */
    private final String transactionId;

    /**
     * @param message what happened, in words a vendor can act on (no secrets, no citizen ids)
     * @param reason why
     * @param transactionId the transaction concerned
     * @param cause the cause, or {@code null}
     */
    public RemoteSigningException(String message, Reason reason, String transactionId, Throwable cause) {
        super(message, ErrorDetails.of(reason.fault(), reason.retryable()),
                cause);
        this.reason = reason;
        this.transactionId = transactionId;
    }

    /**
     * Why no signature was obtained.
     *
     * @return the reason; never null
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The transaction concerned.
     *
     * @return the transaction id as sent to the service
     */
    public String transactionId() {
        return transactionId;
    }
}
