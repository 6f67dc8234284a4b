package vn.egov.sdk.payment;

/**
 * Why a result callback was refused. Where the checksum did not match, the verifier tries the usual mistakes
 * (another field order, a 12-hour clock, Vietnamese text in another Unicode form) and names the one that
 * explains the mismatch, so a vendor knows what to tell the other side.
 */
public enum CallbackFailure {
    /** The body is not the system's format (not JSON, a field of the wrong type, too big). */
    MALFORMED,
    /** A field the checksum or the SDK needs is missing or empty. */
    MISSING_FIELD,
    /** The partner or client code in the body is not the one this client is configured with. */
    PARTNER_MISMATCH,
    /** The reference is not one this vendor created (nothing in the {@link PaymentStore}). */
    UNKNOWN_REFERENCE,
    /** The amount differs from the vendor's own record of the payment. */
    AMOUNT_ALTERED,
    /** The checksum matches the fields in another order: the sender joined them in the wrong order. */
    FIELD_ORDER,
    /** The checksum matches with the time written on a 12-hour clock: the sender formats hours wrongly. */
    TWELVE_HOUR_CLOCK,
    /** The checksum matches with the text in another Unicode normal form (NFC versus NFD Vietnamese). */
    UNICODE_FORM,
    /** No variant matches: a wrong key, a test key against production (or the reverse), or altered fields. */
    CHECKSUM_MISMATCH,
    /**
     * The checksum verified, but the time the callback states (the DVCQG platform's {@code ThoiGianGD}, PayGov's
     * {@code payDate}) is older than a {@link CallbackWindow} accepts or too far in the future: a replayed or
     * delayed callback. Nothing is recorded; a status query or the {@code Reconciler} finds the payment's state.
     */
    OUTSIDE_WINDOW
}
