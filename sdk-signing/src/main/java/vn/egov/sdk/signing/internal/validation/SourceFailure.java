package vn.egov.sdk.signing.internal.validation;

/** A revocation source (OCSP responder, CRL) gave no usable answer; the message says why, for the report. */
public final class SourceFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message why, in a sentence */
    public SourceFailure(String message) {
        super(message, null, false, false);
    }
}
