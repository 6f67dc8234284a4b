package vn.egov.sdk.signing.remote;

/** Where a remote signing transaction stands. */
public enum TransactionStatus {
    /** Waiting for the signer to confirm. */
    PENDING,
    /** Signed: the signatures are in the transaction. */
    SUCCESS,
    /** The signer refused to sign. */
    DECLINED,
    /** The signer did not confirm in the time the service allows. */
    EXPIRED,
    /** The service failed or refused for its own reasons. */
    FAILED;

    /**
     * Whether the transaction will not change any more.
     *
     * @return {@code false} only for {@link #PENDING}
     */
    public boolean isFinal() {
        return this != PENDING;
    }
}
