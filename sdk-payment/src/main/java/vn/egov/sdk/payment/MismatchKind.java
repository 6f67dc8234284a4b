package vn.egov.sdk.payment;

/** What kind of difference a {@link Mismatch} is. */
public enum MismatchKind {
    /** The vendor's ledger has the payment; the system's list does not. */
    MISSING_ON_PLATFORM,
    /** The system lists a transaction the vendor's ledger does not have. */
    MISSING_IN_LEDGER,
    /** Both have it, with different amounts. */
    AMOUNT,
    /** Both have it, in different states (for example pending in the ledger, paid on the system). */
    STATUS,
    /** The same reference appears more than once on one side. */
    DUPLICATE
}
