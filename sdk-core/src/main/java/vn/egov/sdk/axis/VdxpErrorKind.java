package vn.egov.sdk.axis;

import vn.egov.sdk.core.PlatformException;

/** What a national axis {@code ErrorCode} means, and so which exception {@link VdxpAxisClient} throws. */
public enum VdxpErrorKind {
    /** Refused credentials: bad HMAC, unknown system, timestamp outside the window, sender not served by the
     *  system → {@link vn.egov.sdk.core.AuthenticationException}, not retryable. */
    AUTHENTICATION(false),
    /** {@code hash-file} does not match the uploaded file (altered in transit) →
     *  {@link PlatformException}, not retryable as such (the caller may send again). */
    HASH_MISMATCH(false),
    /** A recipient is unknown to the axis → {@link vn.egov.sdk.core.CounterpartyException}. */
    COUNTERPARTY(false),
    /** The axis refused the request as it is (invalid package, unknown docId, bad parameter) →
     *  {@link PlatformException}, not retryable. */
    REJECTED(false),
    /** The axis failed internally → {@link PlatformException}, retryable. */
    UNAVAILABLE(true);

    private final boolean retryable;

    VdxpErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Whether a later repeat may succeed.
     *
     * @return the flag carried by the exception
     */
    public boolean retryable() {
        return retryable;
    }
}
