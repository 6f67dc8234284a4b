package vn.egov.sdk.payment;

/** What {@link PaymentStore#applyFinalState} did. */
public enum ApplyOutcome {
    /** The payment was pending; it is now final and the effect ran once. */
    APPLIED,
    /** The payment was already final: nothing changed and the effect did not run (a repeated callback). */
    ALREADY_FINAL,
    /** No payment has that reference. */
    UNKNOWN_REFERENCE
}
