package vn.egov.sdk.payment;

/** Where a payment stands. Only {@link #PENDING} may change; the others are final. */
public enum PaymentState {
    /** Created; the payer has not paid yet, or the system does not know the outcome yet. */
    PENDING,
    /** Paid: the system confirmed the money was taken. */
    PAID,
    /** Failed or cancelled by the payer: no money was taken. */
    FAILED,
    /** The payment window closed without a payment. */
    EXPIRED;

    /**
     * Whether the state is final.
     *
     * @return {@code true} for every state but {@link #PENDING}
     */
    public boolean isFinal() {
        return this != PENDING;
    }
}
