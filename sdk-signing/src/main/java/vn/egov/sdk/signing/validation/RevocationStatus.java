package vn.egov.sdk.signing.validation;

/** The revocation status of one certificate. */
public enum RevocationStatus {
    /** A responder or CRL said it was not revoked. */
    GOOD,
    /** A responder or CRL said it was revoked. */
    REVOKED,
    /** Checked, but no usable answer (responder down, unknown certificate, stale CRL). */
    UNKNOWN,
    /** Not checked (policy {@link RevocationPolicy#OFFLINE}, or a trust anchor). */
    NOT_CHECKED
}
